import { normaliseGtin, toGtin14 } from '../../domain/gtin';
import type { Verdict } from '../../services/verification/verdict-types';

/** The keys of a Digital Link as written in its path, before any normalising. */
export type PathKeys = { gtin: string; lot?: string; serial?: string };

/**
 * Whether a verdict's stamp is the one the Digital Link names. The signature makes the stamp
 * verifiable; the GS1 keys around it are plain text anyone can edit, so every key the path holds
 * must match the stamp's product, lot and serial. With the database down only the serial is
 * known (it is inside the signed code), and a signature-only verdict never claims the rest.
 */
export function stampMatchesPath(verdict: Verdict, keys: PathKeys): boolean {
  const gtin = normaliseGtin(keys.gtin);
  if (!gtin) return false;
  if (keys.serial !== undefined && String(verdict.serial) !== keys.serial) return false;
  if (!verdict.live) return true;
  if (!verdict.product?.gtin || toGtin14(verdict.product.gtin) !== gtin) return false;
  return keys.lot === undefined || verdict.batch?.lot === keys.lot;
}

/** A stamp carried under a Digital Link that does not name it reads as forged, like any tampered stamp. */
export function checkedAgainstPath(verdict: Verdict, keys: PathKeys): Verdict {
  if (verdict.status === 'forged' || verdict.status === 'unknown' || stampMatchesPath(verdict, keys)) return verdict;
  return {
    code: verdict.code,
    serial: verdict.serial,
    kid: verdict.kid,
    live: verdict.live,
    checkedAt: verdict.checkedAt,
    status: 'forged',
    forgedReason: 'malformed',
  };
}
