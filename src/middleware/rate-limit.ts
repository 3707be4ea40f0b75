import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../app-env';
import type { Config } from '../env';
import { MAX_INTAKE_CODES } from '../domain/intake-limits';
import { AppError } from '../services/shared/errors';

/** Behind an interface so Workers can back it with the platform's rate-limit binding. */
export interface RateLimiter {
  /** Draws `cost` (codes for bulk verification, else 1) from the key's budget of `perMinute`. */
  take(key: string, perMinute: number, cost?: number): Promise<{ allowed: boolean; retryAfterSeconds: number }>;
}

const ALLOWED = Object.freeze({ allowed: true, retryAfterSeconds: 0 });

/**
 * A token bucket per key, in process memory (one Node process): it holds up to `perMinute` and
 * refills continuously. A request is served when the bucket holds its whole cost, and one costing
 * more than the whole budget when the bucket is full; either way it draws its full cost, so a
 * large request leaves a debt that later requests wait out. Codes, not requests, are what is paid.
 */
export class MemoryRateLimiter implements RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  async take(key: string, perMinute: number, cost = 1) {
    const now = this.now();
    const perMs = perMinute / 60_000;
    const bucket = this.buckets.get(key);
    const tokens = bucket ? Math.min(perMinute, bucket.tokens + (now - bucket.at) * perMs) : perMinute;
    const needed = Math.min(cost, perMinute);
    if (!bucket && this.buckets.size > 50_000) this.buckets.clear();
    const allowed = tokens >= needed;
    // Updated in place: a bucket is read and written on every request.
    if (bucket) {
      bucket.tokens = allowed ? tokens - cost : tokens;
      bucket.at = now;
    } else this.buckets.set(key, { tokens: allowed ? tokens - cost : tokens, at: now });
    if (!allowed)
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((needed - tokens) / perMs / 1000)) };
    return ALLOWED;
  }
}

/**
 * Per-client request limits, per minute, by bucket: scanners verify often, people sign in rarely.
 * Bulk requests are counted here too (before their body is read, so a flood is refused cheaply),
 * in a bucket apart from single scans; their codes are priced by `bulkRateLimit`.
 */
const LIMITS = {
  verify: (config: Config) => config.VERIFY_RATE_PER_MINUTE,
  'verify-bulk': (config: Config) => config.VERIFY_RATE_PER_MINUTE,
  'sign-in': (config: Config) => config.SIGN_IN_RATE_PER_MINUTE,
  enrol: (config: Config) => config.SIGN_IN_RATE_PER_MINUTE,
  report: (config: Config) => config.REPORT_RATE_PER_MINUTE,
} as const;

const TOO_MANY = 'Quá nhiều yêu cầu. Vui lòng thử lại sau ít phút.';

async function charge(c: Context<AppEnv>, key: string, perMinute: number, cost: number, message: string) {
  const { allowed, retryAfterSeconds } = await c.get('deps').rateLimiter.take(key, perMinute, cost);
  if (allowed) return;
  c.header('Retry-After', String(retryAfterSeconds));
  throw new AppError('rate_limited', message, { retryAfterSeconds });
}

export function rateLimit(bucket: keyof typeof LIMITS) {
  return createMiddleware<AppEnv>(async function rateLimited(c, next) {
    await charge(c, `${bucket}:${c.get('clientId')}`, LIMITS[bucket](c.get('deps').config), 1, TOO_MANY);
    await next();
  });
}

/** How many codes a bulk body carries (`codes` or intake `items`); what fails validation later costs 1. */
async function codesIn(c: Context<AppEnv>): Promise<number> {
  const body: unknown = await c.req.json().catch(() => null); // cached: the validator reads it again for free
  const list =
    body && typeof body === 'object'
      ? ((body as { codes?: unknown }).codes ?? (body as { items?: unknown }).items)
      : null;
  return Array.isArray(list) ? Math.min(Math.max(list.length, 1), MAX_INTAKE_CODES) : 1;
}

/**
 * Bulk verification is priced per code, in a bucket of its own, so a flood of bulk requests
 * cannot use up the budget of single scans. A signed-in caller (token or session) is counted by
 * who it is, with BULK_CODES_PER_MINUTE; anyone else by network address, with the small
 * ANON_BULK_CODES_PER_MINUTE. Runs after `authenticate`, which names the caller.
 */
export const bulkRateLimit = createMiddleware<AppEnv>(async function bulkRateLimited(c, next) {
  const actor = c.get('actor');
  const deps = c.get('deps');
  const signedIn = actor.kind !== 'anonymous';
  const key = signedIn ? `bulk-codes:${actor.kind}:${actor.id}` : `bulk-codes-anon:${c.get('clientId')}`;
  const perMinute = signedIn ? deps.config.BULK_CODES_PER_MINUTE : deps.config.ANON_BULK_CODES_PER_MINUTE;
  const message =
    `Đã dùng hết lượt kiểm tra hàng loạt (${perMinute.toLocaleString('vi-VN')} mã mỗi phút${signedIn ? '' : ' khi không đăng nhập'}). ` +
    `Vui lòng thử lại sau${signedIn ? '' : ', gửi ít mã hơn mỗi lần hoặc dùng mã truy cập (token) của cửa hàng'}.`;
  await charge(c, key, perMinute, await codesIn(c), message);
  await next();
});
