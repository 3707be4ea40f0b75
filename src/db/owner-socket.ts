import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketHandler } from '@electric-sql/pglite-socket';
import { SessionQueue } from './session-queue';

/** libpq's socket name for port 5432: `psql -h DIR`, postgres.js `{ host: DIR }` and drizzle-kit find it there. */
export const SOCKET_NAME = '.s.PGSQL.5432';
/** Linux allows 107 bytes in a socket path; leave room for the longer admin socket name. */
const MAX_SOCKET_PATH = 100;
/** A client silent this long while holding the session (inside an open transaction) is cut off. */
export const HOLD_SILENCE_LIMIT_MS = 15_000;
const MAX_CLIENTS = 16;

/**
 * The folder for the owner's sockets: DATA_DIR itself, whose permissions guard it (PGlite has no
 * password; a loopback TCP port would open the database to every local user). When DATA_DIR's
 * absolute path is too long for a socket name, a private 0700 folder in the temp directory.
 */
export function chooseSocketDir(dataDir: string): { dir: string; temporary: boolean } {
  const dir = resolve(dataDir);
  if (Buffer.byteLength(join(dir, SOCKET_NAME)) <= MAX_SOCKET_PATH) return { dir, temporary: false };
  return { dir: mkdtempSync(join(tmpdir(), 'ocop-')), temporary: true };
}

export function listenOn(server: Server, path: string): Promise<void> {
  rmSync(path, { force: true }); // left by a killed owner; only the lock holder gets here
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(path, () => {
      server.off('error', fail);
      chmodSync(path, 0o600);
      done();
    });
  });
}

/**
 * Serves the owner's PGlite over the PostgreSQL wire protocol on a Unix socket. pglite-socket's
 * handler frames the protocol; SessionQueue decides whose message runs (see there).
 */
export async function servePgliteSocket(pg: PGlite, socketDir: string): Promise<{ close: () => Promise<void> }> {
  const queue = new SessionQueue(pg);
  const handlers = new Map<number, PGLiteSocketHandler>();
  const server = createServer((socket) => {
    if (handlers.size >= MAX_CLIENTS) {
      socket.destroy();
      return;
    }
    // The handler's queue type is pglite-socket's internal class; SessionQueue has its three methods.
    const handler = new PGLiteSocketHandler({ queryQueue: queue as never, closeOnDetach: true });
    handlers.set(handler.handlerId, handler);
    const forget = () => handlers.delete(handler.handlerId);
    handler.addEventListener('close', forget);
    handler.addEventListener('error', forget);
    void handler.attach(socket);
  });
  // An operator who leaves psql inside BEGIN would stop the service: the session is its too.
  const watchdog = setInterval(() => {
    const hold = queue.holding();
    if (hold && hold.silentMs > HOLD_SILENCE_LIMIT_MS) void handlers.get(hold.handlerId)?.detach(true);
  }, 1000);
  watchdog.unref();
  await listenOn(server, join(socketDir, SOCKET_NAME));
  return {
    close: async () => {
      clearInterval(watchdog);
      const closed = new Promise<void>((done) => server.close(() => done()));
      await Promise.all([...handlers.values()].map((h) => h.detach(true)));
      await closed;
    },
  };
}
