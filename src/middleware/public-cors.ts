import { getCookie } from 'hono/cookie';
import { cors } from 'hono/cors';
import { createMiddleware } from 'hono/factory';
import type { Context } from 'hono';
import type { AppEnv } from '../app-env';
import { SESSION_COOKIE } from '../services/auth/sessions';

/**
 * CORS for what any web app or Zalo mini app may read without credentials, and for nothing else:
 * the console and every authenticated endpoint answer no CORS at all, so a preflight for them gets
 * no approval. The one list of such paths is here.
 *
 * - Signed, public documents (keys, status lists, resolver description): the same bytes for
 *   everyone, so CORS whoever asks, and a CDN copy stays right for every caller.
 * - Verification (`/api/v1/verify`, the Digital Link resolver): only for a caller without
 *   credentials; a request that carries a bearer token or a session, or asks to `record` an
 *   intake, is an authenticated one. Not `/S/{CODE}`: that is the consumer's scan, counted for
 *   copy detection, and apps verify through the API instead.
 */
const DOCUMENTS = [/^\/\.well-known\/(jwks\.json|gs1resolver)$/, /^\/api\/v1\/status-lists?(\/\d+)?$/];
const VERIFICATION = [/^\/api\/v1\/verify(\/[^/]+)?$/, /^\/01\//];

const READ = ['GET', 'HEAD'];
const handlers = {
  documents: corsFor(READ),
  verification: corsFor([...READ, 'POST']),
};

function corsFor(allowMethods: string[]) {
  // Only what a credential-free call needs: no Authorization, no CSRF header, no cookies.
  return cors({
    origin: '*',
    allowMethods,
    allowHeaders: ['Content-Type', 'Accept', 'Accept-Language', 'If-None-Match'],
    exposeHeaders: ['ETag', 'Age', 'Link', 'Retry-After', 'X-Request-Id'],
    maxAge: 86_400,
  });
}

const CORS_HEADERS = ['Access-Control-Allow-Origin', 'Access-Control-Expose-Headers'];

function carriesCredentials(c: Context<AppEnv>): boolean {
  return c.req.header('authorization') !== undefined || getCookie(c, SESSION_COOKIE) !== undefined;
}

/** Whether the body the route already read (never read here) asks to record an intake. */
async function asksToRecord(c: Context<AppEnv>): Promise<boolean> {
  if (c.req.method !== 'POST' || Object.keys(c.req.bodyCache).length === 0) return false;
  const body = (await c.req.json().catch(() => null)) as { record?: unknown } | null;
  return typeof body === 'object' && body !== null && body.record !== undefined && body.record !== null;
}

export const publicCors = createMiddleware<AppEnv>(async function publicCors(c, next) {
  const path = c.req.path;
  if (DOCUMENTS.some((p) => p.test(path))) return handlers.documents(c, next);
  if (!VERIFICATION.some((p) => p.test(path)) || carriesCredentials(c)) return next();
  const answered = await handlers.verification(c, next);
  if (answered) return answered; // a preflight, answered by cors() itself
  if (await asksToRecord(c)) for (const header of CORS_HEADERS) c.res.headers.delete(header);
});
