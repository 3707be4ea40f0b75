import { createServer, request } from 'node:http';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { listenOn } from './owner-socket';
import { snapshotDatabase } from './snapshot';

/** The owner's admin socket, beside the PostgreSQL one and guarded the same way. */
export const ADMIN_SOCKET_NAME = '.s.ocop-admin';

/**
 * What only the owning process can do for others: copy the database folder while it is open.
 * HTTP over a Unix socket, so the CLI needs nothing but Node.
 */
export async function serveOwnerAdmin(pg: PGlite, socketDir: string): Promise<{ close: () => Promise<void> }> {
  const server = createServer((req, res) => {
    if (req.method !== 'POST' || req.url !== '/snapshot') {
      res.writeHead(404).end();
      return;
    }
    snapshotDatabase(pg).then(
      (tarball) =>
        res.writeHead(200, { 'content-type': 'application/x-tar', 'content-length': tarball.length }).end(tarball),
      (error: unknown) =>
        res
          .writeHead(500, { 'content-type': 'text/plain' })
          .end(error instanceof Error ? error.message : String(error)),
    );
  });
  await listenOn(server, join(socketDir, ADMIN_SOCKET_NAME));
  return { close: () => new Promise<void>((done) => server.close(() => done())) };
}

/** Asks the owner of the database for a snapshot (src/db/snapshot.ts). */
export function requestSnapshot(socketDir: string): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const req = request(
      { socketPath: join(socketDir, ADMIN_SOCKET_NAME), method: 'POST', path: '/snapshot' },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          if (res.statusCode === 200) resolve(new Uint8Array(body));
          else reject(new Error(`The service could not take a snapshot: ${body.toString('utf8') || res.statusCode}`));
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end();
  });
}
