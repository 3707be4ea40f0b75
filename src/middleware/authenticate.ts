import { and, eq, isNull } from 'drizzle-orm';
import { getCookie, setCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { Context } from 'hono';
import type { AppEnv } from '../app-env';
import { apiTokens } from '../db/schema';
import { hashToken, TOKEN_PREFIX } from '../services/tokens/create-token';
import {
  extendSession,
  loadSession,
  SESSION_COOKIE,
  SESSION_SECONDS,
  sessionCookieValue,
} from '../services/auth/sessions';
import { AppError, unauthorized } from '../services/shared/errors';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function setSessionCookie(c: Context<AppEnv>, value: string, maxAge = SESSION_SECONDS): void {
  setCookie(c, SESSION_COOKIE, value, {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    maxAge,
    secure: new URL(c.get('deps').config.CONSOLE_ORIGIN).protocol === 'https:', // Secure everywhere but http://localhost
  });
}

/**
 * Resolves the caller: `Authorization: Bearer …` for machine clients, else the session cookie of a
 * person. No credentials leave the request anonymous (the policy decides what anonymous may do);
 * bad credentials are a 401 at once. A cookie-authenticated write must also carry the session's
 * CSRF token (header `X-CSRF-Token` or form field `_csrf`): another site can make the browser send
 * the cookie, but cannot read the token.
 */
export const authenticate = createMiddleware<AppEnv>(async function authenticated(c, next) {
  const header = c.req.header('authorization');
  if (header) {
    const secret = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    if (!secret || !secret.startsWith(TOKEN_PREFIX) || secret.length > 100) throw unauthorized();
    const [token] = await c
      .get('db')
      .select()
      .from(apiTokens)
      .where(and(eq(apiTokens.tokenHash, await hashToken(secret)), isNull(apiTokens.revokedAt)));
    if (!token || (token.expiresAt && token.expiresAt <= c.get('deps').now())) throw unauthorized();
    c.set('actor', {
      kind: 'token',
      id: token.id,
      role: token.role,
      provinceCode: token.provinceCode,
      subjectId: token.subjectId,
      organisationId: token.organisationId,
    });
    return next();
  }
  const cookie = getCookie(c, SESSION_COOKIE);
  if (!cookie) return next();
  const session = await loadSession(c.get('db'), c.get('deps').config, c.get('deps').now(), cookie);
  if (!session) return next(); // an expired session reads as signed out
  if (!SAFE_METHODS.has(c.req.method)) {
    const sent = c.req.header('x-csrf-token') ?? (await formField(c, '_csrf'));
    if (sent !== session.csrfToken)
      throw new AppError('csrf_failed', 'Yêu cầu không hợp lệ (thiếu mã chống giả mạo). Hãy tải lại trang.');
  }
  c.set('actor', session.actor);
  c.set('session', { id: session.sessionId, csrfToken: session.csrfToken, personName: session.personName });
  if (session.renew) {
    await extendSession(c.get('db'), session.sessionId, c.get('deps').now());
    setSessionCookie(c, await sessionCookieValue(c.get('deps'), session.sessionId));
  }
  return next();
});

async function formField(c: Context<AppEnv>, name: string): Promise<string | undefined> {
  const type = c.req.header('content-type') ?? '';
  if (!type.includes('application/x-www-form-urlencoded') && !type.includes('multipart/form-data')) return undefined;
  const body = await c.req.parseBody();
  return typeof body[name] === 'string' ? (body[name] as string) : undefined;
}
