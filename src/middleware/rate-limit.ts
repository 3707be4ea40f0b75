import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../app-env';
import type { Config } from '../env';
import { AppError } from '../services/shared/errors';

/** Behind an interface so Workers can back it with the platform's rate-limit binding. */
export interface RateLimiter {
  take(key: string, perMinute: number): Promise<{ allowed: boolean; retryAfterSeconds: number }>;
}

/** Fixed one-minute windows per key, in process memory (one Node process). */
export class MemoryRateLimiter implements RateLimiter {
  private readonly windows = new Map<string, { start: number; used: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  async take(key: string, perMinute: number) {
    const now = this.now();
    const window = this.windows.get(key);
    if (!window || now - window.start >= 60_000) {
      if (this.windows.size > 50_000) this.windows.clear();
      this.windows.set(key, { start: now, used: 1 });
      return { allowed: true, retryAfterSeconds: 0 };
    }
    window.used++;
    const allowed = window.used <= perMinute;
    return { allowed, retryAfterSeconds: allowed ? 0 : Math.ceil((window.start + 60_000 - now) / 1000) };
  }
}

/** Per-client limits, per minute, by bucket: scanners verify often, people sign in rarely. */
const LIMITS = {
  verify: (config: Config) => config.VERIFY_RATE_PER_MINUTE,
  'verify-bulk': (config: Config) => config.VERIFY_RATE_PER_MINUTE,
  'sign-in': (config: Config) => config.SIGN_IN_RATE_PER_MINUTE,
  enrol: (config: Config) => config.SIGN_IN_RATE_PER_MINUTE,
  report: (config: Config) => config.REPORT_RATE_PER_MINUTE,
} as const;

export function rateLimit(bucket: keyof typeof LIMITS) {
  return createMiddleware<AppEnv>(async function rateLimited(c, next) {
    const deps = c.get('deps');
    const key = `${bucket}:${c.get('clientId')}`;
    const { allowed, retryAfterSeconds } = await deps.rateLimiter.take(key, LIMITS[bucket](deps.config));
    if (!allowed) {
      c.header('Retry-After', String(retryAfterSeconds));
      throw new AppError('rate_limited', 'Quá nhiều yêu cầu. Vui lòng thử lại sau ít phút.', { retryAfterSeconds });
    }
    await next();
  });
}
