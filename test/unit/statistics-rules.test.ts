import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/calendar';
import { targetProgress, type TargetMeasures } from '../../src/domain/plan-targets';
import { countByPeriod, MAX_PERIODS, periodOf, periodsBetween } from '../../src/domain/statistics-periods';
import { barChart } from '../../web/console/bar-chart';

describe('report periods in the Vietnamese calendar', () => {
  it.each([
    ['month', '2026-02-14', { key: '2026-02', start: '2026-02-01', end: '2026-02-28' }],
    ['month', '2028-02-29', { key: '2028-02', start: '2028-02-01', end: '2028-02-29' }],
    ['quarter', '2026-05-31', { key: '2026-Q2', start: '2026-04-01', end: '2026-06-30' }],
    ['quarter', '2026-12-31', { key: '2026-Q4', start: '2026-10-01', end: '2026-12-31' }],
    ['year', '2026-07-01', { key: '2026', start: '2026-01-01', end: '2026-12-31' }],
  ] as const)('%s holding %s', (granularity, date, period) => {
    expect(periodOf(granularity, date)).toEqual(period);
  });

  it('covers a range with whole periods, one after another, and refuses more than the maximum', () => {
    expect(periodsBetween('quarter', '2025-11-15', '2026-02-01')!.map((p) => p.key)).toEqual(['2025-Q4', '2026-Q1']);
    expect(periodsBetween('month', '2021-01-01', '2025-12-31')).toHaveLength(MAX_PERIODS);
    expect(periodsBetween('month', '2021-01-01', '2026-01-01')).toBeNull();
    fc.assert(
      fc.property(
        fc.constantFrom('month', 'quarter', 'year' as const),
        fc.integer({ min: 0, max: 3000 }),
        fc.integer({ min: 0, max: 1500 }),
        (granularity, offset, length) => {
          const from = addDays('2018-01-01', offset);
          const periods = periodsBetween(granularity, from, addDays(from, length));
          if (!periods) return;
          for (let i = 1; i < periods.length; i++) expect(periods[i]!.start).toBe(addDays(periods[i - 1]!.end, 1));
          expect(periods[0]!.start <= from && from <= periods[0]!.end).toBe(true);
        },
      ),
    );
  });

  it('sums day counts into their periods and ignores days outside them', () => {
    const periods = periodsBetween('quarter', '2026-01-01', '2026-06-30')!;
    const days = [
      { day: '2025-12-31', n: 7 },
      { day: '2026-01-01', n: 1 },
      { day: '2026-03-31', n: 2 },
      { day: '2026-04-01', n: 3 },
      { day: '2026-07-01', n: 9 },
    ];
    expect(countByPeriod(periods, days)).toEqual([3, 3]);
  });
});

describe('progress against a plan target', () => {
  const measures: TargetMeasures = {
    communesWithProducts: 10,
    communesReaching: 6,
    newProducts: 12,
    upgradedProducts: 4,
    productsInForce: 30,
  };
  it.each([
    [
      { kind: 'products_per_commune', value: 1, units: 20 },
      { achieved: 6, goal: 20, met: false },
    ],
    [
      { kind: 'products_per_commune', value: 1, units: null },
      { achieved: 6, goal: 10, met: false },
    ],
    [
      { kind: 'new_products_by_year', value: 12, units: null },
      { achieved: 12, goal: 12, met: true, ratio: 1 },
    ],
    [
      { kind: 'share_upgraded', value: 10, units: null },
      { achieved: 4, goal: 3, met: true, ratio: 1 },
    ],
    [
      { kind: 'share_upgraded', value: 20, units: null },
      { achieved: 4, goal: 6, met: false },
    ],
  ] as const)('%j', (target, expected) => {
    expect(targetProgress(target, measures)).toMatchObject({ measured: true, ...expected });
  });
  it('keeps points of sale unmeasured until the registry holds them', () => {
    expect(targetProgress({ kind: 'points_of_sale_per_district', value: 1, units: 9 }, measures)).toEqual({
      measured: false,
    });
  });
});

describe('server-drawn bar chart', () => {
  const chart = barChart({
    id: 'c',
    title: 'Sản phẩm <theo> sao',
    description: 'Tổng 3',
    bars: [
      { label: '3 sao', value: 2 },
      { label: '<b>4</b> sao', value: 1 },
    ],
    columns: { what: 'Chỉ số', count: 'Số lượng' },
  }).toString();
  it('is one labelled image with a title and a description, and a table of the same figures', () => {
    expect(chart).toContain('role="img" aria-labelledby="c-title c-desc"');
    expect(chart).toContain('<title id="c-title">Sản phẩm &lt;theo&gt; sao</title>');
    expect(chart).toContain('<desc id="c-desc">Tổng 3</desc>');
    expect(chart.match(/<rect /g)).toHaveLength(2);
    expect(chart).toContain('<td data-value="2">2</td>');
    expect(chart).not.toContain('<b>4</b>');
  });
  it('scales bars to the widest within a 360-unit view box, a phone’s width', () => {
    const widths = [...chart.matchAll(/<rect x="0" y="\d+" width="(\d+)"/g)].map((m) => Number(m[1]));
    expect(widths[0]).toBeLessThanOrEqual(360);
    expect(widths[0]).toBe(widths[1]! * 2);
    expect(chart).toContain('viewBox="0 0 360 76"');
  });
});
