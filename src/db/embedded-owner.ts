import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { ensureDataDir } from './data-dir';
import { serveOwnerAdmin } from './owner-admin';
import { acquireOwnership, type OwnerRole } from './owner-lock';
import { chooseSocketDir, servePgliteSocket } from './owner-socket';
import { openPglite, type PgliteHandle } from './pglite';

/** The embedded database lives in DATA_DIR/pglite; everything else in DATA_DIR is key material and settings. */
export const PGLITE_FOLDER = 'pglite';

export type EmbeddedOwner = PgliteHandle & { socketDir: string | null };

/**
 * Opens DATA_DIR's embedded database as its one owner: takes the lock (waiting a while for a CLI
 * command that holds it), opens PGlite, migrates, and with `serve` offers the database to local
 * processes over the PostgreSQL protocol and an admin socket, published in the lock.
 */
export async function openEmbeddedOwner(
  dataDir: string,
  migrationsFolder: string,
  options: { role: OwnerRole; serve: boolean; waitMs?: number },
): Promise<EmbeddedOwner> {
  ensureDataDir(dataDir);
  const lock = await acquireOwnership(dataDir, options.role, { waitMs: options.waitMs ?? 30_000 });
  const stops: Array<() => Promise<void> | void> = [() => lock.release()];
  // Every step runs even if one fails: the lock, last, must go whatever happened before it.
  const stopAll = async () => {
    let failure: unknown = null;
    for (const stop of stops.splice(0).reverse()) {
      try {
        await stop();
      } catch (error) {
        failure ??= error;
      }
    }
    if (failure) throw failure;
  };
  try {
    const database = await openPglite(join(dataDir, PGLITE_FOLDER), migrationsFolder);
    stops.push(() => database.close());
    if (!options.serve) return { ...database, socketDir: null, close: stopAll };
    const { dir, temporary } = chooseSocketDir(dataDir);
    if (temporary) stops.push(() => rmSync(dir, { recursive: true, force: true }));
    stops.push((await servePgliteSocket(database.client, dir)).close);
    stops.push((await serveOwnerAdmin(database.client, dir)).close);
    lock.publish({ dir });
    return { ...database, socketDir: dir, close: stopAll };
  } catch (error) {
    await stopAll().catch(() => {});
    throw error;
  }
}
