import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { getConnInfo } from '@hono/node-server/conninfo';
import { createApp } from '../app';
import type { DbHandle } from '../db/client';
import { ensureDataDir } from '../db/data-dir';
import { openEmbeddedOwner } from '../db/embedded-owner';
import { connectPostgres, migratePostgres } from '../db/postgres';
import type { Config } from '../env';
import { openNodeKeyRing } from '../keys/node-keys';
import { readOrCreateScanSalt } from '../keys/scan-salt';
import { readOrCreateSessionSecret } from '../keys/session-secret';
import { MemoryRateLimiter } from '../middleware/rate-limit';
import { ScanSink } from '../services/scans/scan-sink';
import { scanWriter } from '../services/scans/record-reads';
import { logError } from '../services/shared/log';

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../migrations', import.meta.url));
export const LABEL_FONT_PATH = fileURLToPath(new URL('../../labels/fonts/DejaVuSansCondensed.ttf', import.meta.url));

/**
 * Opens PostgreSQL when DATABASE_URL is set, else PGlite in DATA_DIR as its one owner, serving it
 * to the CLI, psql and drizzle-kit over a socket in DATA_DIR; migrations are applied either way.
 */
export async function openNodeDatabase(config: Config): Promise<DbHandle> {
  if (config.DATABASE_URL) {
    ensureDataDir(config.DATA_DIR);
    await migratePostgres(config.DATABASE_URL, MIGRATIONS_FOLDER);
    return connectPostgres(config.DATABASE_URL);
  }
  return openEmbeddedOwner(config.DATA_DIR, MIGRATIONS_FOLDER, { role: 'service', serve: true });
}

/** Everything `npm start` runs, without the listening socket: tests boot the same thing. */
export async function bootNode(baseConfig: Config, options: { now?: () => Date } = {}) {
  const database = await openNodeDatabase(baseConfig);
  const config = {
    ...baseConfig,
    SESSION_SECRET: baseConfig.SESSION_SECRET ?? readOrCreateSessionSecret(baseConfig.DATA_DIR),
    SCAN_SALT: baseConfig.SCAN_SALT ?? readOrCreateScanSalt(baseConfig.DATA_DIR),
  };
  // A wrong KEY_ENCRYPTION_KEY stops the start with its reason; the database is let go first.
  const keys = await openNodeKeyRing(database.db, config, 'service').catch(async (error: unknown) => {
    await database.close();
    throw error;
  });
  const now = options.now ?? (() => new Date());
  const scanSink = new ScanSink(database.db, {
    autoFlushMs: 200,
    write: scanWriter(config, now),
    onError: (e) => logError('scan write failed, will retry', e),
  });
  let font: Promise<Uint8Array> | null = null;
  const labelFont = () => (font ??= readFile(LABEL_FONT_PATH).then((b) => new Uint8Array(b)));
  const app = createApp({
    config,
    keys,
    now,
    labelFont,
    rateLimiter: new MemoryRateLimiter(),
    openRequest: () => ({ db: database.db, scanSink }),
    // app.request() in tests has no socket, hence no incoming message to read.
    clientAddress: (c) =>
      (c.env as { incoming?: unknown } | undefined)?.incoming ? (getConnInfo(c).remote.address ?? null) : null,
  });
  return {
    app,
    db: database.db,
    keys,
    scanSink,
    config,
    now,
    labelFont,
    /** Graceful: pending scans are written before the database closes. */
    close: async () => {
      await scanSink.drain();
      await database.close();
    },
  };
}

export type NodeRuntime = Awaited<ReturnType<typeof bootNode>>;
