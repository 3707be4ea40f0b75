import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addRetailers, moveInHistogram, newestReads, nextMonth, vietnamMonth } from '../../src/domain/read-summary';

const read = (minutes: number, place = 'x') => ({
  at: new Date(Date.UTC(2026, 10, 22) + minutes * 60_000).toISOString(),
  place,
});

describe('read summary merges', () => {
  it('keeps the newest reads, newest first, whatever order they come in, up to the limit', () => {
    expect(newestReads([read(5), read(1)], [read(3), read(9)], 3).map((r) => r.at)).toEqual(
      [read(9), read(5), read(3)].map((r) => r.at),
    );
    expect(newestReads([], [read(1)], 3)).toEqual([read(1)]);
    // A time written in another ISO form (as PostgreSQL writes it) sorts by the instant, not the text.
    expect(newestReads([{ at: '2026-11-22T00:10:00+00:00', place: 'pg' }], [read(5)], 2).map((r) => r.place)).toEqual([
      'pg',
      'x',
    ]);
  });

  it('folding reads in batches keeps what folding them at once keeps', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 0, max: 10_000 }), { maxLength: 20 }), { maxLength: 10 }),
        (batches) => {
          const folded = batches.reduce(
            (kept, batch) =>
              newestReads(
                kept,
                batch.map((m) => read(m)),
                7,
              ),
            [] as ReturnType<typeof read>[],
          );
          const atOnce = newestReads(
            [],
            batches.flat().map((m) => read(m)),
            7,
          );
          expect(folded.map((r) => r.at)).toEqual(atOnce.map((r) => r.at));
        },
      ),
    );
  });

  it('remembers each retailer once, in the order they first came, up to the limit', () => {
    expect(addRetailers(['a'], ['b', 'a', 'c'])).toEqual(['a', 'b', 'c']);
    expect(addRetailers(['a', 'b'], ['c', 'd'], 3)).toEqual(['a', 'b', 'c']);
  });

  it('moves networks between histogram buckets as they gain scanners, dropping empty buckets', () => {
    expect(
      moveInHistogram(
        [],
        [
          { from: 0, to: 1 },
          { from: 0, to: 3 },
        ],
      ),
    ).toEqual([
      [1, 1],
      [3, 1],
    ]);
    expect(
      moveInHistogram(
        [
          [1, 2],
          [3, 1],
        ],
        [
          { from: 1, to: 2 },
          { from: 3, to: 5 },
        ],
      ),
    ).toEqual([
      [1, 1],
      [2, 1],
      [5, 1],
    ]);
    expect(moveInHistogram([[2, 1]], [{ from: 2, to: 4 }])).toEqual([[4, 1]]);
  });

  it('histogram moves agree with counting distinct scanners per network from scratch', () => {
    const scan = fc.record({ network: fc.integer({ min: 0, max: 4 }), scanner: fc.integer({ min: 0, max: 9 }) });
    fc.assert(
      fc.property(fc.array(fc.array(scan, { maxLength: 15 }), { maxLength: 6 }), (batches) => {
        const members = new Map<number, Set<number>>();
        let histogram: [number, number][] = [];
        for (const batch of batches) {
          const before = new Map([...members].map(([n, s]) => [n, s.size]));
          for (const { network, scanner } of batch)
            members.set(network, (members.get(network) ?? new Set()).add(scanner));
          const moves = [...members]
            .filter(([n, s]) => s.size !== (before.get(n) ?? 0))
            .map(([n, s]) => ({ from: before.get(n) ?? 0, to: s.size }));
          histogram = moveInHistogram(histogram, moves);
        }
        const sizes = new Map<number, number>();
        for (const s of members.values()) sizes.set(s.size, (sizes.get(s.size) ?? 0) + 1);
        expect(histogram).toEqual([...sizes].sort((a, b) => a[0] - b[0]));
      }),
    );
  });

  it('reads months on the Vietnamese calendar', () => {
    expect(vietnamMonth(new Date('2026-11-30T16:59:59Z'))).toBe('2026-11');
    expect(vietnamMonth(new Date('2026-11-30T17:00:00Z'))).toBe('2026-12');
    expect(nextMonth('2026-12')).toBe('2027-01');
    expect(nextMonth('2026-01')).toBe('2026-02');
  });
});
