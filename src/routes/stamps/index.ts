import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env';
import { uuid } from '../../services/registry/inputs';
import { issueStamps } from '../../services/stamps/issue-stamps';
import { listStampUrls, stampPage, STAMP_PAGE_MAX } from '../../services/stamps/stamp-urls';
import { serviceContext } from '../context';
import { validationHook } from '../errors';
import { guarded, json } from '../openapi-helpers';
import { errorSchema } from '../shared/schemas';

const issueBody = z
  .object({
    quantity: z.number().int().min(1, 'Số lượng tem phải lớn hơn 0.').max(1_000_000),
    idempotencyKey: z.string().trim().min(8, 'Khóa idempotency tối thiểu 8 ký tự.').max(100),
  })
  .openapi('IssueStamps');

const stampPageSchema = z
  .object({
    rangeId: z.string(),
    total: z.number(),
    offset: z.number(),
    nextOffset: z.number().nullable(),
    stamps: z.array(z.object({ serial: z.number(), url: z.string() })),
  })
  .openapi('StampPage');

const rangeSchema = z
  .object({
    id: z.string(),
    batchId: z.string(),
    kid: z.string(),
    firstSerial: z.number(),
    lastSerial: z.number(),
    idempotencyKey: z.string(),
  })
  .loose()
  .openapi('StampRange');

const pageQuery = z.object({
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(STAMP_PAGE_MAX).default(STAMP_PAGE_MAX),
});

export const stampRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

stampRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/api/v1/batches/{id}/stamps',
    tags: ['Stamps'],
    ...guarded('stamps.issue'),
    summary: 'Reserve a contiguous serial range for a batch. Same idempotencyKey, same range.',
    request: {
      params: z.object({ id: uuid }),
      body: { content: { 'application/json': { schema: issueBody } }, required: true },
    },
    responses: {
      201: json(
        z.object({ range: rangeSchema, firstPage: stampPageSchema, next: z.string().nullable() }),
        'Range reserved',
      ),
      200: json(
        z.object({ range: rangeSchema, firstPage: stampPageSchema, next: z.string().nullable() }),
        'The same range, replayed',
      ),
      400: json(errorSchema, 'Invalid input'),
      401: json(errorSchema, 'No token'),
      403: json(errorSchema, 'Not the caller’s batch'),
      404: json(errorSchema, 'No such batch'),
      409: json(errorSchema, 'Key reused with another quantity'),
      422: json(errorSchema, 'Certificate not valid or quantity over the batch'),
    },
  }),
  async (c) => {
    const ctx = serviceContext(c);
    const { range, created } = await issueStamps({
      ctx,
      input: { batchId: c.req.valid('param').id, ...c.req.valid('json') },
    });
    const firstPage = await stampPage(ctx, range, 0, STAMP_PAGE_MAX);
    const next =
      firstPage.nextOffset === null ? null : `/api/v1/stamp-ranges/${range.id}/stamps?offset=${firstPage.nextOffset}`;
    return c.json({ range, firstPage, next }, created ? 201 : 200);
  },
);

stampRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/api/v1/stamp-ranges/{id}/stamps',
    tags: ['Stamps'],
    ...guarded('stamps.issue'),
    summary: 'One page (up to 1,000) of a range’s stamp URLs; identical on every call',
    request: { params: z.object({ id: uuid }), query: pageQuery },
    responses: {
      200: json(stampPageSchema, 'A page of stamps'),
      401: json(errorSchema, 'No token'),
      403: json(errorSchema, 'Forbidden'),
      404: json(errorSchema, 'No such range'),
    },
  }),
  async (c) => {
    const { offset, limit } = c.req.valid('query');
    return c.json(
      await listStampUrls({ ctx: serviceContext(c), input: { rangeId: c.req.valid('param').id, offset, limit } }),
      200,
    );
  },
);
