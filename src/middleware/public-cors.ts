import { getCookie } from 'hono/cookie';
import { cors } from 'hono/cors';
import { createMiddleware } from 'hono/factory';
import type { Context, Next } from 'hono';
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
const EXPOSED = ['ETag', 'Age', 'Link', 'Retry-After', 'X-Request-Id'];
const preflights = {
  documents: preflightFor(READ),
  verification: preflightFor([...READ, 'POST']),
};

/** Hono's `cors()`, kept for preflights only: see `allowAnyOrigin` for the requests themselves. */
function preflightFor(allowMethods: string[]) {
  // Only what a credential-free call needs: no Authorization, no CSRF header, no cookies.
  return cors({
    origin: '*',
    allowMethods,
    allowHeaders: ['Content-Type', 'Accept', 'Accept-Language', 'If-None-Match'],
    exposeHeaders: EXPOSED,
    maxAge: 86_400,
  });
}

/**
 * The two headers an actual request needs, set before the route answers. Hono's `cors()` writes
 * them into `c.res` before the handler runs, and then every answer is copied into a second
 * Response (a stream and a header copy per verification) when the handler returns.
 */
async function allowAnyOrigin(c: Context<AppEnv>, next: Next) {
  c.header('Access-Control-Allow-Origin', '*');
  c.header('Access-Control-Expose-Headers', EXPOSED.join(','));
  await next();
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
  const kind = DOCUMENTS.some((p) => p.test(path))
    ? 'documents'
    : VERIFICATION.some((p) => p.test(path)) && !carriesCredentials(c)
      ? 'verification'
      : null;
  if (!kind) return next();
  if (c.req.method === 'OPTIONS') return preflights[kind](c, next);
  await allowAnyOrigin(c, next);
  if (kind === 'verification' && (await asksToRecord(c)))
    for (const header of CORS_HEADERS) c.header(header, undefined);
});
