import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { newKekSecret, parseKeks, type KekSet } from './key-encryption';

/** Node only: the key-encryption key of the embedded default, generated once into DATA_DIR (mode 0600). */
export function kekFilePath(dataDir: string): string {
  return join(dataDir, 'key-encryption-key');
}

/**
 * KEY_ENCRYPTION_KEY when set, else DATA_DIR/key-encryption-key. The file is created only when
 * `mayCreate` (a service starting on a database that holds no sealed key yet): a second instance
 * on a shared database must be given the first one's KEK, not invent its own.
 */
export async function resolveKeks(
  config: { KEY_ENCRYPTION_KEY?: string; DATA_DIR: string },
  mayCreate: boolean,
): Promise<KekSet | null> {
  if (config.KEY_ENCRYPTION_KEY) return parseKeks(config.KEY_ENCRYPTION_KEY);
  const path = kekFilePath(config.DATA_DIR);
  if (existsSync(path)) return parseKeks(readFileSync(path, 'utf8'), path);
  if (!mayCreate) return null;
  writeKekFile(config.DATA_DIR, [newKekSecret()]);
  return parseKeks(readFileSync(path, 'utf8'), path);
}

/**
 * The KEKs of a running Node process. From the file, they are read again when the file changes:
 * `keys rewrap` run beside a live service re-seals the keys under a new KEK, and the service must
 * open keys rotated in after it without a restart.
 */
export async function nodeKeks(
  config: { KEY_ENCRYPTION_KEY?: string; DATA_DIR: string },
  mayCreate: boolean,
): Promise<() => Promise<KekSet | null>> {
  let keks = await resolveKeks(config, mayCreate);
  if (config.KEY_ENCRYPTION_KEY) return async () => keks;
  const path = kekFilePath(config.DATA_DIR);
  const changed = () => (existsSync(path) ? statSync(path).mtimeMs : null);
  let seen = changed();
  return async () => {
    const now = changed();
    if (now !== null && now !== seen) {
      seen = now;
      keks = await parseKeks(readFileSync(path, 'utf8'), path);
    }
    return keks;
  };
}

/** Written whole then renamed, so a crash leaves the old file or the new one, never half of one. */
export function writeKekFile(dataDir: string, secrets: string[]): void {
  mkdirSync(dataDir, { recursive: true });
  const path = kekFilePath(dataDir);
  writeFileSync(`${path}.tmp`, `${secrets.join(',')}\n`, { mode: 0o600 });
  renameSync(`${path}.tmp`, path);
}

/**
 * `keys rewrap` on the embedded default: a new KEK goes in front of the old one in the file, the
 * keys are re-sealed under it (one transaction), then the old one is dropped. Interrupted at any
 * point, the file still opens every stored key.
 */
export async function rewrapWithNewKekFile<T>(dataDir: string, rewrap: (keks: KekSet) => Promise<T>): Promise<T> {
  const path = kekFilePath(dataDir);
  const old = readFileSync(path, 'utf8')
    .split(/[,\s]+/)
    .filter(Boolean);
  const fresh = newKekSecret();
  writeKekFile(dataDir, [fresh, ...old]);
  const result = await rewrap(await parseKeks(readFileSync(path, 'utf8'), path));
  writeKekFile(dataDir, [fresh]);
  return result;
}
