import { describe, expect, it } from 'vitest';
import {
  BindingRateLimiter,
  BULK_CALLS_PER_MINUTE,
  type RateLimitBinding,
} from '../../src/middleware/binding-rate-limiter';
import { MemoryRateLimiter } from '../../src/middleware/rate-limit';

describe('the memory rate limiter prices requests by weight', () => {
  const clock = () => {
    let now = 1_000_000;
    return { now: () => now, advance: (ms: number) => (now += ms) };
  };

  it('serves single requests up to the budget, then refills continuously', async () => {
    const t = clock();
    const limiter = new MemoryRateLimiter(t.now);
    for (let i = 0; i < 5; i++) expect((await limiter.take('verify:a', 5)).allowed).toBe(true);
    expect(await limiter.take('verify:a', 5)).toEqual({ allowed: false, retryAfterSeconds: 12 });
    t.advance(12_000);
    expect((await limiter.take('verify:a', 5)).allowed).toBe(true);
    expect((await limiter.take('verify:a', 5)).allowed).toBe(false);
    expect((await limiter.take('verify:b', 5)).allowed).toBe(true); // every key has its own budget
  });

  it('draws N from the budget for N codes, and says when enough has refilled', async () => {
    const t = clock();
    const limiter = new MemoryRateLimiter(t.now);
    expect((await limiter.take('bulk:a', 100, 40)).allowed).toBe(true);
    expect((await limiter.take('bulk:a', 100, 40)).allowed).toBe(true);
    expect(await limiter.take('bulk:a', 100, 40)).toEqual({ allowed: false, retryAfterSeconds: 12 }); // 20 left, 20 more in 12 s
    expect((await limiter.take('bulk:a', 100, 20)).allowed).toBe(true);
    t.advance(12_000);
    expect((await limiter.take('bulk:a', 100, 21)).allowed).toBe(false);
    expect((await limiter.take('bulk:a', 100, 20)).allowed).toBe(true);
  });

  it('serves a request larger than the whole budget only from a full bucket, and leaves a debt', async () => {
    const t = clock();
    const limiter = new MemoryRateLimiter(t.now);
    expect((await limiter.take('bulk:a', 200, 1000)).allowed).toBe(true);
    // 800 codes in debt: 801 to refill at 200 a minute before even one code.
    expect(await limiter.take('bulk:a', 200, 1)).toEqual({ allowed: false, retryAfterSeconds: 241 });
    t.advance(241_000);
    expect((await limiter.take('bulk:a', 200, 1)).allowed).toBe(true);
    expect((await limiter.take('bulk:a', 200, 1000)).allowed).toBe(false);
    t.advance(60_000);
    expect((await limiter.take('bulk:a', 200, 1000)).allowed).toBe(true);
  });
});

describe('the Workers binding adapter', () => {
  /** A binding like Cloudflare's: a fixed number of calls a period per key, and no cost. */
  const fakeBinding = (limit: number) => {
    const used = new Map<string, number>();
    const binding: RateLimitBinding & { calls: number } = {
      calls: 0,
      async limit({ key }) {
        binding.calls++;
        used.set(key, (used.get(key) ?? 0) + 1);
        return { success: used.get(key)! <= limit };
      },
    };
    return binding;
  };

  it('makes one call per twentieth of the allowance, at most twenty, in the bulk binding only', async () => {
    const verify = fakeBinding(600);
    const signIn = fakeBinding(20);
    const bulk = fakeBinding(BULK_CALLS_PER_MINUTE);
    const limiter = new BindingRateLimiter({ verify, signIn, bulk });
    expect((await limiter.take('bulk-codes-anon:1.2.3.4', 200, 25)).allowed).toBe(true); // 10 codes a call: 3 calls
    expect(bulk.calls).toBe(3);
    expect((await limiter.take('bulk-codes-anon:1.2.3.4', 200, 1000)).allowed).toBe(false); // 20 more calls: over
    expect(bulk.calls).toBe(23);
    expect((await limiter.take('bulk-codes:token:t1', 10_000, 1000)).allowed).toBe(true); // 500 codes a call: 2 calls
    expect(bulk.calls).toBe(25);
    expect((await limiter.take('verify:1.2.3.4', 600)).allowed).toBe(true);
    expect((await limiter.take('verify-bulk:1.2.3.4', 600)).allowed).toBe(true); // bulk requests, counted as requests
    expect((await limiter.take('report:1.2.3.4', 3)).allowed).toBe(true);
    expect([verify.calls, signIn.calls, bulk.calls]).toEqual([2, 1, 25]);
  });
});
