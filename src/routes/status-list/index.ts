import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { base64url } from 'jose';
import type { AppDeps, AppEnv } from '../../app-env';
import { isDatabaseUnavailable } from '../../db/unavailable';
import { currentStatusList, type StatusListSnapshot } from '../../services/status-list/status-list';
import { serviceContext } from '../context';
import { validationHook } from '../errors';
import { json } from '../openapi-helpers';
import { errorSchema } from '../shared/schemas';

export const statusListRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

const route = createRoute({
  method: 'get', path: '/api/v1/status-list', tags: ['Verification'],
  summary: 'The signed status list for offline verifiers: issued ranges, voids, and recalled, revoked, suspended or expired ranges',
  description: 'A compact JWS (typ ocop-status-list+jwt) signed with a key from /.well-known/jwks.json. ' +
    'Cacheable for its `ttl`; the version changes only when a status does. `?format=json` adds the decoded payload. ' +
    'While the database is unreachable, the last list this instance served is served again with an `Age` header ' +
    '(and `ageSeconds` in the JSON form): seconds since it was last known current.',
  request: { query: z.object({ format: z.enum(['jws', 'json']).optional() }) },
  responses: {
    200: { description: 'The list', content: { 'application/statuslist+jwt': { schema: z.string() },
      'application/json': { schema: z.object({ version: z.number(), issuedAt: z.string(), jws: z.string(), payload: z.object({}).loose(),
        ageSeconds: z.number().int().optional().openapi({ description: 'Only while the database is unreachable: how old this copy is' }) }) } } },
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
    snapshot = await currentStatusList(ctx);
    lastServed.set(c.var.deps, { snapshot, confirmedAt: Date.now() });
  } catch (error) {
    const last = lastServed.get(c.var.deps);
    if (!last || !isDatabaseUnavailable(error)) throw error;
    snapshot = last.snapshot;
    ageSeconds = Math.floor((Date.now() - last.confirmedAt) / 1000);
  }
  const etag = `"v${snapshot.version}"`;
  c.header('ETag', etag);
  if (ageSeconds === null) {
    // Public and immutable per version: the CDN may hold it for its ttl; the origin never does.
    c.header('Cache-Control', `public, max-age=${ctx.config.STATUS_LIST_TTL_SECONDS}`);
  } else {
    c.header('Age', String(ageSeconds));
    c.header('Cache-Control', 'public, max-age=60');
  }
  if (c.req.header('if-none-match') === etag) return c.body(null, 304) as never;
  if (c.req.valid('query').format === 'json') {
    const payload = JSON.parse(new TextDecoder().decode(base64url.decode(snapshot.jws.split('.')[1]!))) as Record<string, unknown>;
    return c.json({ version: snapshot.version, issuedAt: snapshot.issuedAt.toISOString(), jws: snapshot.jws, payload,
      ...(ageSeconds === null ? {} : { ageSeconds }) }, 200);
  }
  c.header('Content-Type', 'application/statuslist+jwt');
  return c.body(snapshot.jws, 200) as never;
});
