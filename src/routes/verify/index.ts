import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../../app-env';
import { bulkRateLimit, rateLimit } from '../../middleware/rate-limit';
import { verifyStamp, verifyStamps } from '../../services/verification/verify-stamps';
import { renderVerifyPage } from '../../../web/verify-page';
import { pickLang } from '../../../web/i18n';
import { serviceContext } from '../context';
import { validationHook } from '../errors';
import { commonErrors, conflictError, json } from '../openapi-helpers';
import { recordIntake } from '../../services/intake/record-intake';
import { errorSchema, intakeResult, verdictSchema } from '../shared/schemas';
import { countByStatus } from '../../domain/verdict';
import { countThisScan } from './record-scan';
import { bulkVerifyBody, bulkVerifyResponse } from './schemas';

const codeParam = z.object({
  code: z
    .string()
    .max(400)
    .openapi({ param: { name: 'code', in: 'path' } }),
});

const scanRoute = createRoute({
  method: 'get',
  path: '/S/{code}',
  tags: ['Verification'],
  summary: 'The URL printed in the QR. HTML by default, the verdict as JSON with Accept: application/json.',
  request: { params: codeParam, query: z.object({ lang: z.enum(['vi', 'en']).optional() }) },
  responses: {
    200: {
      ...json(verdictSchema, 'Verdict (always 200: a forged code is an answer, not an error)'),
      content: {
        'application/json': { schema: verdictSchema },
        'text/html': { schema: z.string() },
      },
    },
    429: json(errorSchema, 'Rate limited'),
  },
});

const verifyRoute = createRoute({
  method: 'get',
  path: '/api/v1/verify/{code}',
  tags: ['Verification'],
  summary: 'Verdict for one code or stamp URL',
  request: { params: codeParam },
  responses: { 200: json(verdictSchema, 'Verdict'), 429: json(errorSchema, 'Rate limited') },
});

const bulkRoute = createRoute({
  method: 'post',
  path: '/api/v1/verify',
  tags: ['Verification'],
  summary:
    'Verdicts for up to 1,000 codes or URLs, in order. A bad code is a forged verdict and an entry in `errors`, not a failed request.',
  description:
    'With `record` and a retailer token (or session), the codes are also recorded as a receiving session and the signed receipt is returned.',
  request: { body: { content: { 'application/json': { schema: bulkVerifyBody } }, required: true } },
  responses: {
    200: json(bulkVerifyResponse, 'Verdicts in input order'),
    ...commonErrors,
    ...conflictError,
    429: json(errorSchema, 'Over the caller’s requests or codes a minute: N codes cost N (README, "Rate limits")'),
  },
});

export const verifyRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

verifyRoutes.use('/S/*', rateLimit('verify'));
verifyRoutes.use('/api/v1/verify/*', rateLimit('verify'));
// Bulk is priced per code, in its own bucket (after `authenticate`, which says who is paying).
verifyRoutes.use('/api/v1/verify', rateLimit('verify-bulk'), bodyLimit({ maxSize: 512 * 1024 }), bulkRateLimit);
// A revocation must show on the very next request: no verdict is ever cached. (Paths are named:
// a sub-app's '*' middleware would reach every route of the app it is mounted on.) Set before the
// handler, so the response is built with it: a header added to a finished response makes Hono
// rebuild the response around a stream, which costs the Node server its fast path. For the same
// reason Vary names Accept-Encoding here, before `compress` (app.ts) would add it afterwards.
const noStore = createMiddleware<AppEnv>(async function noStore(c, next) {
  c.header('Cache-Control', 'no-store');
  c.header('Vary', 'Accept-Encoding');
  await next();
});
for (const path of ['/S/*', '/api/v1/verify', '/api/v1/verify/*']) verifyRoutes.use(path, noStore);

verifyRoutes.openapi(scanRoute, async (c) => {
  const { code } = c.req.valid('param');
  const verdict = await countThisScan(c, await verifyStamp(serviceContext(c), code));
  c.header('Vary', 'Accept', { append: true });
  if ((c.req.header('accept') ?? '').includes('application/json')) return c.json(verdict, 200);
  const lang = pickLang(c.req.valid('query').lang);
  return c.html(renderVerifyPage(verdict, lang, `/S/${encodeURIComponent(verdict.code)}`), 200) as never;
});

// A scan that lost its code (`/S/`) still gets the consumer page, not an API error.
verifyRoutes.get('/S/', async (c) => {
  const verdict = await verifyStamp(serviceContext(c), '');
  if ((c.req.header('accept') ?? '').includes('application/json')) return c.json(verdict, 200);
  return c.html(renderVerifyPage(verdict, pickLang(c.req.query('lang')), '/S/'), 200);
});

verifyRoutes.openapi(verifyRoute, async (c) =>
  c.json(await verifyStamp(serviceContext(c), c.req.valid('param').code), 200),
);

verifyRoutes.openapi(bulkRoute, async (c) => {
  const { codes, record } = c.req.valid('json');
  const ctx = serviceContext(c);
  const recorded = record ? await recordIntake(ctx, { ...record, items: codes.map((code) => ({ code })) }) : null;
  const verdicts = recorded?.verdicts ?? (await verifyStamps(ctx, codes));
  const summary = countByStatus(verdicts.map((v) => v.status));
  const errors = verdicts.flatMap((v, index) =>
    v.forgedReason === 'malformed'
      ? [{ index, input: v.code, message: 'Không đọc được mã tem: không phải mã hay đường dẫn tem OCOP.' }]
      : [],
  );
  return c.json(
    { count: verdicts.length, summary, verdicts, errors, ...(recorded ? { intake: intakeResult(c, recorded) } : {}) },
    200,
  );
});
