import { createMiddleware } from 'hono/factory';
import type { AppDeps, AppEnv } from '../app-env';

/** Binds the runtime's resources to the request, and releases them after the response. */
export function requestScope(deps: AppDeps) {
  return createMiddleware<AppEnv>(async function scoped(c, next) {
    const resources = deps.openRequest(c);
    c.set('deps', deps);
    c.set('db', resources.db);
    c.set('scanSink', resources.scanSink);
    c.set('actor', { kind: 'anonymous' });
    c.set('clientId', deps.clientAddress(c) ?? 'unknown');
    if (!resources.finish) return next();
    try {
      await next();
    } finally {
      c.executionCtx.waitUntil(resources.finish());
    }
  });
}
