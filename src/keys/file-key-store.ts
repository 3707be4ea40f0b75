import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PrivateSigningJwk } from './key-ring';

/** Node only: private keys in DATA_DIR/signing-keys.json, readable by the owner alone (0600). */
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
