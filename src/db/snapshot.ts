import type { PGlite } from '@electric-sql/pglite';
import { simpleQuery } from './session-queue';

/**
 * A consistent copy of the embedded database's files, taken inside the owning process. It holds
 * the session (no transaction of the service or of a socket client is open), checkpoints so the
 * data files hold every commit, and copies the folder while nothing else can run. Restored, it
 * opens like a cleanly stopped database.
 */
export async function snapshotDatabase(pg: PGlite): Promise<Uint8Array> {
  return pg._runExclusiveTransaction(async () => {
    await pg.runExclusive(() => pg.execProtocolRaw(simpleQuery('CHECKPOINT')));
    const tarball = await pg.dumpDataDir('none');
    return new Uint8Array(await tarball.arrayBuffer());
  });
}
