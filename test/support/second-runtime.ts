import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectPostgres } from '../../src/db/postgres';
import { loadConfig } from '../../src/env';
import { kekFilePath } from '../../src/keys/kek-file';
import { bootNode } from '../../src/node/boot';
import type { ServiceContext } from '../../src/services/shared/context';
import type { Actor } from '../../src/services/shared/policy';
import { TEST_NOW, TEST_ORIGIN, type Harness } from './harness';

/** The key-encryption key a harness generated into its DATA_DIR on first start. */
export function harnessKek(h: Harness): string {
  return readFileSync(kekFilePath(h.dataDir), 'utf8').trim();
}

/**
 * Another instance of the service on the harness's PostgreSQL database, in its own empty
 * DATA_DIR, given the harness's KEK unless `env` says otherwise: what a second Node process or
 * a Worker is.
 */
export async function bootSecondRuntime(h: Harness, env: Record<string, string | undefined> = {}, givenDir?: string) {
  const dataDir = givenDir ?? emptyDir();
  const config = loadConfig({
    DATA_DIR: dataDir,
    DATABASE_URL: h.databaseUrl!,
    PUBLIC_ORIGIN: TEST_ORIGIN,
    VERIFY_RATE_PER_MINUTE: '1000000',
    KEY_ENCRYPTION_KEY: harnessKek(h),
    KEY_REFRESH_SECONDS: '1',
    ...env,
  });
  const runtime = await bootNode(config, { now: () => TEST_NOW }).catch((error: unknown) => {
    // A refused start is what some tests expect; a folder the caller gave is theirs to read and remove.
    if (!givenDir) rmSync(dataDir, { recursive: true, force: true });
    throw error;
  });
  return {
    ...runtime,
    dataDir,
    ctx: (actor: Actor): ServiceContext => ({
      db: runtime.db,
      actor,
      now: () => TEST_NOW,
      keys: runtime.keys,
      config: runtime.config,
    }),
    request: (path: string, init?: RequestInit) => runtime.app.request(path, init),
    close: async () => {
      await runtime.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function emptyDir(): string {
  return mkdtempSync(join(tmpdir(), 'ocop-second-'));
}

export type SecondRuntime = Awaited<ReturnType<typeof bootSecondRuntime>>;

/**
 * A database that cannot be reached: nothing listens on port 1, so every query fails to connect,
 * as it does in an outage. Services given it answer from what their runtime last saw.
 */
export function unreachableDatabase() {
  return connectPostgres('postgres://postgres@127.0.0.1:1/unreachable', { max: 1 });
}
