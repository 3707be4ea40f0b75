import { describe, expect, it } from 'vitest';
import { addMonths, formatVietnameseDate, isIsoDate, vietnamToday } from '../../src/domain/calendar';
import { certificateTimeState, certificateValidUntil, renewalNoticeDue } from '../../src/domain/certificate-dates';
import {
  correctionOutcome,
  latestOpenDecision,
  nextCertificateStatus,
  reevaluationRefusal,
  type StatusEvent,
} from '../../src/domain/certificate-lifecycle';
import { isValidGtin } from '../../src/domain/gtin';
import { mayRecognise, recognisingLevel, schemeOn } from '../../src/domain/recognition';
import { isCertifiable, starsFromScore } from '../../src/domain/stars';

describe('stars from score', () => {
  it.each([
    [100, 5],
    [90, 5],
    [89, 4],
    [70, 4],
    [69, 3],
    [50, 3],
    [49, 2],
    [30, 2],
    [29, 1],
    [0, 1],
  ])('%i points → %i★', (score, stars) => {
    expect(starsFromScore(score)).toBe(stars);
  });

  it.each([-1, 101, 50.5, Number.NaN])('rejects score %s', (score) => {
    expect(() => starsFromScore(score)).toThrow(RangeError);
  });

  it.each([
    [1, false],
    [2, false],
    [3, true],
    [4, true],
    [5, true],
    [6, false],
  ])('%i★ certifiable: %s', (stars, ok) => {
    expect(isCertifiable(stars)).toBe(ok);
  });
});

describe('who recognises which stars, by decision date', () => {
  it.each([
    ['2022-12-01', 3, 'province'],
    ['2022-12-01', 4, 'province'],
    ['2022-12-01', 5, 'central'],
    ['2023-02-23', 3, 'province'],
    ['2023-02-24', 3, 'district'],
    ['2023-02-24', 4, 'province'],
    ['2024-06-01', 5, 'central'],
    ['2025-06-30', 3, 'district'],
    ['2025-07-01', 3, 'province'],
    ['2025-07-01', 4, 'province'],
    ['2026-01-10', 5, 'central'],
  ] as const)('%s, %i★ → %s', (date, stars, level) => {
    expect(recognisingLevel(date, stars)).toBe(level);
    expect(mayRecognise(level, date, stars)).toBe(true);
  });

  it('refuses a district after the 2025 reform and below 3★', () => {
    expect(mayRecognise('district', '2025-07-01', 3)).toBe(false);
    expect(recognisingLevel('2024-01-01', 2)).toBeNull();
  });

  it.each([
    ['2019-05-01', '1048'],
    ['2023-02-24', '148'],
    ['2025-07-01', '1489'],
  ])('%s is under scheme %s', (date, scheme) => {
    expect(schemeOn(date)).toBe(scheme);
  });
});

describe('certificate dates', () => {
  it.each([
    ['2023-05-10', '2026-05-09'],
    ['2024-02-29', '2027-02-27'], // 29 Feb + 36 months clamps to 28 Feb; valid through the day before
    ['2025-01-31', '2028-01-30'],
  ])('decision %s is valid until %s', (decision, until) => {
    expect(certificateValidUntil(decision)).toBe(until);
  });

  it('gives the 30-day renewal notice date', () => {
    expect(renewalNoticeDue('2026-05-09')).toBe('2026-04-09');
  });

  it.each([
    ['2026-01-01', 'not_yet_valid'],
    ['2026-02-01', 'valid'],
    ['2029-01-01', 'renewal_due'],
    ['2029-01-31', 'renewal_due'],
    ['2029-02-01', 'expired'],
  ])('on %s the certificate is %s', (today, state) => {
    expect(certificateTimeState('2026-02-01', '2029-01-31', today)).toBe(state);
  });
});

describe('calendar helpers', () => {
  it('knows real dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2023-2-1')).toBe(false);
  });

  it('uses Vietnam time for today', () => {
    expect(vietnamToday(new Date('2026-11-22T17:30:00Z'))).toBe('2026-11-23');
    expect(vietnamToday(new Date('2026-11-22T16:59:00Z'))).toBe('2026-11-22');
  });

  it('writes dates day/month/year and adds months with clamping', () => {
    expect(formatVietnameseDate('2026-03-07')).toBe('07/03/2026');
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
  });
});

describe('certificate lifecycle', () => {
  it.each([
    ['active', 'valid', 'suspend', 'suspended'],
    ['active', 'valid', 'revoke', 'revoked'],
    ['suspended', 'valid', 'reinstate', 'active'],
    ['suspended', 'valid', 'revoke', 'revoked'],
    ['active', 'expired', 'revoke', 'revoked'],
    ['revoked', 'valid', 'reinstate', null],
    ['revoked', 'valid', 'suspend', null],
    ['active', 'expired', 'suspend', null],
    ['active', 'valid', 'reinstate', null],
    ['suspended', 'valid', 'suspend', null],
  ] as const)('%s (%s) + %s → %s', (current, time, action, expected) => {
    const result = nextCertificateStatus(current, time, action);
    if (expected === null) expect(result.ok).toBe(false);
    else expect(result).toEqual({ ok: true, status: expected });
  });

  it.each([
    ['active', null, true],
    ['suspended', null, true],
    ['revoked', null, false],
    ['active', 'c-new', false],
  ] as const)('re-evaluating a %s certificate (superseded by %s) is allowed: %s', (status, supersededBy, allowed) => {
    expect(reevaluationRefusal(status, supersededBy) === null).toBe(allowed);
  });

  const event = (
    id: number,
    kind: string,
    fromStatus: StatusEvent['fromStatus'],
    correctsEventId: number | null = null,
  ): StatusEvent => ({ id, kind, fromStatus, correctsEventId });
  const history = [
    event(1, 'issued', null),
    event(2, 'suspended', 'active'),
    event(3, 'reinstated', 'suspended'),
    event(4, 'revoked', 'active'),
  ];
  it.each([
    ['the latest change (a revocation)', history, 4, 'active'],
    ['an older change', history, 2, null],
    ['the issuing decision', history, 1, null],
    ['a change already corrected', [...history, event(5, 'corrected', 'revoked', 4)], 4, null],
    ['the change before a corrected one', [...history, event(5, 'corrected', 'revoked', 4)], 3, 'suspended'],
  ] as const)('correcting %s → %s', (_what, events, targetId, expected) => {
    const result = correctionOutcome(events.find((e) => e.id === targetId)!, [...events]);
    if (expected === null) expect(result.ok).toBe(false);
    else expect(result).toEqual({ ok: true, status: expected });
  });

  it('finds the latest uncorrected decision of a batch too', () => {
    const recalls = [
      { id: 7, kind: 'recalled', correctsEventId: null },
      { id: 8, kind: 'recall_corrected', correctsEventId: 7 },
      { id: 9, kind: 'recalled', correctsEventId: null },
    ];
    expect(latestOpenDecision(recalls)?.id).toBe(9);
    expect(latestOpenDecision(recalls.slice(0, 2))).toBeUndefined();
  });
});

describe('GTIN check digit', () => {
  it.each([
    ['8936048123451', true],
    ['8936048123452', false],
    ['08936048123451', true],
    ['96385074', true],
    ['893604812345', false],
    ['abc', false],
  ])('%s → %s', (gtin, ok) => expect(isValidGtin(gtin)).toBe(ok));
});
