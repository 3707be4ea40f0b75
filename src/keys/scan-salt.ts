import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Node only: the salt of scanner and network hashes, generated once into DATA_DIR (mode 0600).
 * It must be secret: addresses are few, so anyone holding the salt could try every address (and
 * the common User-Agents) against a stored hash and learn who scanned.
 */
export function readOrCreateScanSalt(dataDir: string): string {
  const path = join(dataDir, 'scan-salt');
  mkdirSync(dataDir, { recursive: true });
  try {
    const salt = randomBytes(32).toString('base64url');
    writeFileSync(path, salt, { mode: 0o600, flag: 'wx' }); // never replaces one that exists
    return salt;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return readFileSync(path, 'utf8').trim();
  }
}
