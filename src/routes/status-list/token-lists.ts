import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../../app-env';
import { isDatabaseUnavailable } from '../../db/unavailable';
import { BLOCK_BITS, STATUS_LIST_AGGREGATION_PATH, STATUS_LIST_JWT_MEDIA_TYPE } from '../../domain/token-status-list';
import { notFound } from '../../services/shared/errors';
import {
  statusListAggregation,
  tokenStatusList,
  type StatusListToken,
} from '../../services/status-list/token-status-list';
import { serviceContext } from '../context';
import { validationHook } from '../errors';
import { json } from '../openapi-helpers';
import { errorSchema } from '../shared/schemas';
import { signedDocument } from './wire';

export const tokenStatusListRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

const aggregationRoute = createRoute({
  method: 'get',
  path: STATUS_LIST_AGGREGATION_PATH,
  tags: ['Verification'],
  summary: 'Status List Aggregation (draft-ietf-oauth-status-list): the URI of every Token Status List',
  responses: {
    200: json(
      z.object({ status_lists: z.array(z.string()) }).openapi('StatusListAggregation'),
      'Every list, block 0 first',
    ),
  },
});

const listRoute = createRoute({
  method: 'get',
  path: `${STATUS_LIST_AGGREGATION_PATH}/{n}`,
  tags: ['Verification'],
  summary: `The IETF Token Status List of serials [n·2^${BLOCK_BITS}, (n+1)·2^${BLOCK_BITS})`,
  description:
    'A JWT (typ statuslist+jwt) signed with a key from /.well-known/jwks.json; index = serial − n·2^20; 2 bits a serial: ' +
    '0 valid, 1 invalid (void, recalled, revoked or never issued), 2 suspended, 3 expired (the certificate). The private claim ' +
    '`ocop_invalid_reasons` (same shape) says why an entry is 1: 0 void, 1 not issued, 2 recalled, 3 revoked. Gzipped on the wire; ' +
    'ETag and 304. While the database is unreachable, the last copy this instance served comes with an `Age` header.',
  request: {
    params: z.object({
      n: z
        .string()
        .regex(/^\d{1,10}$/)
        .openapi({ param: { name: 'n', in: 'path' }, example: '0' }),
    }),
  },
  responses: {
    200: { description: 'The Status List Token', content: { [STATUS_LIST_JWT_MEDIA_TYPE]: { schema: z.string() } } },
    304: { description: 'Not modified (If-None-Match)' },
    404: json(errorSchema, 'No serial of this block has been issued'),
    503: json(errorSchema, 'Database unreachable and no earlier copy on this instance'),
  },
});

tokenStatusListRoutes.openapi(aggregationRoute, async (c) => {
  c.header('Cache-Control', `public, max-age=${c.var.deps.config.STATUS_LIST_TTL_SECONDS}`);
  return c.json(await statusListAggregation({ ctx: serviceContext(c) }), 200);
});

/** Per running app: the last list of each block, reused while unchanged and served during an outage. */
const served = new WeakMap<AppDeps, Map<number, { token: StatusListToken; confirmedAt: number }>>();

tokenStatusListRoutes.openapi(listRoute, async (c) => {
  const ctx = serviceContext(c);
  const n = Number(c.req.valid('param').n);
  const mine = served.get(c.var.deps) ?? new Map<number, { token: StatusListToken; confirmedAt: number }>();
  served.set(c.var.deps, mine);
  let token: StatusListToken | null;
  let ageSeconds: number | null = null;
  try {
    token = await tokenStatusList({ ctx, input: { n, previous: mine.get(n)?.token } });
    if (token) mine.set(n, { token, confirmedAt: Date.now() });
  } catch (error) {
    const last = mine.get(n);
    if (!last || !isDatabaseUnavailable(error)) throw error;
    token = last.token;
    ageSeconds = Math.floor((Date.now() - last.confirmedAt) / 1000);
  }
  if (!token) throw notFound('danh sách trạng thái này (chưa phát hành số sê-ri nào trong khối)');
  if (ageSeconds !== null) c.header('Age', String(ageSeconds));
  const ttl = ctx.config.STATUS_LIST_TTL_SECONDS;
  return signedDocument(c, token.jwt, {
    type: STATUS_LIST_JWT_MEDIA_TYPE,
    etag: `W/"${n}-${token.iat}-${token.contentHash.slice(0, 16)}"`,
    // The CDN may hold a list for its ttl; the origin reads the database on every request.
    cacheControl: `public, max-age=${ageSeconds === null ? ttl : 60}`,
  }) as never;
});
