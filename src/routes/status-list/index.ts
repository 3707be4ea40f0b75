import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { base64url } from 'jose';
import type { AppDeps, AppEnv } from '../../app-env';
import { isDatabaseUnavailable } from '../../db/unavailable';
import { currentStatusList, type StatusListSnapshot } from '../../services/status-list/status-list';
import { serviceContext } from '../context';
import { validationHook } from '../errors';
import { json } from '../openapi-helpers';
import { errorSchema } from '../shared/schemas';
import { tokenStatusListRoutes } from './token-lists';
import { matchesEtag, signedDocument } from './wire';
import { STATUS_LIST_AGGREGATION_PATH, STATUS_LIST_JWT_MEDIA_TYPE } from '../../domain/token-status-list';
import { statusListAggregation } from '../../services/status-list/token-status-list';

/** The range document's own media type: it is not an IETF Token Status List (those are under /api/v1/status-lists). */
export const STATUS_RANGES_MEDIA_TYPE = 'application/vnd.ocop.status-ranges+jwt';
/** Names the IETF form beside this one, for clients that read headers only. */
const IETF_LINK =
  `<${STATUS_LIST_AGGREGATION_PATH}>; rel="alternate"; type="application/json"; ` +
  `title="IETF Token Status Lists (${STATUS_LIST_JWT_MEDIA_TYPE}), one per 2^20 serials"`;

export const statusListRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

const route = createRoute({
  method: 'get',
  path: '/api/v1/status-list',
  tags: ['Verification'],
  summary: 'The signed range document: issued ranges, voids, and recalled, revoked, suspended or expired ranges',
  description:
    `A compact JWS (typ ocop-status-list+jwt, media type ${STATUS_RANGES_MEDIA_TYPE}) signed with a key from /.well-known/jwks.json. ` +
    `The same statuses in the IETF Token Status List format: ${STATUS_LIST_AGGREGATION_PATH} (named in the \`Link\` header and in \`statusLists\`). ` +
    'Cacheable for its `ttl`; the version changes only when a status does. `?format=json` adds the decoded payload. ' +
    'While the database is unreachable, the last list this instance served is served again with an `Age` header ' +
    '(and `ageSeconds` in the JSON form): seconds since it was last known current.',
  request: { query: z.object({ format: z.enum(['jws', 'json']).optional() }) },
  responses: {
    200: {
      description: 'The list',
      content: {
        [STATUS_RANGES_MEDIA_TYPE]: { schema: z.string() },
        'application/json': {
          schema: z.object({
            version: z.number(),
            issuedAt: z.string(),
            jws: z.string(),
            payload: z.object({}).loose(),
            statusLists: z
              .object({ mediaType: z.string(), aggregation: z.string(), lists: z.array(z.string()) })
              .openapi({ description: 'The IETF form of the same statuses' }),
            ageSeconds: z
              .number()
              .int()
              .optional()
              .openapi({ description: 'Only while the database is unreachable: how old this copy is' }),
          }),
        },
      },
    },
    304: { description: 'Not modified (If-None-Match)' },
    503: json(errorSchema, 'Database unreachable and no earlier copy on this instance'),
  },
});

/** The last list each running app served, for an outage: signed, so a stale copy is still authentic. */
const lastServed = new WeakMap<AppDeps, { snapshot: StatusListSnapshot; confirmedAt: number }>();

statusListRoutes.openapi(route, async (c) => {
  const ctx = serviceContext(c);
  let snapshot: StatusListSnapshot;
  let ageSeconds: number | null = null;
  try {
    snapshot = await currentStatusList({ ctx });
    lastServed.set(c.var.deps, { snapshot, confirmedAt: Date.now() });
  } catch (error) {
    const last = lastServed.get(c.var.deps);
    if (!last || !isDatabaseUnavailable(error)) throw error;
    snapshot = last.snapshot;
    ageSeconds = Math.floor((Date.now() - last.confirmedAt) / 1000);
  }
  const etag = `W/"v${snapshot.version}"`;
  if (ageSeconds !== null) c.header('Age', String(ageSeconds));
  c.header('Link', IETF_LINK);
  // Public and immutable per version: the CDN may hold it for its ttl; the origin never does.
  const cacheControl = `public, max-age=${ageSeconds === null ? ctx.config.STATUS_LIST_TTL_SECONDS : 60}`;
  if (c.req.valid('query').format === 'json') {
    if (matchesEtag(c.req.header('if-none-match'), etag))
      return c.body(null, 304, { ETag: etag, 'Cache-Control': cacheControl }) as never;
    c.header('ETag', etag);
    c.header('Cache-Control', cacheControl);
    const payload = JSON.parse(new TextDecoder().decode(base64url.decode(snapshot.jws.split('.')[1]!))) as Record<
      string,
      unknown
    >;
    const { status_lists: lists } = ageSeconds === null ? await statusListAggregation({ ctx }) : { status_lists: [] };
    return c.json(
      {
        version: snapshot.version,
        issuedAt: snapshot.issuedAt.toISOString(),
        jws: snapshot.jws,
        payload,
        statusLists: { mediaType: STATUS_LIST_JWT_MEDIA_TYPE, aggregation: STATUS_LIST_AGGREGATION_PATH, lists },
        ...(ageSeconds === null ? {} : { ageSeconds }),
      },
      200,
    );
  }
  return signedDocument(c, snapshot.jws, { type: STATUS_RANGES_MEDIA_TYPE, etag, cacheControl }) as never;
});

// Both forms of the list are mounted with this one.
statusListRoutes.route('/', tokenStatusListRoutes);
