import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env';
import { isDatabaseUnavailable } from '../../db/unavailable';
import { json } from '../openapi-helpers';
import { errorSchema } from '../shared/schemas';

const jwks = z
  .object({ keys: z.array(z.object({ kid: z.string(), kty: z.string(), crv: z.string(), x: z.string() }).loose()) })
  .openapi('JWKS');

export const keyRoutes = new OpenAPIHono<AppEnv>();

keyRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/.well-known/jwks.json',
    tags: ['Keys'],
    summary: 'Public keys that stamps verify against: active and retired, never compromised',
    description:
      'While the database is unreachable, the last set this instance read is served with an `Age` header (seconds since it was read).',
    responses: {
      200: { content: { 'application/json': { schema: jwks } }, description: 'JWK Set' },
      503: json(errorSchema, 'Database unreachable and no earlier copy on this instance'),
    },
  }),
  async (c) => {
    const keys = c.var.deps.keys;
    let stale = false;
    try {
      await keys.refresh(c.var.db);
    } catch (error) {
      if (!isDatabaseUnavailable(error) || keys.ageSeconds() === null) throw error;
      stale = true;
    }
    if (stale) {
      c.header('Age', String(keys.ageSeconds()));
      c.header('Cache-Control', 'public, max-age=60');
    } else {
      // Short TTL: a compromised key must drop out of offline verifiers' caches quickly.
      c.header('Cache-Control', 'public, max-age=300');
    }
    return c.json(
      {
        keys: keys.published().map((k) => ({ ...k.jwk, kid: k.kid, alg: 'EdDSA', use: 'sig', status: k.state })),
      } as never,
      200,
    );
  },
);
