import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env';
import { rateLimit } from '../../middleware/rate-limit';
import { pickLang } from '../../../web/i18n';
import { validationHook } from '../errors';
import { json } from '../openapi-helpers';
import { errorSchema, verdictSchema } from '../shared/schemas';
import { notFound, resolveDigitalLink } from './resolve';
import { linksetSchema, productInfoSchema, resolverDescriptionSchema, resolverQuery } from './schemas';
import { describeResolver } from './well-known';

const gtin = z
  .string()
  .max(100)
  .openapi({ description: 'GTIN-8, -12, -13 or -14 (read as its GTIN-14)', example: '08936048123451' });
const lot = z.string().max(80).openapi({ description: 'Lot (GS1 AI 10), percent-encoded', example: 'HVQ2610' });
const serial = z.string().max(40).openapi({ description: 'Serial (GS1 AI 21): the stamp serial', example: '1000001' });
const errorAnswer = (description: string) => ({
  description,
  content: { 'application/json': { schema: errorSchema }, 'text/html': { schema: z.string() } },
});

/** The four forms GS1's grammar allows for a GTIN with this service's qualifiers; one answer for all. */
const FORMS = [
  { path: '/01/{gtin}', params: z.object({ gtin }), summary: 'GS1 Digital Link: a product' },
  { path: '/01/{gtin}/10/{lot}', params: z.object({ gtin, lot }), summary: 'GS1 Digital Link: a lot' },
  {
    path: '/01/{gtin}/21/{serial}',
    params: z.object({ gtin, serial }),
    summary: 'GS1 Digital Link: a serial (the form EPCIS events use)',
  },
  {
    path: '/01/{gtin}/10/{lot}/21/{serial}',
    params: z.object({ gtin, lot, serial }),
    summary: 'GS1 Digital Link: a lot and a serial (the form stamps carry)',
  },
] as const;

const DESCRIPTION =
  'Without `stamp`: the product (and lot) page, “Thông tin sản phẩm, chưa xác thực tem”, never a verdict; ' +
  '`ProductInfo` with `Accept: application/json`; the RFC 9264 linkset with `Accept: application/linkset+json` or `?linkType=linkset`; ' +
  'a 307 to the link with `?linkType=gs1:…`. With `stamp`: the stamp’s verdict, `forged` when the stamp is not the one the link names. ' +
  'Every answer carries `Link: <…?linkType=linkset>; rel="linkset"`. README, “GS1 Digital Link”.';

export const resolverRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
resolverRoutes.use('/01/*', rateLimit('verify'));

for (const form of FORMS) {
  const route = createRoute({
    method: 'get',
    path: form.path,
    tags: ['GS1 Digital Link'],
    summary: form.summary,
    description: DESCRIPTION,
    request: { params: form.params, query: resolverQuery },
    responses: {
      200: {
        description: 'Product information (no stamp), the verdict (with `stamp`), or the linkset',
        content: {
          'text/html': { schema: z.string() },
          'application/json': { schema: z.union([productInfoSchema, verdictSchema]) },
          'application/linkset+json': { schema: linksetSchema },
        },
      },
      307: {
        description:
          'To the link of the asked `linkType` (the default link, the product page, for a type not served here)',
      },
      400: errorAnswer('Not a valid GTIN (length or check digit)'),
      404: errorAnswer('No product with this GTIN, or no such lot of it'),
      429: json(errorSchema, 'Rate limited'),
    },
  });
  resolverRoutes.openapi(
    route,
    async (c) =>
      resolveDigitalLink(
        c,
        c.req.param() as { gtin: string; lot?: string; serial?: string },
        c.req.valid('query'),
      ) as never,
  );
}

// Anything else under /01/: a trailing slash is forgiven (GS1 asks resolvers to), the rest is a page that says what is read here.
resolverRoutes.get('/01/*', (c) => {
  const url = new URL(c.req.url);
  if (url.pathname.endsWith('/') && url.pathname.length > 4) {
    return c.redirect(`${url.pathname.replace(/\/+$/, '')}${url.search}`, 308);
  }
  c.header('Cache-Control', 'no-store');
  return notFound(c, 404, { kind: 'unsupported' }, pickLang(c.req.query('lang')));
});

resolverRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/.well-known/gs1resolver',
    tags: ['GS1 Digital Link'],
    summary: 'GS1 resolver description file (GS1-Conformant Resolver standard 1.2)',
    responses: {
      200: {
        description: 'What this resolver serves',
        content: { 'application/json': { schema: resolverDescriptionSchema } },
      },
    },
  }),
  (c) => {
    c.header('Cache-Control', 'public, max-age=3600');
    return c.json(describeResolver(c.var.deps.config.PUBLIC_ORIGIN), 200);
  },
);
