import { describe, expect, it } from 'vitest';
import {
  countSerials,
  formatSpans,
  overlapCount,
  parseSerialSpans,
  spansOutside,
} from '../../src/services/stamps/void-spans';

describe('serials as producers type them', () => {
  it.each([
    ['1000001', '1000001', 1],
    ['1000005-1000010, 1000001', '1000001, 1000005–1000010', 7],
    ['1000005 – 1000010;1000011 1000003', '1000003, 1000005–1000011', 8],
    ['  1000001,,1000001-1000002 ', '1000001–1000002', 2],
  ])('reads "%s" as %s (%i stamps)', (text, shown, count) => {
    const parsed = parseSerialSpans(text);
    expect('spans' in parsed && formatSpans(parsed.spans)).toBe(shown);
    expect('spans' in parsed && countSerials(parsed.spans)).toBe(count);
  });

  it.each([
    ['', /Ghi số sê-ri/],
    ['abc', /Không hiểu “abc”/],
    ['1000010-1000001', /chạy ngược/],
    ['1-2-3', /Không hiểu “1-2-3”/],
    [Array.from({ length: 501 }, (_, i) => i + 1).join(','), /Tối đa 500/],
  ])('refuses "%s"', (text, problem) => {
    const parsed = parseSerialSpans(text);
    expect('problem' in parsed && parsed.problem).toMatch(problem);
  });

  it('finds what lies outside a job and what is void already', () => {
    expect(
      spansOutside(
        [
          { first: 90, last: 95 },
          { first: 100, last: 120 },
          { first: 150, last: 200 },
        ],
        100,
        160,
      ),
    ).toEqual([
      { first: 90, last: 95 },
      { first: 161, last: 200 },
    ]);
    expect(spansOutside([{ first: 100, last: 160 }], 100, 160)).toEqual([]);
    expect(
      overlapCount(
        [{ first: 100, last: 110 }],
        [
          { first: 105, last: 120 },
          { first: 108, last: 109 },
        ],
      ),
    ).toBe(6);
  });
});
