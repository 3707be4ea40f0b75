import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from '../../app-env';
import { bulkRateLimit } from '../../middleware/rate-limit';
import { listSuspicious } from '../../services/copy-detection/list-suspicious';
import { recordIntakeInput } from '../../services/intake/inputs';
import { intakeReceipt, listIntakes } from '../../services/intake/list-intakes';
import { offlineSnapshot } from '../../services/intake/offline-snapshot';
import { recordIntake } from '../../services/intake/record-intake';
import { uuid } from '../../services/registry/inputs';
import { COPY_RULES } from '../../domain/copy-detection';
import { serviceContext } from '../context';
import { validationHook } from '../errors';
import { commonErrors, conflictError, guarded, json, jsonBody } from '../openapi-helpers';
import { copySignalSchema, errorSchema, intakeResult, intakeResultSchema, verdictSchema } from '../shared/schemas';
import { receiptRoutes } from './receipt-routes';

const tags = ['Retail intake (nhận hàng)'];

const recordedSchema = intakeResultSchema.extend({ verdicts: z.array(verdictSchema) });

export const intakeRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
// An intake verifies every code it holds: priced per code like bulk verification, in the same bucket.
intakeRoutes.on('POST', '/api/v1/intakes', bodyLimit({ maxSize: 512 * 1024 }), bulkRateLimit);

intakeRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/api/v1/intakes',
    tags,
    ...guarded('intake.record'),
    summary: 'Record a receiving session (retailers) and get its signed receipt',
    description:
      'Every code gets the service’s verdict at recording time. The session id makes the call idempotent: ' +
      'sending the same session again returns the first receipt (200); the same id with other codes is a 409.',
    request: jsonBody(recordIntakeInput),
    responses: {
      201: json(recordedSchema, 'Recorded'),
      200: json(recordedSchema, 'Already recorded: the first receipt'),
      ...commonErrors,
      ...conflictError,
      429: json(errorSchema, 'Over the caller’s budget of codes a minute (README, "Rate limits")'),
    },
  }),
  async (c) => {
    const result = await recordIntake(serviceContext(c), c.req.valid('json'));
    return c.json({ ...intakeResult(c, result), verdicts: result.verdicts } as never, result.replayed ? 200 : 201);
  },
);

const intakeListItem = z
  .object({
    id: z.string(),
    pointOfSale: z.string(),
    sessionId: z.string(),
    startedAt: z.string(),
    recordedAt: z.string(),
    itemCount: z.number(),
    summary: z.record(z.string(), z.number()),
  })
  .openapi('IntakeSession');

intakeRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/api/v1/intakes',
    tags,
    ...guarded('intake.read'),
    summary: 'The caller’s own receiving sessions, newest first',
    responses: { 200: json(z.object({ items: z.array(intakeListItem) }), 'Sessions'), ...commonErrors },
  }),
  async (c) => c.json({ items: await listIntakes({ ctx: serviceContext(c) }) } as never, 200),
);

intakeRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/api/v1/intakes/offline-snapshot',
    tags,
    ...guarded('intake.read'),
    summary:
      'Products and batches of the retailer’s province, for verdicts with no network (statuses come from the status list)',
    responses: {
      200: json(
        z
          .object({
            provinceCode: z.string(),
            asOf: z.string(),
            batches: z.array(
              z.object({
                ranges: z
                  .array(z.tuple([z.number(), z.number()]))
                  .openapi({ description: 'Issued serial ranges, [first, last] inclusive' }),
                lot: z.string(),
                productionDate: z.string(),
                bestBefore: z.string().nullable(),
                product: z.string(),
                stars: z.number(),
                producer: z.string(),
                provinceCode: z.string(),
              }),
            ),
          })
          .openapi('OfflineSnapshot'),
        'Snapshot',
      ),
      ...commonErrors,
    },
  }),
  async (c) => {
    c.header('Cache-Control', 'private, no-cache');
    return c.json((await offlineSnapshot({ ctx: serviceContext(c) })) as never, 200);
  },
);

intakeRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/api/v1/intakes/{id}/receipt',
    tags,
    ...guarded('intake.read'),
    summary: 'Download a session’s signed receipt (application/jose), byte for byte as issued',
    request: { params: z.object({ id: uuid }) },
    responses: {
      200: { description: 'Compact JWS', content: { 'application/jose': { schema: z.string() } } },
      ...commonErrors,
    },
  }),
  async (c) => {
    const { id } = c.req.valid('param');
    const receipt = await intakeReceipt({ ctx: serviceContext(c), input: { id } });
    c.header('Content-Type', 'application/jose');
    c.header('Content-Disposition', `attachment; filename="bien-nhan-${id}.jws"`);
    return c.body(receipt, 200) as never;
  },
);

intakeRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/api/v1/suspicious',
    tags: ['Copy detection'],
    ...guarded('copy.read'),
    summary: 'Stamps and batches of the caller’s province flagged as possible copies, with the rules that fired',
    responses: {
      200: json(
        z
          .object({
            stamps: z.array(
              z.object({
                serial: z.number(),
                batchId: z.string(),
                lot: z.string(),
                productId: z.string(),
                product: z.string(),
                subject: z.string(),
                provinceCode: z.string(),
                signals: z.array(copySignalSchema),
              }),
            ),
            batches: z.array(
              z.object({
                batchId: z.string(),
                lot: z.string(),
                productId: z.string(),
                product: z.string(),
                subject: z.string(),
                stamps: z.number().openapi({ description: 'Flagged stamps of the batch' }),
                rules: z.array(z.enum(COPY_RULES)),
              }),
            ),
          })
          .openapi('SuspectedCopies'),
        'Flagged',
      ),
      ...commonErrors,
    },
  }),
  async (c) => c.json((await listSuspicious({ ctx: serviceContext(c) })) as never, 200),
);

// The receipt's PDF and the public check its printed QR opens.
intakeRoutes.route('/', receiptRoutes);
