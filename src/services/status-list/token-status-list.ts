import { z } from 'zod';
import { asc, desc, eq, gte, lte, max, and } from 'drizzle-orm';
import { base64url } from 'jose';
import type { Db } from '../../db/client';
import { batches, certificates, stampRanges, voidedSerials } from '../../db/schema';
import { vietnamToday } from '../../domain/calendar';
import {
  BLOCK_SIZE,
  blockOf,
  buildBlock,
  INVALID_REASONS_CLAIM,
  STATUS_LIST_AGGREGATION_PATH,
  STATUS_LIST_JWT_TYP,
  statusListPath,
  zlibDeflate,
  type BlockRange,
  type BlockSpan,
} from '../../domain/token-status-list';
import { canonicalJson, sha256Hex } from '../shared/canonical-json';
import { service } from '../shared/service';
import { signJws } from '../shared/sign-jws';
import { rangeStatusSql } from './status-list';

/** How long the issuer vouches for one signed list (`exp`); it is signed again when half is gone. */
export const STATUS_LIST_LIFETIME_SECONDS = 7 * 86_400;

export type StatusListToken = { n: number; contentHash: string; kid: string; jwt: string; iat: number; exp: number };

/** How many lists there are: every block up to the one holding the last issued serial (at least one). */
export async function statusListCount(db: Db): Promise<number> {
  const [last] = await db
    .select({ last: stampRanges.lastSerial })
    .from(stampRanges)
    .orderBy(desc(stampRanges.firstSerial))
    .limit(1);
  return last ? blockOf(last.last) + 1 : 1;
}

/** The Status List Aggregation (the draft's JSON): the URI of every list. */
export const statusListAggregation = service({
  action: 'public',
  input: z.object({}),
  run: async ({ ctx }): Promise<{ status_lists: string[] }> => {
    const count = await statusListCount(ctx.db);
    return { status_lists: Array.from({ length: count }, (_, n) => `${ctx.config.PUBLIC_ORIGIN}${statusListPath(n)}`) };
  },
});

/** The ranges and voids that touch block n, read through the serial indexes only. */
async function blockContent(db: Db, n: number, today: string): Promise<{ ranges: BlockRange[]; voids: BlockSpan[] }> {
  const lo = n * BLOCK_SIZE;
  const hi = lo + BLOCK_SIZE - 1;
  // A range (and so its voids) reaching into the block from below starts at the last range start <= lo.
  const [floor] = await db
    .select({ first: max(stampRanges.firstSerial) })
    .from(stampRanges)
    .where(lte(stampRanges.firstSerial, lo));
  const from = floor?.first ?? lo;
  const [ranges, voids] = await Promise.all([
    db
      .select({ first: stampRanges.firstSerial, last: stampRanges.lastSerial, status: rangeStatusSql(today) })
      .from(stampRanges)
      .innerJoin(batches, eq(stampRanges.batchId, batches.id))
      .innerJoin(certificates, eq(batches.certificateId, certificates.id))
      .where(and(gte(stampRanges.firstSerial, from), lte(stampRanges.firstSerial, hi)))
      .orderBy(asc(stampRanges.firstSerial)),
    db
      .select({ first: voidedSerials.firstSerial, last: voidedSerials.lastSerial })
      .from(voidedSerials)
      .where(and(gte(voidedSerials.firstSerial, from), lte(voidedSerials.firstSerial, hi)))
      .orderBy(asc(voidedSerials.firstSerial)),
  ]);
  return { ranges, voids };
}

/**
 * The signed Token Status List of block n, as of now. The content is read on every call (the
 * origin is never stale); the list is built, compressed and signed again only when it changed,
 * the signing key changed, or `previous` is past half its lifetime. Otherwise `previous` comes back
 * as it was, bytes, `iat` and all, so caches and ETags hold. Null when block n is past every
 * issued serial.
 */
export const tokenStatusList = service({
  action: 'public',
  // `previous`: this instance's last copy of the list, handed back unchanged while it still holds.
  input: z.object({ n: z.number().int().min(0), previous: z.custom<StatusListToken>().optional() }),
  run: async ({ ctx, input: { n, previous } }): Promise<StatusListToken | null> => {
    const [count, content, signer] = await Promise.all([
      statusListCount(ctx.db),
      blockContent(ctx.db, n, vietnamToday(ctx.now())),
      ctx.keys.activeSigner(ctx.db),
    ]);
    if (n >= count) return null;
    const contentHash = await sha256Hex(canonicalJson(content));
    const now = Math.floor(ctx.now().getTime() / 1000);
    if (
      previous &&
      previous.contentHash === contentHash &&
      previous.kid === signer.kid &&
      previous.exp - now > STATUS_LIST_LIFETIME_SECONDS / 2
    )
      return previous;

    const { statuses, reasons } = buildBlock(n, content.ranges, content.voids);
    const [lst, reasonsLst] = await Promise.all([zlibDeflate(statuses), zlibDeflate(reasons)]);
    const origin = ctx.config.PUBLIC_ORIGIN;
    const payload = {
      iss: origin,
      sub: `${origin}${statusListPath(n)}`,
      iat: now,
      exp: now + STATUS_LIST_LIFETIME_SECONDS,
      ttl: ctx.config.STATUS_LIST_TTL_SECONDS,
      status_list: { bits: 2, lst: base64url.encode(lst), aggregation_uri: `${origin}${STATUS_LIST_AGGREGATION_PATH}` },
      [INVALID_REASONS_CLAIM]: { bits: 2, lst: base64url.encode(reasonsLst) },
    };
    const { jws, kid } = await signJws(ctx, STATUS_LIST_JWT_TYP, payload);
    return { n, contentHash, kid, jwt: jws, iat: payload.iat, exp: payload.exp };
  },
});
