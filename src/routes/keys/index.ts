import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env';
import { publishedKeys } from '../../keys/key-ring';

const jwks = z.object({ keys: z.array(z.object({ kid: z.string(), kty: z.string(), crv: z.string(), x: z.string() }).loose()) }).openapi('JWKS');

export const keyRoutes = new OpenAPIHono<AppEnv>();

keyRoutes.openapi(createRoute({
  method: 'get', path: '/.well-known/jwks.json', tags: ['Keys'],
  summary: 'Public keys that stamps verify against: active and retired, never compromised',
  responses: { 200: { content: { 'application/json': { schema: jwks } }, description: 'JWK Set' } },
}), async (c) => {
  const keys = await publishedKeys(c.var.db);
  // Short TTL: a compromised key must drop out of offline verifiers' caches quickly.
  c.header('Cache-Control', 'public, max-age=300');
  return c.json({ keys: keys.map((k) => ({ ...(k.publicJwk as Record<string, string>), kid: k.kid, alg: 'EdDSA', use: 'sig', status: k.state })) } as never, 200);
});
