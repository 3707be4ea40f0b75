import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import type { Context } from 'hono';
import type { AppEnv } from '../../app-env';
import { reportReference } from '../../domain/report-reference';
import { rateLimit } from '../../middleware/rate-limit';
import { closeReportInput, submitReportInput } from '../../services/reports/inputs';
import { closeReport, listReports } from '../../services/reports/report-queue';
import { submitReport } from '../../services/reports/submit-report';
import { uuid } from '../../services/registry/inputs';
import { AppError } from '../../services/shared/errors';
import { verifyStamp } from '../../services/verification/verify-stamps';
import { pickLang } from '../../../web/i18n';
import { retryNotice, type ReportFormState } from '../../../web/report-form';
import { reportReceivedPage } from '../../../web/report-received';
import { renderVerifyPage } from '../../../web/verify-page';
import { serviceContext } from '../context';
import { safeParseText, validationHook } from '../errors';
import { anyRecord, commonErrors, guarded, json, jsonBody } from '../openapi-helpers';
import { errorSchema } from '../shared/schemas';

const tags = ['Consumer reports (báo cáo nghi vấn)'];

export const reportRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
// The page form is charged in its handler, so that a refusal can keep what the person typed.
reportRoutes.use('/S/:code/report', bodyLimit({ maxSize: 16 * 1024 }));
reportRoutes.on('POST', '/api/v1/reports', rateLimit('report'), bodyLimit({ maxSize: 16 * 1024 }));

reportRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/api/v1/reports',
    tags,
    summary: 'Report a suspicious stamp or product (anyone; rate-limited)',
    request: jsonBody(submitReportInput),
    responses: {
      201: json(
        z.object({ id: z.string(), reference: z.string(), provinceCode: z.string().nullable() }),
        'Filed in the province’s queue; `reference` is the number to quote (PA-XXXX-XXXX)',
      ),
      400: json(errorSchema, 'Invalid input'),
      429: json(errorSchema, 'Rate limited'),
    },
  }),
  async (c) => {
    const filed = await submitReport({ ctx: serviceContext(c), input: c.req.valid('json') });
    return c.json({ ...filed, reference: reportReference(filed.id) }, 201);
  },
);

reportRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/api/v1/reports',
    tags,
    ...guarded('report.read'),
    summary: 'The report queue of the caller’s province, with each stamp’s scan history',
    request: { query: z.object({ state: z.enum(['open', 'closed']).optional() }) },
    responses: { 200: json(z.object({ items: z.array(anyRecord) }), 'Newest first'), ...commonErrors },
  }),
  async (c) =>
    c.json({ items: await listReports({ ctx: serviceContext(c), input: c.req.valid('query') }) } as never, 200),
);

reportRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/api/v1/reports/{id}/close',
    tags,
    ...guarded('report.close'),
    summary: 'Close a report with a note of what was done',
    request: { params: z.object({ id: uuid }), ...jsonBody(closeReportInput) },
    responses: { 200: json(anyRecord, 'Closed'), ...commonErrors, 409: json(errorSchema, 'Already closed') },
  }),
  async (c) =>
    c.json(
      (await closeReport({
        ctx: serviceContext(c),
        input: { id: c.req.valid('param').id, note: c.req.valid('json').note },
      })) as never,
      200,
    ),
);

/** The charge of the report bucket: null when the report may be sent, else the seconds to wait. */
async function reportWait(c: Context<AppEnv>): Promise<number | null> {
  try {
    await rateLimit('report')(c, async () => {});
    return null;
  } catch (error) {
    if (error instanceof AppError && error.code === 'rate_limited') return error.details?.retryAfterSeconds ?? 60;
    throw error;
  }
}

/**
 * The form under the verdict posts here; the answer is a page, never JSON or a stack trace. Too
 * many reports bring the form back with what was typed and when to send it again.
 */
reportRoutes.post('/S/:code/report', async (c) => {
  const lang = pickLang(c.req.query('lang'));
  const code = c.req.param('code').slice(0, 400);
  const form = await c.req.parseBody();
  const values = Object.fromEntries(
    ['problem', 'details', 'placeOfPurchase', 'purchaseProvinceCode', 'contact'].map((k) => [
      k,
      typeof form[k] === 'string' ? (form[k] as string).slice(0, 2000) : '',
    ]),
  ) as Record<string, string>;
  c.header('Cache-Control', 'no-store');
  const formAgain = async (status: 400 | 429, state: ReportFormState) => {
    const verdict = await verifyStamp(serviceContext(c), code);
    return c.html(
      renderVerifyPage(verdict, lang, `/S/${encodeURIComponent(verdict.code)}`, { values, errors: {}, ...state }),
      status,
    );
  };
  const wait = await reportWait(c);
  if (wait !== null) return formAgain(429, { notice: retryNotice(lang, wait, c.var.deps.now()) });
  const parsed = safeParseText(submitReportInput, {
    ...Object.fromEntries(Object.entries(values).filter(([, v]) => v.trim() !== '')),
    code,
  });
  if (!parsed.success)
    return formAgain(400, {
      errors: Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? 'details'), i.message])),
    });
  const filed = await submitReport({ ctx: serviceContext(c), input: parsed.data });
  return c.html(
    reportReceivedPage({ lang, code, reference: reportReference(filed.id), leftContact: Boolean(parsed.data.contact) }),
    201,
  );
});
