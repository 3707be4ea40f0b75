import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../app-env';
import { AppError } from '../services/shared/errors';

/** Behind an interface so Workers can back it with the platform's rate-limit binding. */
export interface RateLimiter {
  take(key: string): Promise<{ allowed: boolean; retryAfterSeconds: number }>;
}

/** Fixed one-minute windows per key, in process memory (one Node process). */
export class MemoryRateLimiter implements RateLimiter {
  private readonly windows = new Map<string, { start: number; used: number }>();

  constructor(private readonly perMinute: number, private readonly now: () => number = Date.now) {}

  async take(key: string) {
    const now = this.now();
    const window = this.windows.get(key);
    if (!window || now - window.start >= 60_000) {
      if (this.windows.size > 50_000) this.windows.clear();
      this.windows.set(key, { start: now, used: 1 });
      return { allowed: true, retryAfterSeconds: 0 };
    }
    window.used++;
    const allowed = window.used <= this.perMinute;
    return { allowed, retryAfterSeconds: allowed ? 0 : Math.ceil((window.start + 60_000 - now) / 1000) };
  }
}

export function rateLimit(bucket: string) {
  return createMiddleware<AppEnv>(async function rateLimited(c, next) {
    const limiter = c.get('deps').rateLimiter;
    const key = `${bucket}:${c.get('clientId')}`;
    const { allowed, retryAfterSeconds } = await limiter.take(key);
    if (!allowed) {
      c.header('Retry-After', String(retryAfterSeconds));
      throw new AppError('rate_limited', 'Quá nhiều yêu cầu. Vui lòng thử lại sau ít phút.', { retryAfterSeconds });
    }
    await next();
  });
}
