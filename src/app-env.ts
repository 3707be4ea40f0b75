import type { Context } from 'hono';
import type { Db } from './db/client';
import type { Config } from './env';
import type { KeyRing } from './keys/key-ring';
import type { RateLimiter } from './middleware/rate-limit';
import type { ScanSink } from './services/scans/scan-sink';
import type { Actor } from './services/shared/policy';

/**
 * What a request borrows from its runtime: on Workers a fresh client and a `finish` that runs in
 * waitUntil after the response; on Node shared ones that outlive the request (no `finish`).
 */
export type RequestResources = { db: Db; scanSink: ScanSink; finish?: () => Promise<void> };

export type AppDeps = {
  config: Config;
  keys: KeyRing;
  now: () => Date;
  rateLimiter: RateLimiter;
  openRequest: (c: Context) => RequestResources;
  labelFont: () => Promise<Uint8Array>;
  /** The caller's network address, used only for rate limits and a salted scanner hash. */
  clientAddress: (c: Context) => string | null;
};

export type AppEnv = {
  Variables: {
    deps: AppDeps;
    db: Db;
    scanSink: ScanSink;
    actor: Actor;
    clientId: string;
    requestId: string;
    /** Set when a person is signed in with a session cookie. */
    session?: { id: string; csrfToken: string; personName: string };
  };
};
