import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { base64url } from 'jose';
import type { AppEnv } from '../../app-env';
import { currentStatusList } from '../../services/status-list/status-list';
import { serviceContext } from '../context';
import { validationHook } from '../errors';
import { json } from '../openapi-helpers';

export const statusListRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

const route = createRoute({
  method: 'get', path: '/api/v1/status-list', tags: ['Verification'],
  summary: 'The signed status list for offline verifiers: issued ranges, voids, and recalled, revoked, suspended or expired ranges',
  description: 'A compact JWS (typ ocop-status-list+jwt) signed with a key from /.well-known/jwks.json. ' +
    'Cacheable for its `ttl`; the version changes only when a status does. `?format=json` adds the decoded payload.',
  request: { query: z.object({ format: z.enum(['jws', 'json']).optional() }) },
  responses: {
    200: { description: 'The list', content: { 'application/statuslist+jwt': { schema: z.string() },
      'application/json': { schema: z.object({ version: z.number(), issuedAt: z.string(), jws: z.string(), payload: z.object({}).loose() }) } } },
    304: { description: 'Not modified (If-None-Match)' },
    503: json(z.object({}).loose(), 'Database unavailable'),
  },
});

statusListRoutes.openapi(route, async (c) => {
  const ctx = serviceContext(c);
  const snapshot = await currentStatusList(ctx);
  const etag = `"v${snapshot.version}"`;
  c.header('ETag', etag);
  // Public and immutable per version: the CDN may hold it for its ttl; the origin never does.
  c.header('Cache-Control', `public, max-age=${ctx.config.STATUS_LIST_TTL_SECONDS}`);
  if (c.req.header('if-none-match') === etag) return c.body(null, 304) as never;
  if (c.req.valid('query').format === 'json') {
    const payload = JSON.parse(new TextDecoder().decode(base64url.decode(snapshot.jws.split('.')[1]!))) as Record<string, unknown>;
    return c.json({ version: snapshot.version, issuedAt: snapshot.issuedAt.toISOString(), jws: snapshot.jws, payload }, 200);
  }
  c.header('Content-Type', 'application/statuslist+jwt');
  return c.body(snapshot.jws, 200) as never;
});

