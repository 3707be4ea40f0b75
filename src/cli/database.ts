import type { DbHandle } from '../db/client';
import { ensureDataDir } from '../db/data-dir';
import { openEmbeddedOwner } from '../db/embedded-owner';
import { requestSnapshot } from '../db/owner-admin';
import { connectToOwner } from '../db/owner-client';
import { DataDirInUseError, readOwner } from '../db/owner-lock';
import { connectPostgres, migratePostgres } from '../db/postgres';
import { snapshotDatabase } from '../db/snapshot';
import type { Config } from '../env';
import { MIGRATIONS_FOLDER } from '../node/boot';

export type OperatorDatabase = DbHandle & {
  /** How the command reached the database, for its messages. */
  via: 'postgresql' | 'service' | 'folder';
  /** A snapshot of the embedded database's files (src/db/snapshot.ts); null on PostgreSQL. */
  snapshot: (() => Promise<Uint8Array>) | null;
};

/** How long a command waits for a service that is still starting, or for another command to finish. */
const WAIT_FOR_OWNER_MS = 60_000;

/**
 * The database an operator's command works on. With DATABASE_URL, PostgreSQL. Else the embedded
 * database of DATA_DIR: through the running service's socket when `npm start` owns it (its effect
 * is visible to the service's next request, and the service alone migrates), or, when nothing
 * runs, by opening the folder itself as its owner for the length of the command.
 */
export async function openOperatorDatabase(config: Config): Promise<OperatorDatabase> {
  ensureDataDir(config.DATA_DIR);
  if (config.DATABASE_URL) {
    await migratePostgres(config.DATABASE_URL, MIGRATIONS_FOLDER);
    return { ...connectPostgres(config.DATABASE_URL, { max: 1 }), via: 'postgresql', snapshot: null };
  }
  const deadline = Date.now() + WAIT_FOR_OWNER_MS;
  for (;;) {
    const owner = readOwner(config.DATA_DIR);
    if (owner?.socket) {
      const dir = owner.socket.dir;
      const connected = await connectToOwner(dir).catch(() => null); // it may have just stopped: look again
      if (connected) return { ...connected, via: 'service', snapshot: () => requestSnapshot(dir) };
    } else if (!owner) {
      try {
        const own = await openEmbeddedOwner(config.DATA_DIR, MIGRATIONS_FOLDER, {
          role: 'cli',
          serve: false,
          waitMs: 0,
        });
        return { db: own.db, close: own.close, via: 'folder', snapshot: () => snapshotDatabase(own.client) };
      } catch (error) {
        if (!(error instanceof DataDirInUseError)) throw error; // a service started meanwhile: go through it
      }
    }
    if (Date.now() > deadline) {
      const current = readOwner(config.DATA_DIR);
      if (current) throw new DataDirInUseError(config.DATA_DIR, current);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
