import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { get as httpGet, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { serve, type ServerType } from '@hono/node-server';
import { openHarness, type Harness } from '../support/harness';

/** The raw bytes and headers as they leave the Node server, nothing decoded on the way. */
function fetchRaw(
  port: number,
  path: string,
  headers: Record<string, string>,
): Promise<{ res: IncomingMessage; body: Buffer }> {
  return new Promise((resolve, reject) => {
    httpGet({ port, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ res, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    }).on('error', reject);
  });
}

// Compression is the HTTP layer's business, the same on either database: PGlite is enough here.
describe('the Node server compresses HTML and JSON', () => {
  let h: Harness;
  let server: ServerType;
  let port = 0;

  beforeAll(async () => {
    h = await openHarness('pglite');
    server = serve({ fetch: h.app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((resolve) => server.once('listening', resolve));
    port = (server.address() as AddressInfo).port;
  }, 120_000);
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    await h?.close();
  });

  it('answers a client that accepts gzip with a gzip body, for the verification page and for JSON', async () => {
    for (const [path, type, marker] of [
      [`/S/${h.codes.valid}`, 'text/html', 'Tem chính hãng'],
      ['/openapi.json', 'application/json', '"openapi"'],
    ] as const) {
      const { res, body } = await fetchRaw(port, path, { 'accept-encoding': 'gzip' });
      expect(res.statusCode, path).toBe(200);
      expect(res.headers['content-type'], path).toContain(type);
      expect(res.headers['content-encoding'], path).toBe('gzip');
      expect(res.headers.vary, path).toMatch(/accept-encoding/i);
      const text = gunzipSync(body).toString('utf8');
      expect(text, path).toContain(marker);
      expect(body.length, path).toBeLessThan(Buffer.byteLength(text) / 2);
    }
  });

  it('sends the plain body to a client that does not ask for compression', async () => {
    const { res, body } = await fetchRaw(port, `/S/${h.codes.valid}`, {});
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(body.toString('utf8')).toContain('Tem chính hãng');
  });
});
