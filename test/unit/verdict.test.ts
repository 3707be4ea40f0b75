import { describe, expect, it } from 'vitest';
import { decideStatus, statusTone, VERDICT_STATUSES, type VerdictFacts } from '../../src/domain/verdict';

const genuine: VerdictFacts = {
  signatureValid: true,
  keyCompromised: false,
  rangeFound: true,
  voided: false,
  batchRecalled: false,
  certificateStatus: 'active',
  certificateExpired: false,
};

/** Each row turns on one condition; the row above it in DESIGN.md's table must win over it. */
const CONDITIONS: [VerdictFacts, (typeof VERDICT_STATUSES)[number]][] = [
  [{ ...genuine, signatureValid: false }, 'forged'],
  [{ ...genuine, keyCompromised: true }, 'forged'],
  [{ ...genuine, rangeFound: false }, 'unknown'],
  [{ ...genuine, voided: true }, 'void'],
  [{ ...genuine, batchRecalled: true }, 'recalled'],
  [{ ...genuine, certificateStatus: 'revoked' }, 'revoked'],
  [{ ...genuine, certificateStatus: 'suspended' }, 'suspended'],
  [{ ...genuine, certificateExpired: true }, 'expired'],
  [genuine, 'valid'],
];

describe('verdict precedence', () => {
  it.each(CONDITIONS)('single condition %o → %s', (facts, status) => {
    expect(decideStatus(facts)).toBe(status);
  });

  it('lets the first status in the table win when every condition holds', () => {
    const all: VerdictFacts = {
      signatureValid: true,
      keyCompromised: false,
      rangeFound: true,
      voided: true,
      batchRecalled: true,
      certificateStatus: 'revoked',
      certificateExpired: true,
    };
    expect(decideStatus(all)).toBe('void');
    expect(decideStatus({ ...all, voided: false })).toBe('recalled');
    expect(decideStatus({ ...all, voided: false, batchRecalled: false })).toBe('revoked');
    expect(decideStatus({ ...genuine, certificateStatus: 'suspended', certificateExpired: true })).toBe('suspended');
    expect(decideStatus({ ...all, rangeFound: false })).toBe('unknown');
    expect(decideStatus({ ...all, keyCompromised: true })).toBe('forged');
  });

  it('colours only valid green and the dangerous ones red', () => {
    expect(VERDICT_STATUSES.map(statusTone)).toEqual([
      'danger',
      'warning',
      'warning',
      'danger',
      'danger',
      'warning',
      'warning',
      'ok',
    ]);
  });
});
