import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { PGlite } from '@electric-sql/pglite';
import { PGLITE_FOLDER } from './embedded-owner';
import { acquireOwnership, LOCK_FILE } from './owner-lock';
import { packTar, unpackTar, type TarEntry } from './tar';

const FORMAT = 'ocop-backup';
const DATABASE_ENTRY = 'database/pglite.tar';
const FILES_PREFIX = 'files/';
type Manifest = { format: typeof FORMAT; version: 1; createdAt: string; files: string[] };

/**
 * Every regular file of DATA_DIR but the live database folder and the lock: the signing-key file,
 * the key-encryption key, the session secret, the scan salt, and whatever key material a later
 * version keeps there. Sockets are not regular files and stay behind.
 */
function dataDirFiles(dataDir: string): TarEntry[] {
  const entries: TarEntry[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      const rel = relative(dataDir, path).split(sep).join('/');
      if (rel === PGLITE_FOLDER || rel.startsWith(LOCK_FILE)) continue;
      const stat = statSync(path);
      if (stat.isDirectory()) walk(path);
      else if (stat.isFile())
        entries.push({ name: FILES_PREFIX + rel, mode: stat.mode & 0o777, data: readFileSync(path) });
    }
  };
  walk(dataDir);
  return entries;
}

/** One gzipped tar: a manifest, the database snapshot (src/db/snapshot.ts) and DATA_DIR's files. */
export function buildBackup(dataDir: string, databaseSnapshot: Uint8Array): { archive: Uint8Array; files: string[] } {
  const files = dataDirFiles(dataDir);
  const manifest: Manifest = {
    format: FORMAT,
    version: 1,
    createdAt: new Date().toISOString(),
    files: files.map((f) => f.name.slice(FILES_PREFIX.length)),
  };
  const tar = packTar([
    { name: 'manifest.json', mode: 0o600, data: new TextEncoder().encode(JSON.stringify(manifest, null, 2)) },
    { name: DATABASE_ENTRY, mode: 0o600, data: databaseSnapshot },
    ...files,
  ]);
  return { archive: gzipSync(tar), files: manifest.files };
}

function isEmptyFolder(dir: string): boolean {
  return !existsSync(dir) || (statSync(dir).isDirectory() && readdirSync(dir).length === 0);
}

/**
 * Fills an empty DATA_DIR from a backup: its files with their modes, then the database, loaded by
 * PGlite from the snapshot and opened once to prove it opens. Refuses a folder that holds anything.
 */
export async function restoreBackup(
  archive: Uint8Array,
  dataDir: string,
): Promise<{ files: string[]; createdAt: string }> {
  let entries: TarEntry[];
  try {
    entries = unpackTar(new Uint8Array(gunzipSync(archive)));
  } catch (error) {
    throw new Error(
      `not a backup made by \`npm run cli -- backup\` (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  const manifestEntry = entries.find((e) => e.name === 'manifest.json');
  const manifest = manifestEntry ? (JSON.parse(new TextDecoder().decode(manifestEntry.data)) as Manifest) : null;
  const database = entries.find((e) => e.name === DATABASE_ENTRY);
  if (manifest?.format !== FORMAT || manifest.version !== 1 || !database)
    throw new Error('not a backup made by `npm run cli -- backup`');
  if (!isEmptyFolder(dataDir))
    throw new Error(
      `DATA_DIR ${resolve(dataDir)} is not empty: restore fills an empty folder only, so nothing there is overwritten`,
    );

  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const lock = await acquireOwnership(dataDir, 'cli'); // a service started meanwhile waits for the restore
  try {
    await writeRestored(entries, resolve(dataDir), database.data);
  } finally {
    lock.release();
  }
  return { files: manifest.files, createdAt: manifest.createdAt };
}

async function writeRestored(entries: TarEntry[], root: string, database: Uint8Array): Promise<void> {
  for (const entry of entries.filter((e) => e.name.startsWith(FILES_PREFIX))) {
    const path = resolve(root, entry.name.slice(FILES_PREFIX.length));
    if (!path.startsWith(root + sep) || path.startsWith(join(root, PGLITE_FOLDER) + sep))
      throw new Error(`backup entry outside DATA_DIR: ${entry.name}`);
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    writeFileSync(path, entry.data, { mode: entry.mode || 0o600 });
    chmodSync(path, entry.mode || 0o600);
  }
  const pg = new PGlite(join(root, PGLITE_FOLDER), { loadDataDir: new Blob([database as Uint8Array<ArrayBuffer>]) });
  try {
    await pg.query('select count(*) from audit_log');
  } finally {
    await pg.close();
  }
}
