import { z } from 'zod';
import { asc, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { batches, certificates, stampRanges, statusListSnapshots, voidedSerials } from '../../db/schema';
import { vietnamToday } from '../../domain/calendar';
import {
  mergeSpans,
  STATUS_LIST_TYP,
  type RangeStatus,
  type StatusListContent,
  type StatusListPayload,
} from '../../domain/status-list';
import { canonicalJson, sha256Hex } from '../shared/canonical-json';
import { service } from '../shared/service';
import { signJws } from '../shared/sign-jws';

/** A range's status by the online verdict's precedence (null: valid); select from ranges joined to batches and certificates. */
export const rangeStatusSql = (today: string) => sql<RangeStatus | null>`case
  when ${batches.recalledOn} is not null then 'recalled'
  when ${certificates.status} = 'revoked' then 'revoked'
  when ${certificates.status} = 'suspended' then 'suspended'
  when ${certificates.validUntil} < ${today} then 'expired' end`;

/** What the list says today, straight from the tables the online verdict reads. */
export async function statusListContent(db: Db, today: string): Promise<StatusListContent> {
  const rangeStatus = rangeStatusSql(today);
  const [ranges, voids] = await Promise.all([
    db
      .select({
        kid: stampRanges.kid,
        first: stampRanges.firstSerial,
        last: stampRanges.lastSerial,
        status: rangeStatus,
      })
      .from(stampRanges)
      .innerJoin(batches, eq(stampRanges.batchId, batches.id))
      .innerJoin(certificates, eq(batches.certificateId, certificates.id))
      .orderBy(asc(stampRanges.firstSerial)),
    db
      .select({ first: voidedSerials.firstSerial, last: voidedSerials.lastSerial })
      .from(voidedSerials)
      .orderBy(asc(voidedSerials.firstSerial)),
  ]);
  return {
    issued: mergeSpans(ranges, (a, b) => a.kid === b.kid).map((r) => [r.kid, r.first, r.last]),
    void: mergeSpans(voids, () => true).map((v) => [v.first, v.last]),
    ranges: mergeSpans(
      ranges.filter((r) => r.status !== null),
      (a, b) => a.status === b.status,
    ).map((r) => [r.first, r.last, r.status!]),
  };
}

export type StatusListSnapshot = typeof statusListSnapshots.$inferSelect;

/**
 * The current signed list. It is recomputed on every call, so the origin is never stale; a new
 * version is signed and stored only when the content differs from the latest one, so an
 * unchanged list keeps its bytes, version and issue time (and caches their validity).
 */
export const currentStatusList = service({
  action: 'public',
  input: z.object({}),
  run: async ({ ctx }): Promise<StatusListSnapshot> => {
    const content = await statusListContent(ctx.db, vietnamToday(ctx.now()));
    const contentHash = await sha256Hex(canonicalJson(content));
    const [latest] = await ctx.db
      .select()
      .from(statusListSnapshots)
      .orderBy(desc(statusListSnapshots.version))
      .limit(1);
    if (latest?.contentHash === contentHash) return latest;

    const issuedAt = ctx.now();
    const payload: StatusListPayload = {
      iss: ctx.config.PUBLIC_ORIGIN,
      version: (latest?.version ?? 0) + 1,
      iat: Math.floor(issuedAt.getTime() / 1000),
      ttl: ctx.config.STATUS_LIST_TTL_SECONDS,
      ...content,
    };
    const { jws } = await signJws(ctx, STATUS_LIST_TYP, payload);
    // Two requests racing to publish the same change: the loser reads the winner's snapshot.
    const [stored] = await ctx.db
      .insert(statusListSnapshots)
      .values({ version: payload.version, contentHash, jws, issuedAt })
      .onConflictDoNothing()
      .returning();
    if (stored) return stored;
    const [winner] = await ctx.db
      .select()
      .from(statusListSnapshots)
      .orderBy(desc(statusListSnapshots.version))
      .limit(1);
    return winner!;
  },
});
