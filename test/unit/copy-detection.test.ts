import { describe, expect, it } from 'vitest';
import { PROVINCES } from '../../src/data/provinces';
import {
  coarseCoordinate,
  coarseNetwork,
  coarseTime,
  copySignals,
  countScanners,
  distanceKm,
  EMPTY_HISTORY,
  type CopyHistory,
} from '../../src/domain/copy-detection';
import { toCopyHistory } from '../../src/services/copy-detection/copy-history';

const T = { maxRetailers: 1, farKm: 300, farHours: 24, maxScanners: 10, maxScannersPerNetwork: 3 };
const HANOI = { lat: PROVINCES['01']!.lat, lon: PROVINCES['01']!.lon, place: 'Hà Nội' };
const HCMC = { lat: PROVINCES['79']!.lat, lon: PROVINCES['79']!.lon, place: 'TP.HCM' };
const BAC_NINH = { lat: PROVINCES['24']!.lat, lon: PROVINCES['24']!.lon, place: 'Bắc Ninh' };
const at = (hours: number) => new Date(Date.UTC(2026, 10, 20) + hours * 3_600_000).toISOString();
const history = (h: Partial<CopyHistory>): CopyHistory => ({ ...EMPTY_HISTORY, ...h });

describe('copy detection rules', () => {
  it('finds nothing in an ordinary life: one retailer, one town, a household of scanners', () => {
    expect(
      copySignals(
        history({
          retailers: ['shop'],
          scannersByNetwork: [
            [1, 2],
            [2, 1],
          ],
          reads: [
            { ...HANOI, at: at(0) },
            { ...BAC_NINH, at: at(2) },
          ],
        }),
        T,
      ),
    ).toEqual([]);
  });

  it('many_retailers fires above the threshold and counts each retailer once', () => {
    expect(copySignals(history({ retailers: ['a', 'a', 'a'] }), T)).toEqual([]);
    expect(copySignals(history({ retailers: ['a', 'b'] }), T)).toEqual([{ rule: 'many_retailers', retailers: 2 }]);
    expect(copySignals(history({ retailers: ['a', 'b'] }), { ...T, maxRetailers: 2 })).toEqual([]);
  });

  it('far_apart needs both the distance and the short time', () => {
    const km = distanceKm(HANOI, HCMC);
    expect(km).toBeGreaterThan(1100);
    expect(km).toBeLessThan(1200);
    expect(
      copySignals(
        history({
          reads: [
            { ...HANOI, at: at(0) },
            { ...HCMC, at: at(30) },
          ],
        }),
        T,
      ),
    ).toEqual([]);
    expect(
      copySignals(
        history({
          reads: [
            { ...HCMC, at: at(5) },
            { ...HANOI, at: at(0) },
          ],
        }),
        T,
      ),
    ).toEqual([{ rule: 'far_apart', from: 'Hà Nội', to: 'TP.HCM', km: Math.round(km), hours: 5 }]);
    // Hà Nội to Bắc Ninh is a short drive, however quick.
    expect(
      copySignals(
        history({
          reads: [
            { ...HANOI, at: at(0) },
            { ...BAC_NINH, at: at(0.1) },
          ],
        }),
        T,
      ),
    ).toEqual([]);
    expect(
      copySignals(
        history({
          reads: [
            { ...HANOI, at: at(0) },
            { ...HCMC, at: at(30) },
          ],
        }),
        { ...T, farHours: 36 },
      ),
    ).toHaveLength(1);
  });

  it('many_scanners fires strictly above the threshold', () => {
    expect(copySignals(history({ scannersByNetwork: [[1, 10]] }), T)).toEqual([]);
    expect(copySignals(history({ scannersByNetwork: [[1, 11]] }), T)).toEqual([
      { rule: 'many_scanners', scanners: 11 },
    ]);
  });

  it.each([
    ['one phone rotating 20 User-Agents on one network', [[20, 1]], 3, false],
    ['a household of three on one network', [[3, 1]], 3, false],
    ['twenty networks with one scanner each', [[1, 20]], 20, true],
    ['four crowded networks', [[50, 4]], 12, true],
    [
      'three crowded networks and two lone scanners',
      [
        [9, 3],
        [1, 2],
      ],
      11,
      true,
    ],
    [
      'three crowded networks and one lone scanner',
      [
        [9, 3],
        [1, 1],
      ],
      10,
      false,
    ],
    ['nobody', [], 0, false],
  ] as [string, CopyHistory['scannersByNetwork'], number, boolean][])(
    'many_scanners counts at most 3 a network: %s',
    (_, byNetwork, counted, fires) => {
      expect(countScanners(byNetwork, T.maxScannersPerNetwork)).toBe(counted);
      expect(copySignals(history({ scannersByNetwork: byNetwork }), T)).toEqual(
        fires ? [{ rule: 'many_scanners', scanners: counted }] : [],
      );
    },
  );

  it('lets the per-network cap be configured', () => {
    expect(copySignals(history({ scannersByNetwork: [[20, 1]] }), { ...T, maxScannersPerNetwork: 20 })).toEqual([
      { rule: 'many_scanners', scanners: 20 },
    ]);
    expect(copySignals(history({ scannersByNetwork: [[2, 6]] }), { ...T, maxScannersPerNetwork: 1 })).toEqual([]);
  });

  it.each([
    ['203.0.113.77', '203.0.113.0/24'],
    ['::ffff:203.0.113.77', '203.0.113.0/24'],
    ['010.001.002.003', '10.1.2.0/24'],
    ['2001:db8:abcd:12::1', '2001:db8:abcd::/48'],
    ['2001:DB8:ABCD:0012:0000:0000:0000:0001', '2001:db8:abcd::/48'],
    ['2001:db8::1', '2001:db8:0::/48'],
    ['::1', '0:0:0::/48'],
    ['fe80::1%eth0', 'fe80:0:0::/48'],
    ['2001:db8:1:2:3:4:1.2.3.4', '2001:db8:1::/48'],
    ['unknown', null],
    ['', null],
    [null, null],
    ['256.1.1.1', null],
    ['1.2.3', null],
    ['2001:db8::1::2', null],
    ['1:2:3:4:5:6:7:8:9', null],
    ['12345::', null],
  ])('coarseNetwork(%j) is %j', (address, network) => {
    expect(coarseNetwork(address)).toBe(network);
  });

  it('reports every rule that fires, in a fixed order', () => {
    const all = history({
      retailers: ['a', 'b'],
      scannersByNetwork: [[1, 50]],
      reads: [
        { ...HANOI, at: at(0) },
        { ...HCMC, at: at(1) },
      ],
    });
    expect(copySignals(all, T).map((s) => s.rule)).toEqual(['many_retailers', 'far_apart', 'many_scanners']);
  });

  it('places intakes at their province and keeps scans at their coarse coordinates', () => {
    const h = toCopyHistory({
      scanners: [
        [1, 2],
        [5, 1],
      ],
      intakes: [
        { retailer: 'r1', at: at(0), province: '01' },
        { retailer: 'r2', at: at(1), province: 'XX' },
      ],
      scans: [{ at: at(2), lat: 10.5, lon: 106.5, place: null }],
    });
    expect(h.retailers).toEqual(['r1', 'r2']);
    expect(h.scannersByNetwork).toEqual([
      [1, 2],
      [5, 1],
    ]);
    expect(h.reads).toEqual([
      { at: at(0), lat: HANOI.lat, lon: HANOI.lon, place: PROVINCES['01']!.vi },
      { at: at(2), lat: 10.5, lon: 106.5, place: '10.5, 106.5' },
    ]);
    expect(toCopyHistory(null)).toEqual(EMPTY_HISTORY);
  });

  it('stores scan times no finer than ten minutes', () => {
    expect(coarseTime(new Date('2026-11-23T10:07:59.999+07:00')).toISOString()).toBe('2026-11-23T03:00:00.000Z');
    expect(coarseTime(new Date('2026-11-23T10:10:00+07:00')).toISOString()).toBe('2026-11-23T03:10:00.000Z');
  });

  it('stores scan places no finer than half a degree', () => {
    expect(coarseCoordinate('21.0278')).toBe(21);
    expect(coarseCoordinate(105.8342)).toBe(106);
    expect(coarseCoordinate('10.76')).toBe(11);
    expect(coarseCoordinate('10.7')).toBe(10.5);
    expect(coarseCoordinate(undefined)).toBeNull();
    expect(coarseCoordinate('north')).toBeNull();
  });
});
