import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env';
import { toGtin14 } from '../../domain/gtin';
import { rateLimit } from '../../middleware/rate-limit';
import { verifyStamp } from '../../services/verification/verify-stamps';
import type { Verdict } from '../../services/verification/verdict-types';
import { renderVerifyPage } from '../../../web/verify-page';
import { pickLang } from '../../../web/i18n';
import { serviceContext } from '../context';
import { validationHook } from '../errors';
import { verdictSchema } from '../shared/schemas';

/**
 * GS1 Digital Link: /01/{gtin}/10/{lot}/21/{serial}?stamp={CODE}. The signed code is what makes
 * it verifiable; the GS1 keys must name the same product, lot and serial, or it is `forged`.
 */
const route = createRoute({
  method: 'get', path: '/01/{gtin}/10/{lot}/21/{serial}', tags: ['Verification'],
  summary: 'GS1 Digital Link form of a stamp; resolves to the same verdict',
  request: {
    params: z.object({ gtin: z.string().max(14), lot: z.string().max(40), serial: z.string().max(20) }),
    query: z.object({ stamp: z.string().max(400).optional(), lang: z.enum(['vi', 'en']).optional() }),
  },
  responses: { 200: { content: { 'application/json': { schema: verdictSchema }, 'text/html': { schema: z.string() } }, description: 'Verdict' } },
});

export const digitalLinkRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
digitalLinkRoutes.use('/01/*', rateLimit('verify'));

digitalLinkRoutes.openapi(route, async (c) => {
  const { gtin, lot, serial } = c.req.valid('param');
  const { stamp, lang } = c.req.valid('query');
  let verdict: Verdict = await verifyStamp(serviceContext(c), stamp ?? '');
  const matches = verdict.product?.gtin && toGtin14(verdict.product.gtin) === toGtin14(gtin)
    && verdict.batch?.lot === lot && String(verdict.serial) === serial;
  if (verdict.status !== 'forged' && verdict.status !== 'unknown' && !matches) {
    verdict = { code: verdict.code, serial: verdict.serial, kid: verdict.kid, live: verdict.live, checkedAt: verdict.checkedAt, status: 'forged', forgedReason: 'malformed' };
  }
  c.header('Cache-Control', 'no-store');
  c.header('Vary', 'Accept, Accept-Encoding'); // named before `compress` would add it to the finished response (verify/index.ts)
  if ((c.req.header('accept') ?? '').includes('application/json')) return c.json(verdict, 200);
  return c.html(renderVerifyPage(verdict, pickLang(lang), `/S/${encodeURIComponent(verdict.code)}`), 200) as never;
});
