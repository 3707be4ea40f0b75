/** Every verdict status, in precedence order: when several apply, the first one wins. */
export const VERDICT_STATUSES = [
  'forged',
  'unknown',
  'void',
  'recalled',
  'revoked',
  'suspended',
  'expired',
  'valid',
] as const;
export type VerdictStatus = (typeof VERDICT_STATUSES)[number];

export type VerdictFacts = {
  signatureValid: boolean;
  keyCompromised: boolean;
  rangeFound: boolean;
  voided: boolean;
  batchRecalled: boolean;
  certificateStatus: 'active' | 'suspended' | 'revoked' | null;
  certificateExpired: boolean;
};

/** Applies DESIGN.md's precedence table to what was found about a stamp. */
export function decideStatus(f: VerdictFacts): VerdictStatus {
  if (!f.signatureValid || f.keyCompromised) return 'forged';
  if (!f.rangeFound) return 'unknown';
  if (f.voided) return 'void';
  if (f.batchRecalled) return 'recalled';
  if (f.certificateStatus === 'revoked') return 'revoked';
  if (f.certificateStatus === 'suspended') return 'suspended';
  if (f.certificateExpired) return 'expired';
  return 'valid';
}

/** How the page colours a status: green only for valid, red where the buyer must not trust it. */
export function statusTone(status: VerdictStatus): 'ok' | 'danger' | 'warning' {
  if (status === 'valid') return 'ok';
  if (status === 'forged' || status === 'revoked' || status === 'recalled') return 'danger';
  return 'warning';
}

/** How many of each status: the summary of a bulk answer, an intake, the intake page's tally. */
export function countByStatus(statuses: VerdictStatus[]): Partial<Record<VerdictStatus, number>> {
  const counts: Partial<Record<VerdictStatus, number>> = {};
  for (const status of statuses) counts[status] = (counts[status] ?? 0) + 1;
  return counts;
}
