/**
 * What the programme's statistics count. A certificate's live status is what the register shows
 * today; flows are what changed in a period; activities are what happened around the stamps.
 */
export const LIVE_STATUSES = ['valid', 'suspended', 'revoked', 'expired', 'superseded'] as const;
export type LiveStatus = (typeof LIVE_STATUSES)[number];

/**
 * A first certificate is `new`; a re-evaluation (a certificate superseding another) is `renewed`
 * at the same stars, `upgraded` or `downgraded` otherwise; `expired` lapsed without a re-evaluation
 * in time; `revoked` is still revoked (a quashed revocation restores the status).
 */
export const FLOWS = ['new', 'renewed', 'upgraded', 'downgraded', 'expired', 'revoked'] as const;
export type Flow = (typeof FLOWS)[number];

export const ACTIVITIES = ['stampsIssued', 'scans', 'intakes', 'reports', 'inspections'] as const;
export type Activity = (typeof ACTIVITIES)[number];
