import { and, eq, gte, inArray, isNotNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client';
import { batchEvents, batches, intakeItems, intakes, products, stampRanges, subjects } from '../../db/schema';

/**
 * Where EPCIS events come from. Nothing stores them: each is a view of records the service keeps
 * anyway (a stamp range, the stamps of one batch in one intake, a recall), so an export and a query
 * read the same rows and build the same events. Every source answers in one order, by event time,
 * then kind, then a stable key, and can start after a position: that order is what pages follow.
 */
export const EVENT_KINDS = ['commissioning', 'receiving', 'recall'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** A place in that order: event time in ms, the kind's index in EVENT_KINDS, and the key. */
export type Position = { at: number; kind: number; key: string };

export type EventFilter = {
  /** The caller's reach over the batch's producer (listScope of 'trace.export'). */
  scope: { provinceCode?: string; subjectId?: string };
  kinds: readonly EventKind[];
  batchIds?: string[];
  /** Events whose range or received stamps hold one of these. */
  stamps?: { batchId: string; serial: number }[];
  from?: Date;
  before?: Date;
  after?: Position;
  /** Per source; the caller merges and cuts. */
  limit?: number;
};

type Common = { at: number; key: string; batchId: string };
export type CommissioningRow = Common & {
  kind: 'commissioning';
  rangeId: string;
  kid: string;
  firstSerial: number;
  lastSerial: number;
};
export type ReceivingRow = Common & {
  kind: 'receiving';
  intakeId: string;
  retailerId: string;
  pointOfSale: string;
  provinceCode: string;
};
export type RecallRow = Common & {
  kind: 'recall';
  eventId: number;
  recalled: boolean;
  effectiveOn: string;
  recordedAt: Date;
  reason: string;
  basis: string;
  correctsEventId: number | null;
};
export type SourceRow = CommissioningRow | ReceivingRow | RecallRow;

const ms = (at: SQL) => sql<number>`(extract(epoch from ${at}) * 1000)::float8`.mapWith(Number);
const instant = (d: Date) => sql`${d.toISOString()}::timestamptz`;

function where(
  f: EventFilter,
  kind: EventKind,
  at: SQL,
  key: SQL,
  batchId: PgColumn,
  own: (SQL | undefined)[],
): SQL | undefined {
  const c: (SQL | undefined)[] = [...own];
  if (f.scope.provinceCode) c.push(eq(subjects.provinceCode, f.scope.provinceCode));
  if (f.scope.subjectId) c.push(eq(products.subjectId, f.scope.subjectId));
  if (f.batchIds) c.push(inArray(batchId, f.batchIds));
  if (f.from) c.push(sql`${at} >= ${instant(f.from)}`);
  if (f.before) c.push(sql`${at} < ${instant(f.before)}`);
  if (f.after) {
    const index = EVENT_KINDS.indexOf(kind);
    const t = instant(new Date(f.after.at));
    if (index > f.after.kind) c.push(sql`${at} >= ${t}`);
    else if (index < f.after.kind) c.push(sql`${at} > ${t}`);
    else c.push(sql`(${at}, ${key}) > (${t}, ${f.after.key}::text)`);
  }
  return and(...c);
}

async function commissioning(db: Db, f: EventFilter): Promise<CommissioningRow[]> {
  const at = sql`date_trunc('milliseconds', ${stampRanges.createdAt})`;
  const key = sql`(${stampRanges.id}::text collate "C")`;
  const holds =
    f.stamps &&
    or(
      ...f.stamps.map((s) =>
        and(
          eq(stampRanges.batchId, s.batchId),
          lte(stampRanges.firstSerial, s.serial),
          gte(stampRanges.lastSerial, s.serial),
        ),
      ),
    );
  const q = db
    .select({
      at: ms(at),
      key: sql<string>`${key}`,
      batchId: stampRanges.batchId,
      rangeId: stampRanges.id,
      kid: stampRanges.kid,
      firstSerial: stampRanges.firstSerial,
      lastSerial: stampRanges.lastSerial,
    })
    .from(stampRanges)
    .innerJoin(batches, eq(batches.id, stampRanges.batchId))
    .innerJoin(products, eq(products.id, batches.productId))
    .innerJoin(subjects, eq(subjects.id, products.subjectId))
    .where(where(f, 'commissioning', at, key, stampRanges.batchId, [holds]))
    .orderBy(at, key);
  const rows = f.limit ? await q.limit(f.limit) : await q;
  return rows.map((r) => ({ kind: 'commissioning', ...r }));
}

async function receiving(db: Db, f: EventFilter): Promise<ReceivingRow[]> {
  const at = sql`date_trunc('milliseconds', ${intakes.recordedAt})`;
  const key = sql`((${intakeItems.intakeId}::text || '/' || ${intakeItems.batchId}::text) collate "C")`;
  const holds =
    f.stamps && or(...f.stamps.map((s) => and(eq(intakeItems.batchId, s.batchId), eq(intakeItems.serial, s.serial))));
  const q = db
    .select({
      at: ms(at),
      key: sql<string>`${key}`,
      batchId: sql<string>`${intakeItems.batchId}`,
      intakeId: intakeItems.intakeId,
      retailerId: intakes.retailerId,
      pointOfSale: intakes.pointOfSale,
      provinceCode: intakes.provinceCode,
    })
    .from(intakeItems)
    .innerJoin(intakes, eq(intakes.id, intakeItems.intakeId))
    .innerJoin(batches, eq(batches.id, intakeItems.batchId))
    .innerJoin(products, eq(products.id, batches.productId))
    .innerJoin(subjects, eq(subjects.id, products.subjectId))
    .where(where(f, 'receiving', at, key, intakeItems.batchId, [isNotNull(intakeItems.serial), holds]))
    .groupBy(intakeItems.intakeId, intakeItems.batchId, intakes.id)
    .orderBy(at, key);
  const rows = f.limit ? await q.limit(f.limit) : await q;
  return rows.map((r) => ({ kind: 'receiving', ...r }));
}

async function recalls(db: Db, f: EventFilter): Promise<RecallRow[]> {
  // Midnight in Vietnam (UTC+7, no daylight saving) of the day the recall took effect.
  const at = sql`(${batchEvents.effectiveOn}::timestamp at time zone 'UTC') - interval '7 hours'`;
  const key = sql`(lpad(${batchEvents.id}::text, 20, '0') collate "C")`;
  const q = db
    .select({
      at: ms(at),
      key: sql<string>`${key}`,
      batchId: batchEvents.batchId,
      eventId: batchEvents.id,
      kindName: batchEvents.kind,
      effectiveOn: batchEvents.effectiveOn,
      recordedAt: batchEvents.recordedAt,
      reason: batchEvents.reason,
      basis: batchEvents.basis,
      correctsEventId: batchEvents.correctsEventId,
    })
    .from(batchEvents)
    .innerJoin(batches, eq(batches.id, batchEvents.batchId))
    .innerJoin(products, eq(products.id, batches.productId))
    .innerJoin(subjects, eq(subjects.id, products.subjectId))
    .where(where(f, 'recall', at, key, batchEvents.batchId, []))
    .orderBy(at, key);
  const rows = f.limit ? await q.limit(f.limit) : await q;
  return rows.map(({ kindName, ...r }) => ({ kind: 'recall', recalled: kindName === 'recalled', ...r }));
}

// Keys compare byte-wise ("C" collation) in SQL, as they do here.
const order = (x: SourceRow, y: SourceRow) =>
  x.at - y.at ||
  EVENT_KINDS.indexOf(x.kind) - EVENT_KINDS.indexOf(y.kind) ||
  (x.key < y.key ? -1 : x.key > y.key ? 1 : 0);

/** The filter's events in order, at most `limit` of them when it is set. */
export async function eventRows(db: Db, f: EventFilter): Promise<SourceRow[]> {
  const sources = { commissioning, receiving, recall: recalls };
  const lists = await Promise.all(f.kinds.map((kind) => sources[kind](db, f)));
  const merged = lists.flat().sort(order);
  return f.limit ? merged.slice(0, f.limit) : merged;
}

export const positionOf = (row: SourceRow): Position => ({
  at: row.at,
  kind: EVENT_KINDS.indexOf(row.kind),
  key: row.key,
});
