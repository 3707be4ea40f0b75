import { and, eq, isNull } from 'drizzle-orm';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../app-env';
import { apiTokens } from '../db/schema';
import { hashToken, TOKEN_PREFIX } from '../services/tokens/create-token';
import { unauthorized } from '../services/shared/errors';

/**
 * Resolves `Authorization: Bearer …` to an actor. No header leaves the request anonymous (the
 * policy decides what anonymous may do); a bad, expired or revoked token is a 401 at once.
 */
export const authenticate = createMiddleware<AppEnv>(async function bearerToken(c, next) {
  const header = c.req.header('authorization');
  if (header) {
    const secret = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    if (!secret || !secret.startsWith(TOKEN_PREFIX) || secret.length > 100) throw unauthorized();
    const [token] = await c.var.db.select().from(apiTokens)
      .where(and(eq(apiTokens.tokenHash, await hashToken(secret)), isNull(apiTokens.revokedAt)));
    if (!token || (token.expiresAt && token.expiresAt <= c.var.deps.now())) throw unauthorized();
    c.set('actor', { kind: 'token', id: token.id, role: token.role, provinceCode: token.provinceCode, subjectId: token.subjectId });
  }
  await next();
});
