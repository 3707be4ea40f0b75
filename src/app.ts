import { OpenAPIHono } from '@hono/zod-openapi';
import { getRuntimeKey } from 'hono/adapter';
import { compress } from 'hono/compress';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import { z } from 'zod';
import type { AppDeps, AppEnv } from './app-env';
import { authenticate } from './middleware/authenticate';
import { publicCors } from './middleware/public-cors';
import { requestScope } from './middleware/request-scope';
import { mountDocs } from './routes/docs';
import { stampPathAnyCase } from './routes/stamp-path';
import { handleError, notFoundAnswer, validationHook } from './routes/errors';
import { vietnameseIssue } from './routes/validation-messages';
import { adminRoutes } from './routes/admin';
import { accountPages } from './routes/console/account-pages';
import { adminPages } from './routes/console/admin-pages';
import { peoplePages } from './routes/console/people-pages';
import { inspectorPages } from './routes/console/inspector-pages';
import { importPages } from './routes/console/import-pages';
import { statisticsPages } from './routes/console/statistics-pages';
import { intakePages } from './routes/console/intake-pages';
import { printPages } from './routes/console/print-pages';
import { queuePages } from './routes/console/queue-pages';
import { registryPages } from './routes/console/registry-pages';
import { authRoutes } from './routes/auth';
import { epcisRoutes } from './routes/epcis';
import { importRoutes } from './routes/imports';
import { statisticsRoutes } from './routes/statistics';
import { inspectionRoutes } from './routes/inspections';
import { intakeRoutes } from './routes/intake';
import { keyRoutes } from './routes/keys';
import { lifecycleRoutes } from './routes/lifecycle';
import { reportRoutes } from './routes/reports';
import { statusListRoutes } from './routes/status-list';
import { printingRoutes } from './routes/printing';
import { registryRoutes } from './routes/registry';
import { stampRoutes } from './routes/stamps';
import { verifyRoutes } from './routes/verify';
import { frontDoorRoutes } from './routes/front-door';
import { resolverRoutes } from './routes/resolver';
import { pointOfSaleRoutes } from './routes/points-of-sale';
import { pointOfSalePages } from './routes/console/point-of-sale-pages';

z.config({ localeError: vietnameseIssue }); // validation messages in Vietnamese; error codes stay stable English

/** The one app for both runtimes; everything runtime-specific arrives through `deps`. */
export function createApp(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook, getPath: stampPathAnyCase });
  app.use('*', requestId());
  // HTML and JSON leave the Node server gzipped; on Workers, Cloudflare compresses at the edge (Hono's docs), so not twice.
  if (getRuntimeKey() !== 'workerd') app.use('*', compress());
  app.use(
    '*',
    secureHeaders({
      // Pages carry inline CSS only; the console's one script is served from our origin.
      contentSecurityPolicy: {
        defaultSrc: ["'none'"],
        styleSrc: ["'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
      },
      crossOriginResourcePolicy: 'cross-origin',
    }),
  );
  app.use('*', publicCors);
  app.use('*', requestScope(deps));
  app.use('/api/*', authenticate);
  app.use('/console/*', authenticate);
  app.use('/console', authenticate);
  app.use('/enroll', authenticate);

  app.route('/', verifyRoutes);
  app.route('/', resolverRoutes);
  app.route('/', keyRoutes);
  app.route('/', statusListRoutes);
  app.route('/', reportRoutes);
  // Before the registry: `/certificates/expiring` must not be read as `/certificates/{id}`.
  app.route('/', lifecycleRoutes);
  app.route('/', inspectionRoutes);
  app.route('/', intakeRoutes);
  app.route('/', epcisRoutes);
  app.route('/', importRoutes);
  app.route('/', statisticsRoutes);
  app.route('/', registryRoutes);
  app.route('/', stampRoutes);
  app.route('/', printingRoutes);
  app.route('/', authRoutes);
  app.route('/', adminRoutes);
  app.route('/', accountPages);
  app.route('/', registryPages);
  app.route('/', adminPages);
  app.route('/', peoplePages);
  app.route('/', printPages);
  app.route('/', inspectorPages);
  app.route('/', queuePages);
  app.route('/', intakePages);
  app.route('/', frontDoorRoutes);
  app.route('/', importPages);
  app.route('/', pointOfSaleRoutes);
  app.route('/', pointOfSalePages);
  app.route('/', statisticsPages);
  mountDocs(app);
  app.get('/healthz', (c) => c.json({ ok: true }));

  app.notFound(notFoundAnswer);
  app.onError(handleError);
  return app;
}

export type App = ReturnType<typeof createApp>;
