import { addDays, addMonths, type IsoDate } from './calendar';

/** A certificate is valid for 36 months from the date of its recognising decision. */
export const CERTIFICATE_MONTHS = 36;
/** The issuer must notify the producer at least 30 days before expiry. */
export const RENEWAL_NOTICE_DAYS = 30;

/**
 * The last day the certificate is valid. We read "36 months from the decision date" as ending the
 * day before the same calendar date 36 months later (decision 10/05/2023 → valid to 09/05/2026).
 */
export function certificateValidUntil(decisionDate: IsoDate): IsoDate {
  return addDays(addMonths(decisionDate, CERTIFICATE_MONTHS), -1);
}

export function renewalNoticeDue(validUntil: IsoDate): IsoDate {
  return addDays(validUntil, -RENEWAL_NOTICE_DAYS);
}

export type CertificateTimeState = 'not_yet_valid' | 'valid' | 'renewal_due' | 'expired';

export function certificateTimeState(validFrom: IsoDate, validUntil: IsoDate, today: IsoDate): CertificateTimeState {
  if (today < validFrom) return 'not_yet_valid';
  if (today > validUntil) return 'expired';
  if (today >= renewalNoticeDue(validUntil)) return 'renewal_due';
  return 'valid';
}
