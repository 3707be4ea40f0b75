import type { RateLimiter } from './rate-limit';

export type RateLimitBinding = { limit(options: { key: string }): Promise<{ success: boolean }> };

/**
 * Calls a minute that wrangler.toml gives BULK_LIMITER (`simple = { limit = 20, period = 60 }`):
 * the binding counts calls and has no cost, so one call stands for a twentieth of the caller's
 * allowance of codes (README, "Rate limits").
 */
export const BULK_CALLS_PER_MINUTE = 20;

/**
 * Workers' own rate limiting, shared across isolates and locations. Each binding's configuration
 * (wrangler.toml) sets its limit; keys are `bucket:client`. Single verifications, sign-ins and
 * bulk codes each have a binding, so a flood of one never uses up another's budget.
 */
export class BindingRateLimiter implements RateLimiter {
  constructor(
    private readonly bindings: { verify: RateLimitBinding; signIn: RateLimitBinding; bulk: RateLimitBinding },
  ) {}

  async take(key: string, perMinute: number, cost = 1) {
    const bucket = key.slice(0, key.indexOf(':'));
    if (bucket === 'bulk-codes' || bucket === 'bulk-codes-anon') return this.takeCodes(key, perMinute, cost);
    // Reports and sign-ins are rare per person: they share the stricter binding.
    const binding =
      bucket === 'sign-in' || bucket === 'enrol' || bucket === 'report' ? this.bindings.signIn : this.bindings.verify;
    const { success } = await binding.limit({ key });
    return { allowed: success, retryAfterSeconds: success ? 0 : 60 };
  }

  /**
   * N codes make ceil(N / (perMinute / 20)) calls, in parallel, and pass only if every call
   * does. The binding cannot go into debt as the Node limiter does: a request for more than the
   * whole allowance takes all of this minute's calls instead, and calls of a refused request stay spent.
   */
  private async takeCodes(key: string, perMinute: number, cost: number) {
    const calls = Math.max(1, Math.ceil((Math.min(cost, perMinute) * BULK_CALLS_PER_MINUTE) / perMinute));
    const results = await Promise.all(Array.from({ length: calls }, () => this.bindings.bulk.limit({ key })));
    const allowed = results.every((r) => r.success);
    return { allowed, retryAfterSeconds: allowed ? 0 : 60 };
  }
}
