import { and, eq, gte, lte, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client';
import { certificates, products, subjects } from '../../db/schema';
import type { IsoDate } from '../../domain/calendar';
import { inProvince } from './registry-counts';

const successor = alias(certificates, 'successor');

export type Movement = 'new' | 'renewed' | 'upgraded' | 'downgraded';
export type DayCount = { day: IsoDate; n: number };

/**
 * Rating decisions by day: a first certificate is `new`; a re-evaluation (a certificate that
 * supersedes another) is `renewed` at the same stars, `upgraded` or `downgraded` otherwise.
 */
export async function decisionsByDay(
  db: Db,
  provinceCode: string | null,
  from: IsoDate,
  to: IsoDate,
): Promise<(DayCount & { movement: Movement })[]> {
  const movement = sql<Movement>`case
    when ${successor.id} is null then 'new'
    when ${certificates.stars} > ${successor.stars} then 'upgraded'
    when ${certificates.stars} < ${successor.stars} then 'downgraded'
    else 'renewed' end`;
  const day = sql<string>`to_char(${certificates.decisionDate}, 'YYYY-MM-DD')`;
  const rows = await db
    .select({ day, movement, n: sql<number>`count(*)::int` })
    .from(certificates)
    .leftJoin(successor, eq(successor.id, certificates.supersedesId))
    .innerJoin(products, eq(products.id, certificates.productId))
    .innerJoin(subjects, eq(subjects.id, products.subjectId))
    .where(and(inProvince(provinceCode), gte(certificates.decisionDate, from), lte(certificates.decisionDate, to)))
    .groupBy(day, movement);
  return rows.map((r) => ({ day: r.day, movement: r.movement, n: Number(r.n) }));
}

/**
 * Certificates that lapsed by day (the day after their last valid day), up to today: those not
 * revoked before then and not replaced by a re-evaluation decided in time.
 */
export async function expiriesByDay(
  db: Db,
  provinceCode: string | null,
  from: IsoDate,
  to: IsoDate,
): Promise<DayCount[]> {
  const lapsed = sql`(${certificates.validUntil} + 1)`;
  const day = sql<string>`to_char(${lapsed}, 'YYYY-MM-DD')`;
  const rows = await db
    .select({ day, n: sql<number>`count(*)::int` })
    .from(certificates)
    .innerJoin(products, eq(products.id, certificates.productId))
    .innerJoin(subjects, eq(subjects.id, products.subjectId))
    .where(
      and(
        inProvince(provinceCode),
        sql`${lapsed} between ${from}::date and ${to}::date`,
        sql`(${certificates.status} <> 'revoked' or ${certificates.statusChangedOn} > ${certificates.validUntil})`,
        sql`not exists (select 1 from ${certificates} as s where s.supersedes_id = ${certificates.id}
          and s.decision_date <= ${certificates.validUntil})`,
      ),
    )
    .groupBy(day);
  return rows.map((r) => ({ day: r.day, n: Number(r.n) }));
}

/** Certificates revoked (and still revoked: a quashed revocation restores the status) by the day it took effect. */
export async function revocationsByDay(
  db: Db,
  provinceCode: string | null,
  from: IsoDate,
  to: IsoDate,
): Promise<DayCount[]> {
  const day = sql<string>`to_char(${certificates.statusChangedOn}, 'YYYY-MM-DD')`;
  const rows = await db
    .select({ day, n: sql<number>`count(*)::int` })
    .from(certificates)
    .innerJoin(products, eq(products.id, certificates.productId))
    .innerJoin(subjects, eq(subjects.id, products.subjectId))
    .where(
      and(
        inProvince(provinceCode),
        eq(certificates.status, 'revoked'),
        gte(certificates.statusChangedOn, from),
        lte(certificates.statusChangedOn, to),
      ),
    )
    .groupBy(day);
  return rows.map((r) => ({ day: r.day, n: Number(r.n) }));
}
