import postgres from 'postgres';
import { drizzle } from 'drizzle-orm/postgres-js';
import { createApp, type App } from './app';
import type { Db } from './db/client';
import * as schema from './db/schema';
import { loadConfig } from './env';
import { KeyRing, parseSigningKeySecret } from './keys/key-ring';
import { MemoryRateLimiter, type RateLimiter } from './middleware/rate-limit';
import { ScanSink } from './services/scans/scan-sink';
import labelFontData from '../labels/fonts/DejaVuSansCondensed.ttf';

type RateLimitBinding = { limit(options: { key: string }): Promise<{ success: boolean }> };

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
  VERIFY_RATE_PER_MINUTE?: string;
  VERIFY_LIMITER?: RateLimitBinding;
  SIGN_IN_LIMITER?: RateLimitBinding;
};

/**
 * Workers' own rate limiting, shared across isolates and locations. Each binding's configuration
 * (wrangler.toml) sets its limit; keys are `bucket:client`, and sign-in buckets have their own.
 */
class BindingRateLimiter implements RateLimiter {
  constructor(private readonly verify: RateLimitBinding, private readonly signIn: RateLimitBinding) {}
  async take(key: string) {
    const bucket = key.slice(0, key.indexOf(':'));
    // Reports and sign-ins are rare per person: they share the stricter binding.
    const binding = bucket === 'sign-in' || bucket === 'enrol' || bucket === 'report' ? this.signIn : this.verify;
    const { success } = await binding.limit({ key });
    return { allowed: success, retryAfterSeconds: success ? 0 : 60 };
  }
}

let app: App | null = null;

/**
 * The app is built once per isolate; each request gets its own postgres.js client through
 * Hyperdrive (Workers cannot share sockets across requests), closed after the response in
 * waitUntil together with the request's scan writes.
 */
function appFor(env: WorkerEnv): App {
  if (app) return app;
  const config = loadConfig({ ...env, DATABASE_URL: env.HYPERDRIVE.connectionString, SEED_DEMO: 'false' });
  const keys = new KeyRing([parseSigningKeySecret(env.SIGNING_KEY)]);
  const rateLimiter = env.VERIFY_LIMITER && env.SIGN_IN_LIMITER
    ? new BindingRateLimiter(env.VERIFY_LIMITER, env.SIGN_IN_LIMITER) : new MemoryRateLimiter();
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
