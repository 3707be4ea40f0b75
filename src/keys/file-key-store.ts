import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PrivateSigningJwk } from './key-ring';

/**
 * Where versions before the sealed keys in the database kept private keys. The service reads the
 * file at start to import the keys the database publishes without a private half; nothing writes
 * it any more (tests recreate an old install with `writeKeyFile`).
 */
export function keyFilePath(dataDir: string): string {
  return join(dataDir, 'signing-keys.json');
}

export function readKeyFile(dataDir: string): PrivateSigningJwk[] {
  const path = keyFilePath(dataDir);
  if (!existsSync(path)) return [];
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as { keys?: PrivateSigningJwk[] };
  return Array.isArray(parsed.keys) ? parsed.keys : [];
}

export function writeKeyFile(dataDir: string, keys: PrivateSigningJwk[]): void {
  mkdirSync(dataDir, { recursive: true });
  const path = keyFilePath(dataDir);
  writeFileSync(path, JSON.stringify({ keys }, null, 2), { mode: 0o600 });
  chmodSync(path, 0o600);
}
