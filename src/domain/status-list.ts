import type { VerdictStatus } from './verdict';

/**
 * The range document (`GET /api/v1/status-list`, application/vnd.ocop.status-ranges+jwt): the
 * statuses as serial ranges, for clients that read it; offline verifiers use the IETF Token Status
 * Lists (./token-status-list.ts), which stay small when voids are scattered. Pure data and lookups.
 *
 * - `issued`: every serial range that was issued, with the key that signs it, merged where
 *   contiguous (serials come from one counter, so this stays a handful of entries);
 * - `void`: voided serial spans, merged;
 * - `ranges`: issued ranges whose stamps are not valid, with the status of their batch or
 *   certificate (recalled, revoked, suspended, expired), merged where contiguous and equal.
 * Every array is sorted by first serial and its entries do not overlap, so lookups are binary
 * searches.
 */
export const STATUS_LIST_TYP = 'ocop-status-list+jwt';

export type RangeStatus = 'recalled' | 'revoked' | 'suspended' | 'expired';
export type StatusListContent = {
  issued: [kid: string, first: number, last: number][];
  void: [first: number, last: number][];
  ranges: [first: number, last: number, status: RangeStatus][];
};
export type StatusListPayload = StatusListContent & { iss: string; version: number; iat: number; ttl: number };

/** Merges sorted spans whose `key` is equal and which touch or overlap. */
export function mergeSpans<T extends { first: number; last: number }>(
  sorted: T[],
  sameKey: (a: T, b: T) => boolean,
): T[] {
  const out: T[] = [];
  for (const span of sorted) {
    const prev = out.at(-1);
    if (prev && sameKey(prev, span) && span.first <= prev.last + 1) prev.last = Math.max(prev.last, span.last);
    else out.push({ ...span });
  }
  return out;
}

function findSpan<T extends readonly unknown[]>(spans: T[], serial: number, firstAt: number): T | undefined {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const span = spans[mid]!;
    const first = span[firstAt] as number;
    const last = span[firstAt + 1] as number;
    if (serial < first) hi = mid - 1;
    else if (serial > last) lo = mid + 1;
    else return span;
  }
  return undefined;
}

/**
 * The verdict status of a stamp whose signature has already checked out against a key in the
 * JWKS, by the same precedence as the online verdict (unknown, void, recalled, revoked,
 * suspended, expired, valid).
 */
export function statusFromList(list: StatusListContent, kid: string, serial: number): Exclude<VerdictStatus, 'forged'> {
  const issued = findSpan(list.issued, serial, 1);
  if (!issued || issued[0] !== kid) return 'unknown';
  if (findSpan(list.void, serial, 0)) return 'void';
  return findSpan(list.ranges, serial, 0)?.[2] ?? 'valid';
}
