import fc from 'fast-check';
import { StatusList } from '@sd-jwt/jwt-status-list';
import { base64url } from 'jose';
import { describe, expect, it } from 'vitest';
import {
  BLOCK_SIZE,
  blockIndex,
  blockOf,
  buildBlock,
  fillStatus,
  readStatus,
  verdictFromEntry,
  zlibDeflate,
  zlibInflate,
} from '../../src/domain/token-status-list';

describe('the Token Status List byte array (draft-ietf-oauth-status-list)', () => {
  it('packs 2-bit statuses from the least significant bit, as the draft’s example does', async () => {
    const statuses = [1, 2, 0, 3, 0, 1, 0, 1, 1, 2, 3, 3];
    const bytes = new Uint8Array(3);
    for (const [i, s] of statuses.entries()) fillStatus(bytes, i, i, s);
    expect([...bytes]).toEqual([0xc9, 0x44, 0xf9]);
    // The draft's compressed form inflates to the same bytes, and ours inflates back.
    expect([...(await zlibInflate(Buffer.from('78da3be9f2130003df0207', 'hex')))]).toEqual([0xc9, 0x44, 0xf9]);
    const lst = base64url.encode(await zlibDeflate(bytes));
    const theirs = StatusList.decompressStatusList(lst, 2);
    expect(statuses.map((_, i) => theirs.getStatus(i))).toEqual(statuses);
  });

  it('fills any span exactly as setting each index would', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(63), fc.nat(63), fc.integer({ min: 0, max: 3 })), { maxLength: 12 }),
        (spans) => {
          const fast = new Uint8Array(16);
          const slow: number[] = Array(64).fill(0);
          for (const [a, b, value] of spans) {
            const [from, to] = a <= b ? [a, b] : [b, a];
            fillStatus(fast, from, to, value);
            for (let i = from; i <= to; i++) slow[i] = value;
          }
          expect(slow.map((_, i) => readStatus(fast, i))).toEqual(slow);
        },
      ),
    );
  });

  it('lays out a block in the verdict’s precedence: not issued, the range’s status, voids on top', () => {
    const lo = 3 * BLOCK_SIZE;
    const { statuses, reasons } = buildBlock(
      3,
      [
        { first: lo - 10, last: lo + 9, status: null },
        { first: lo + 10, last: lo + 19, status: 'revoked' },
        { first: lo + 20, last: lo + 29, status: 'suspended' },
        { first: lo + 30, last: lo + 39, status: 'expired' },
        { first: lo + 40, last: lo + 49, status: 'recalled' },
        { first: lo + BLOCK_SIZE - 5, last: lo + BLOCK_SIZE + 100, status: null },
      ],
      [
        { first: lo + 5, last: lo + 5 },
        { first: lo + 12, last: lo + 13 },
      ],
    );
    const verdict = (i: number) => verdictFromEntry(readStatus(statuses, i), readStatus(reasons, i));
    expect([0, 5, 11, 12, 21, 31, 41, 50, BLOCK_SIZE - 6, BLOCK_SIZE - 1].map(verdict)).toEqual([
      'valid',
      'void',
      'revoked',
      'void',
      'suspended',
      'expired',
      'recalled',
      'unknown',
      'unknown',
      'valid',
    ]);
    expect(verdictFromEntry(1, null)).toBe('unknown');
  });

  it('maps a serial to its block and index', () => {
    expect([blockOf(999_999), blockIndex(999_999)]).toEqual([0, 999_999]);
    expect([blockOf(BLOCK_SIZE * 95 + 7), blockIndex(BLOCK_SIZE * 95 + 7)]).toEqual([95, 7]);
  });
});
