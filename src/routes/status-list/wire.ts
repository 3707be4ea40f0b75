import type { Context } from 'hono';
import { getRuntimeKey } from 'hono/adapter';
import type { AppEnv } from '../../app-env';

/** Whether an If-None-Match header names `etag` (weak comparison, RFC 9110 §13.1.2). */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || bare(tag) === bare(etag));
}

function acceptsGzip(header: string | undefined): boolean {
  return (header ?? '').split(',').some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find(Boolean);
    return (coding === 'gzip' || coding === '*') && (q === undefined || Number(q) > 0);
  });
}

/**
 * A signed text document (a JWS) as a cacheable answer: 304 on a matching If-None-Match, else the
 * body, gzipped on the wire when the client takes gzip. Neither Hono's compress middleware nor
 * Cloudflare's edge compresses `+jwt` types, so it is done here: on Workers by declaring
 * Content-Encoding, which the runtime then applies to the body (its default `encodeBody:
 * "automatic"`); on Node by sending gzip bytes, which compress() then leaves alone.
 */
export async function signedDocument(
  c: Context<AppEnv>,
  body: string,
  headers: { type: string; etag: string; cacheControl: string },
) {
  const common = { ETag: headers.etag, 'Cache-Control': headers.cacheControl, Vary: 'Accept-Encoding' };
  if (matchesEtag(c.req.header('if-none-match'), headers.etag)) return c.body(null, 304, common);
  const typed = { ...common, 'Content-Type': headers.type };
  if (!acceptsGzip(c.req.header('accept-encoding'))) return c.body(body, 200, typed);
  const encoded = { ...typed, 'Content-Encoding': 'gzip' };
  if (getRuntimeKey() === 'workerd') return c.body(body, 200, encoded);
  const gzip = new Blob([body]).stream().pipeThrough(new CompressionStream('gzip'));
  return c.body(new Uint8Array(await new Response(gzip).arrayBuffer()), 200, encoded);
}
