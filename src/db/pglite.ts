import { execFile } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import * as schema from './schema';
import type { Db, DbHandle } from './client';

/**
 * PostgreSQL's default shared_buffers (128 MB) is sized for a server; inside PGlite it is WASM
 * memory that is touched once and never returned, and it grows the WASM heap past its initial
 * 128 MB. The embedded database is small, and the kernel's page cache still caches its files.
 */
const LEAN_START_PARAMS = [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB'];

/**
 * A fresh folder is initialised (initdb) in a short-lived child process: PGlite runs initdb in a
 * second WASM instance whose memory (about 500 MB) this process would otherwise keep.
 */
async function initialiseOutOfProcess(pgdata: string): Promise<void> {
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  const run = `const { PGlite } = require(process.argv[1]);
(async () => { const pg = new PGlite(process.argv[2]); await pg.waitReady; await pg.close(); })()
  .catch((error) => { console.error(error); process.exit(1); });`;
  await promisify(execFile)(process.execPath, ['-e', run, entry, pgdata], { encoding: 'utf8' });
}

export type PgliteHandle = DbHandle & { client: PGlite };

/**
 * Embedded PostgreSQL for local runs and tests. Node only: it never enters the Worker bundle.
 * `pgdata` null is an in-memory database. Whoever opens a folder must own it first
 * (src/db/embedded-owner.ts): two processes on one folder corrupt it.
 */
export async function openPglite(pgdata: string | null, migrationsFolder: string | null): Promise<PgliteHandle> {
  if (pgdata) {
    mkdirSync(pgdata, { recursive: true });
    if (!existsSync(join(pgdata, 'PG_VERSION'))) await initialiseOutOfProcess(pgdata);
  }
  // pg_trgm indexes the registry's search_text (migration 0014): every instance that writes must load it.
  // In memory is 'memory://', not undefined: PGlite ignores its options argument after an undefined folder.
  const client = new PGlite(pgdata ?? 'memory://', { startParams: LEAN_START_PARAMS, extensions: { pg_trgm } });
  await client.waitReady;
  const db = drizzle({ client, schema, casing: 'snake_case' });
  if (migrationsFolder) await migrate(db, { migrationsFolder });
  return { db: db as unknown as Db, client, close: () => client.close() };
}
