import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from '../../app-env';
import { rateLimit } from '../../middleware/rate-limit';
import { closeReportInput, submitReportInput } from '../../services/reports/inputs';
import { closeReport, listReports } from '../../services/reports/report-queue';
import { submitReport } from '../../services/reports/submit-report';
import { uuid } from '../../services/registry/inputs';
import { verifyStamp } from '../../services/verification/verify-stamps';
import { pickLang, LABELS } from '../../../web/i18n';
import { renderVerifyPage } from '../../../web/verify-page';
import { html } from '../../../web/view';
import { serviceContext } from '../context';
import { safeParseText, validationHook } from '../errors';
import { anyRecord, commonErrors, guarded, json, jsonBody } from '../openapi-helpers';
import { errorSchema } from '../shared/schemas';

const tags = ['Consumer reports (báo cáo nghi vấn)'];

export const reportRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
reportRoutes.use('/S/:code/report', rateLimit('report'), bodyLimit({ maxSize: 16 * 1024 }));
reportRoutes.on('POST', '/api/v1/reports', rateLimit('report'), bodyLimit({ maxSize: 16 * 1024 }));

reportRoutes.openapi(createRoute({
  method: 'post', path: '/api/v1/reports', tags, summary: 'Report a suspicious stamp or product (anyone; rate-limited)',
  request: jsonBody(submitReportInput),
  responses: { 201: json(z.object({ id: z.string(), provinceCode: z.string().nullable() }), 'Filed in the province’s queue'),
    400: json(errorSchema, 'Invalid input'), 429: json(errorSchema, 'Rate limited') },
}), async (c) => c.json(await submitReport({ ctx: serviceContext(c), input: c.req.valid('json') }), 201));

reportRoutes.openapi(createRoute({
  method: 'get', path: '/api/v1/reports', tags, ...guarded('report.read'), summary: 'The report queue of the caller’s province, with each stamp’s scan history',
  request: { query: z.object({ state: z.enum(['open', 'closed']).optional() }) },
  responses: { 200: json(z.object({ items: z.array(anyRecord) }), 'Newest first'), ...commonErrors },
}), async (c) => c.json({ items: await listReports({ ctx: serviceContext(c), input: c.req.valid('query') }) } as never, 200));

reportRoutes.openapi(createRoute({
  method: 'post', path: '/api/v1/reports/{id}/close', tags, ...guarded('report.close'), summary: 'Close a report with a note of what was done',
  request: { params: z.object({ id: uuid }), ...jsonBody(closeReportInput) },
  responses: { 200: json(anyRecord, 'Closed'), ...commonErrors, 409: json(errorSchema, 'Already closed') },
}), async (c) => c.json(await closeReport({ ctx: serviceContext(c), input: { id: c.req.valid('param').id, note: c.req.valid('json').note } }) as never, 200));

/** The form under the verdict posts here; the answer is a page, never JSON or a stack trace. */
reportRoutes.post('/S/:code/report', async (c) => {
  const lang = pickLang(c.req.query('lang'));
  const code = c.req.param('code').slice(0, 400);
  const form = await c.req.parseBody();
  const values = Object.fromEntries(['problem', 'details', 'placeOfPurchase', 'purchaseProvinceCode', 'contact']
    .map((k) => [k, typeof form[k] === 'string' ? (form[k] as string).slice(0, 2000) : ''])) as Record<string, string>;
  const parsed = safeParseText(submitReportInput, { ...Object.fromEntries(Object.entries(values).filter(([, v]) => v.trim() !== '')), code });
  c.header('Cache-Control', 'no-store');
  if (!parsed.success) {
    const errors = Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? 'details'), i.message]));
    const verdict = await verifyStamp(serviceContext(c), code);
    return c.html(renderVerifyPage(verdict, lang, `/S/${encodeURIComponent(verdict.code)}`, { values, errors }), 400);
  }
  await submitReport({ ctx: serviceContext(c), input: parsed.data });
  const t = LABELS[lang];
  return c.html(html`<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><title>${t.reportThanks} · OCOP</title></head><body style="font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:auto;padding:1rem">
<main><h1 role="status">${t.reportThanks}</h1><p>${t.reportSent}</p><p><a href="/S/${encodeURIComponent(code)}?lang=${lang}">${t.back}</a></p></main></body></html>`, 201);
});
