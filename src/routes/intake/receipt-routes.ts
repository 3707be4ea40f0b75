import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../../app-env';
import { VERDICT_STATUSES } from '../../domain/verdict';
import { rateLimit } from '../../middleware/rate-limit';
import { checkReceipt, readReceipt, type PublicReceipt } from '../../services/intake/read-receipt';
import { AppError } from '../../services/shared/errors';
import { uuid } from '../../services/registry/inputs';
import { pickLang } from '../../../web/i18n';
import { renderReceiptPdf } from '../../../web/console/intake-receipt-pdf';
import { receiptCheckPage } from '../../../web/receipt-check-page';
import { vietnamIso } from '../../../web/format';
import { serviceContext } from '../context';
import { validationHook } from '../errors';
import { commonErrors, guarded, json } from '../openapi-helpers';
import { errorSchema } from '../shared/schemas';

const tags = ['Retail intake (nhận hàng)'];

/** A receipt as the public check answers it; a reader of the JWS alone gets the same facts. */
const publicReceiptSchema = z
  .object({
    id: z.string(),
    kid: z.string(),
    verifyUrl: z.string(),
    signature: z.enum(['valid', 'key_compromised', 'invalid']).openapi({
      description:
        '`key_compromised`: the signing key was later marked compromised; `invalid`: nothing else in the answer is signed',
    }),
    pointOfSale: z.string(),
    provinceCode: z.string(),
    startedAt: z.string(),
    finishedAt: z.string(),
    issuedAt: z.string(),
    summary: z.record(z.string(), z.number()),
    items: z.array(
      z.object({
        code: z.string(),
        serial: z.number().nullable(),
        status: z.enum(VERDICT_STATUSES),
        suspicious: z.boolean(),
        scannedAt: z.string(),
        offlineStatus: z.enum(VERDICT_STATUSES).nullable(),
      }),
    ),
  })
  .openapi('ReceiptCheck');

export const receiptRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
receiptRoutes.use('/receipts/*', rateLimit('verify'));

receiptRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/api/v1/intakes/{id}/receipt.pdf',
    tags,
    ...guarded('intake.read'),
    summary:
      'A session’s receipt as a PDF to print and file: shop, times, counts, every code with its verdict, and a QR to the public check',
    request: { params: z.object({ id: uuid }) },
    responses: {
      200: { description: 'PDF', content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } } },
      ...commonErrors,
    },
  }),
  async (c) => {
    const ctx = serviceContext(c);
    const receipt = await readReceipt({ ctx, input: { id: c.req.valid('param').id } });
    if (!ctx.labelFont) throw new AppError('unavailable', 'Máy chủ chưa sẵn sàng để tạo PDF (thiếu phông chữ).');
    const pdf = await renderReceiptPdf(receipt, await ctx.labelFont());
    c.header('Content-Type', 'application/pdf');
    c.header(
      'Content-Disposition',
      `attachment; filename="bien-nhan-${vietnamIso(receipt.issuedAt).slice(0, 10)}-${receipt.id.slice(0, 8)}.pdf"`,
    );
    c.header('Cache-Control', 'private, no-store');
    return c.body(pdf as Uint8Array<ArrayBuffer>, 200) as never;
  },
);

const wantsJson = (c: Context<AppEnv>) => (c.req.header('accept') ?? '').includes('application/json');

function asJson(r: PublicReceipt) {
  return {
    ...r,
    startedAt: r.startedAt.toISOString(),
    finishedAt: r.finishedAt.toISOString(),
    issuedAt: r.issuedAt.toISOString(),
    items: r.items.map((i) => ({ ...i, scannedAt: i.scannedAt.toISOString() })),
  };
}

receiptRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/receipts/{id}',
    tags,
    summary:
      'The public check a printed receipt’s QR opens: whether the service signed it, and what it says. HTML, or JSON with Accept: application/json.',
    description:
      'Anyone holding the receipt may check it; the answer names the point of sale, never the account that recorded it.',
    request: {
      params: z.object({ id: z.string().max(64) }),
      query: z.object({ lang: z.enum(['vi', 'en']).optional() }),
    },
    responses: {
      200: {
        description: 'Checked',
        content: { 'application/json': { schema: publicReceiptSchema }, 'text/html': { schema: z.string() } },
      },
      404: json(errorSchema, 'No such receipt'),
      429: json(errorSchema, 'Rate limited'),
    },
  }),
  async (c) => {
    const { id } = c.req.valid('param');
    const lang = pickLang(c.req.query('lang'));
    c.header('Vary', 'Accept');
    // A check reflects keys as they stand now (a later compromise shows at once): never cached.
    c.header('Cache-Control', 'no-store');
    const found = uuid.safeParse(id).success
      ? await checkReceipt({ ctx: serviceContext(c), input: { id } }).catch((error: unknown) => {
          if (error instanceof AppError && error.code === 'not_found') return null;
          throw error;
        })
      : null;
    if (wantsJson(c)) {
      if (!found) throw new AppError('not_found', 'Không tìm thấy biên nhận.');
      return c.json(asJson(found), 200);
    }
    return c.html(receiptCheckPage(found, lang, `/receipts/${id}`), found ? 200 : 404) as never;
  },
);
