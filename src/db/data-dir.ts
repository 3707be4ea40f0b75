import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * DATA_DIR holds the embedded database, the key material and the session secret, on PGlite and
 * on PostgreSQL alike: created on first use, readable by its owner alone.
 */
export function ensureDataDir(dataDir: string): void {
  try {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new Error(
      `DATA_DIR ${resolve(dataDir)} cannot be created (${code}). Set DATA_DIR to a folder this user can write.`,
    );
  }
}
