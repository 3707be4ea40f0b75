import postgres from 'postgres';
import { drizzle } from 'drizzle-orm/postgres-js';
import { createApp, type App } from './app';
import type { Db } from './db/client';
import * as schema from './db/schema';
import { loadConfig } from './env';
import { KeyRing, parseSigningKeySecret } from './keys/key-ring';
import { BindingRateLimiter, type RateLimitBinding } from './middleware/binding-rate-limiter';
import { MemoryRateLimiter } from './middleware/rate-limit';
import { ScanSink } from './services/scans/scan-sink';
import labelFontData from '../labels/fonts/DejaVuSansCondensed.ttf';

export type WorkerEnv = {
  HYPERDRIVE: { connectionString: string };
  SIGNING_KEY: string;
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
 * waitUntil together with the request's scan writes.
 */
function appFor(env: WorkerEnv): App {
  if (app) return app;
  // A public or missing salt would let anyone reverse stored scanner hashes by trying addresses.
  if (!env.SCAN_SALT) throw new Error('SCAN_SALT is not set: run `wrangler secret put SCAN_SALT` with 32 or more random characters (README, "Scanner privacy").');
  const config = loadConfig({ ...env, DATABASE_URL: env.HYPERDRIVE.connectionString, SEED_DEMO: 'false' });
  const keys = new KeyRing([parseSigningKeySecret(env.SIGNING_KEY)]);
  const rateLimiter = env.VERIFY_LIMITER && env.SIGN_IN_LIMITER && env.BULK_LIMITER
    ? new BindingRateLimiter({ verify: env.VERIFY_LIMITER, signIn: env.SIGN_IN_LIMITER, bulk: env.BULK_LIMITER }) : new MemoryRateLimiter();
  app = createApp({
    config, keys, rateLimiter, now: () => new Date(),
    labelFont: async () => new Uint8Array(labelFontData),
    clientAddress: (c) => c.req.header('cf-connecting-ip') ?? null,
    openRequest: () => {
      const client = postgres(env.HYPERDRIVE.connectionString, { max: 5, fetch_types: false, onnotice: () => {} });
      const db = drizzle({ client, schema, casing: 'snake_case' }) as unknown as Db;
      const scanSink = new ScanSink(db, { autoFlushMs: null });
      return { db, scanSink, finish: async () => {
        try {
          await scanSink.flush();
        } finally {
          await client.end({ timeout: 5 });
        }
      } };
    },
  });
  return app;
}

export default {
  fetch(request: Request, env: WorkerEnv, ctx: ExecutionContext) {
    return appFor(env).fetch(request, env, ctx);
  },
};
