import postgres from 'postgres';
import { drizzle } from 'drizzle-orm/postgres-js';
import { createApp, type App } from './app';
import type { Db } from './db/client';
import * as schema from './db/schema';
import { loadConfig } from './env';
import { parseKeks } from './keys/key-encryption';
import { KeyRing } from './keys/key-ring';
import { parseSigningKeySecret } from './keys/key-rows';
import { BindingRateLimiter, type RateLimitBinding } from './middleware/binding-rate-limiter';
import { MemoryRateLimiter } from './middleware/rate-limit';
import { ScanSink } from './services/scans/scan-sink';
import { scanWriter } from './services/scans/record-reads';
import labelFontData from '../labels/fonts/DejaVuSansCondensed.ttf';

export type WorkerEnv = {
  HYPERDRIVE: { connectionString: string };
  /** Seals the private signing keys in the database (a secret): the same value as every other instance's. */
  KEY_ENCRYPTION_KEY?: string;
  SIGNING_KEY?: string;
  SESSION_SECRET: string;
  PUBLIC_ORIGIN?: string;
  SCAN_SALT?: string;
  COPY_MAX_RETAILERS?: string;
  COPY_FAR_KM?: string;
  COPY_FAR_HOURS?: string;
  COPY_MAX_SCANNERS?: string;
  COPY_MAX_SCANNERS_PER_NETWORK?: string;
  VERIFY_RATE_PER_MINUTE?: string;
  BULK_CODES_PER_MINUTE?: string;
  ANON_BULK_CODES_PER_MINUTE?: string;
  VERIFY_LIMITER?: RateLimitBinding;
  SIGN_IN_LIMITER?: RateLimitBinding;
  BULK_LIMITER?: RateLimitBinding;
};

let app: App | null = null;

/**
 * The app is built once per isolate; each request gets its own postgres.js client through
 * Hyperdrive (Workers cannot share sockets across requests), closed after the response in
 * waitUntil together with the isolate's pending scan writes.
 */
function appFor(env: WorkerEnv): App {
  if (app) return app;
  // A public or missing salt would let anyone reverse stored scanner hashes by trying addresses.
  if (!env.SCAN_SALT)
    throw new Error(
      'SCAN_SALT is not set: run `wrangler secret put SCAN_SALT` with 32 or more random characters (README, "Scanner privacy").',
    );
  const config = loadConfig({ ...env, DATABASE_URL: env.HYPERDRIVE.connectionString, SEED_DEMO: 'false' });
  // Keys come from the database, sealed under KEY_ENCRYPTION_KEY; a bad value is reported on first use.
  const keks = env.KEY_ENCRYPTION_KEY ? parseKeks(env.KEY_ENCRYPTION_KEY) : Promise.resolve(null);
  keks.catch(() => {});
  const keys = new KeyRing({
    keks: () => keks,
    external: env.SIGNING_KEY ? [parseSigningKeySecret(env.SIGNING_KEY)] : [],
    refreshSeconds: config.KEY_REFRESH_SECONDS,
  });
  // One buffer per isolate: scans a failed write kept are retried by the next request's waitUntil.
  const scanSink = new ScanSink(null, { autoFlushMs: null, maxPending: 10_000, write: scanWriter(config) });
  const rateLimiter =
    env.VERIFY_LIMITER && env.SIGN_IN_LIMITER && env.BULK_LIMITER
      ? new BindingRateLimiter({ verify: env.VERIFY_LIMITER, signIn: env.SIGN_IN_LIMITER, bulk: env.BULK_LIMITER })
      : new MemoryRateLimiter();
  app = createApp({
    config,
    keys,
    rateLimiter,
    now: () => new Date(),
    labelFont: async () => new Uint8Array(labelFontData),
    clientAddress: (c) => c.req.header('cf-connecting-ip') ?? null,
    openRequest: () => {
      const client = postgres(env.HYPERDRIVE.connectionString, { max: 5, fetch_types: false, onnotice: () => {} });
      const db = drizzle({ client, schema, casing: 'snake_case' }) as unknown as Db;
      return {
        db,
        scanSink,
        finish: async () => {
          try {
            await scanSink.flush(db);
          } finally {
            await client.end({ timeout: 5 });
          }
        },
      };
    },
  });
  return app;
}

export default {
  fetch(request: Request, env: WorkerEnv, ctx: ExecutionContext) {
    return appFor(env).fetch(request, env, ctx);
  },
};
