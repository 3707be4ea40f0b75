import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomToken } from '../services/auth/sessions';

/** Node only: the session-cookie HMAC secret, generated once into DATA_DIR (mode 0600). */
export function readOrCreateSessionSecret(dataDir: string): string {
  const path = join(dataDir, 'session-secret');
  if (existsSync(path)) return readFileSync(path, 'utf8').trim();
  const secret = randomToken() + randomToken();
  writeFileSync(path, secret, { mode: 0o600 });
  return secret;
}
