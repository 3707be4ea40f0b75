import type { RangeStatus } from './status-list';
import type { VerdictStatus } from './verdict';

/**
 * The IETF Token Status List (draft-ietf-oauth-status-list) form of the status list: one list per
 * block of 2^20 serials, 2 bits per serial, packed from the least significant bit of each byte and
 * compressed with DEFLATE in the ZLIB format. Pure, so the server that builds a list and the
 * browser that reads one share it.
 */
export const STATUS_LIST_JWT_TYP = 'statuslist+jwt';
export const STATUS_LIST_JWT_MEDIA_TYPE = 'application/statuslist+jwt';
export const BLOCK_BITS = 20;
export const BLOCK_SIZE = 2 ** BLOCK_BITS;
/** Bytes of one block at 2 bits a serial. */
const BLOCK_BYTES = BLOCK_SIZE / 4;

/** The draft's values (0 to 2), and 3, which the draft leaves to the application. */
export const TOKEN_STATUS = { valid: 0, invalid: 1, suspended: 2, expired: 3 } as const;

/**
 * Why a serial is INVALID (1), for verifiers that want the verdict's words rather than one
 * "invalid". It travels as a second list of the same shape in the private claim below, which
 * stock libraries ignore. Void is 0, like every serial that is not INVALID: voids are the one
 * scattered exception, so this list stays runs of equal values and compresses to almost nothing.
 */
export const INVALID_REASONS_CLAIM = 'ocop_invalid_reasons';
export const INVALID_REASON = { voidOrNone: 0, notIssued: 1, recalled: 2, revoked: 3 } as const;

export const blockOf = (serial: number) => Math.floor(serial / BLOCK_SIZE);
export const blockIndex = (serial: number) => serial - blockOf(serial) * BLOCK_SIZE;
export const statusListPath = (n: number) => `/api/v1/status-lists/${n}`;
export const STATUS_LIST_AGGREGATION_PATH = '/api/v1/status-lists';

/** Sets `value` (0–3) at every index of [from, to] (inclusive): whole bytes by `fill`, edges by bits. */
export function fillStatus(bytes: Uint8Array, from: number, to: number, value: number): void {
  let i = from;
  for (; i <= to && i % 4 !== 0; i++) setStatus(bytes, i, value);
  const wholeBytesEnd = Math.floor((to + 1) / 4);
  if (i / 4 < wholeBytesEnd) {
    bytes.fill(value * 0b01010101, i / 4, wholeBytesEnd);
    i = wholeBytesEnd * 4;
  }
  for (; i <= to; i++) setStatus(bytes, i, value);
}

function setStatus(bytes: Uint8Array, index: number, value: number): void {
  const shift = (index % 4) * 2;
  const at = index >> 2;
  bytes[at] = (bytes[at]! & ~(0b11 << shift)) | (value << shift);
}

export function readStatus(bytes: Uint8Array, index: number): number {
  return (bytes[index >> 2]! >> ((index % 4) * 2)) & 0b11;
}

export type BlockRange = { first: number; last: number; status: RangeStatus | null };
export type BlockSpan = { first: number; last: number };

/**
 * The two byte arrays of block `n`: statuses, and the reasons of the INVALID ones. Filled range by
 * range in the verdict's precedence (not issued, then the range's status, then voids on top), so
 * 2^20 serials cost a few `fill` calls, not a million writes.
 */
export function buildBlock(
  n: number,
  ranges: BlockRange[],
  voids: BlockSpan[],
): { statuses: Uint8Array; reasons: Uint8Array } {
  const statuses = new Uint8Array(BLOCK_BYTES).fill(TOKEN_STATUS.invalid * 0b01010101);
  const reasons = new Uint8Array(BLOCK_BYTES).fill(INVALID_REASON.notIssued * 0b01010101);
  const lo = n * BLOCK_SIZE;
  const clip = (span: BlockSpan) =>
    [Math.max(span.first, lo) - lo, Math.min(span.last, lo + BLOCK_SIZE - 1) - lo] as const;
  for (const range of ranges) {
    const [from, to] = clip(range);
    if (from > to) continue;
    const [status, reason] = RANGE_VALUES[range.status ?? 'valid'];
    fillStatus(statuses, from, to, status);
    fillStatus(reasons, from, to, reason);
  }
  for (const span of voids) {
    const [from, to] = clip(span);
    if (from > to) continue;
    fillStatus(statuses, from, to, TOKEN_STATUS.invalid);
    fillStatus(reasons, from, to, INVALID_REASON.voidOrNone);
  }
  return { statuses, reasons };
}

const RANGE_VALUES: Record<RangeStatus | 'valid', [status: number, reason: number]> = {
  valid: [TOKEN_STATUS.valid, INVALID_REASON.voidOrNone],
  recalled: [TOKEN_STATUS.invalid, INVALID_REASON.recalled],
  revoked: [TOKEN_STATUS.invalid, INVALID_REASON.revoked],
  suspended: [TOKEN_STATUS.suspended, INVALID_REASON.voidOrNone],
  expired: [TOKEN_STATUS.expired, INVALID_REASON.voidOrNone],
};

/** The verdict status a list entry stands for, given the stamp's signature already checked out. */
export function verdictFromEntry(status: number, reason: number | null): Exclude<VerdictStatus, 'forged'> {
  if (status === TOKEN_STATUS.valid) return 'valid';
  if (status === TOKEN_STATUS.suspended) return 'suspended';
  if (status === TOKEN_STATUS.expired) return 'expired';
  if (reason === INVALID_REASON.recalled) return 'recalled';
  if (reason === INVALID_REASON.revoked) return 'revoked';
  if (reason === INVALID_REASON.voidOrNone) return 'void';
  // Not issued, or a list without reasons: the alarm, never a reassurance.
  return 'unknown';
}

/** DEFLATE in the ZLIB format (CompressionStream's 'deflate'), on Node, Workers and browsers alike. */
export async function zlibDeflate(bytes: Uint8Array): Promise<Uint8Array> {
  return pipe(bytes, new CompressionStream('deflate'));
}

export async function zlibInflate(bytes: Uint8Array): Promise<Uint8Array> {
  return pipe(bytes, new DecompressionStream('deflate'));
}

async function pipe(bytes: Uint8Array, through: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(through);
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
