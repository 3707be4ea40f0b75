import { describe, expect, it } from 'vitest';
import { BoundedLru } from '../../src/domain/bounded-lru';

describe('a bounded LRU cache', () => {
  it('never holds more than its bound, and forgets the least recently used first', () => {
    const cache = new BoundedLru<string, number>(3);
    for (const [i, key] of ['a', 'b', 'c'].entries()) cache.set(key, i);
    expect(cache.get('a')).toBe(0); // a is now the most recently used
    cache.set('d', 3);
    expect(cache.size).toBe(3);
    expect(cache.get('b')).toBeUndefined();
    expect([cache.get('a'), cache.get('c'), cache.get('d')]).toEqual([0, 2, 3]);
    for (let i = 0; i < 10_000; i++) cache.set(`k${i}`, i);
    expect(cache.size).toBe(3);
    expect([cache.get('k9997'), cache.get('k9998'), cache.get('k9999'), cache.get('a')]).toEqual([
      9997,
      9998,
      9999,
      undefined,
    ]);
  });

  it('replacing a value keeps one entry', () => {
    const cache = new BoundedLru<string, number>(2);
    cache.set('a', 1);
    cache.set('a', 2);
    expect(cache.size).toBe(1);
    expect(cache.get('a')).toBe(2);
  });

  it('expires an entry ttl after it was set, whatever its use', () => {
    let now = 0;
    const cache = new BoundedLru<string, string>(10, 1000, () => now);
    cache.set('a', 'x');
    now = 999;
    expect(cache.get('a')).toBe('x');
    now = 1000;
    expect(cache.get('a')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('refuses a bound below one', () => {
    expect(() => new BoundedLru(0)).toThrow();
  });
});
