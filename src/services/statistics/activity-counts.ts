import { and, eq, gte, lt, sql, type AnyColumn } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { batches, inspections, intakes, products, reports, scans, stampRanges, subjects } from '../../db/schema';
import { addDays, type IsoDate } from '../../domain/calendar';
import type { Activity } from '../../domain/statistics-measures';
import type { DayCount } from './flow-counts';
import { inProvince } from './registry-counts';

/** An instant's date in Vietnam (UTC+7 all year), as text: periods are counted in Vietnamese days. */
const vietnamDay = (column: AnyColumn) =>
  sql<string>`to_char((${column} at time zone 'UTC') + interval '7 hours', 'YYYY-MM-DD')`;

/** The instants that open the first day and close the last day of a Vietnamese date range. */
function instants(from: IsoDate, to: IsoDate): [Date, Date] {
  return [new Date(`${from}T00:00:00+07:00`), new Date(`${addDays(to, 1)}T00:00:00+07:00`)];
}

const counted = (rows: { day: string; n: number }[]): DayCount[] => rows.map((r) => ({ day: r.day, n: Number(r.n) }));

/**
 * What happened around the stamps by Vietnamese day: stamps issued (whole ranges, by the
 * producer's province), scans of those stamps, retailers' intakes and consumers' reports (by
 * the province they were recorded in) and post-certification inspections.
 */
export async function activityByDay(
  db: Db,
  provinceCode: string | null,
  from: IsoDate,
  to: IsoDate,
): Promise<Record<Activity, DayCount[]>> {
  const [start, end] = instants(from, to);
  const issuedDay = vietnamDay(stampRanges.createdAt);
  const stampsIssued = db
    .select({ day: issuedDay, n: sql<number>`sum(${stampRanges.lastSerial} - ${stampRanges.firstSerial} + 1)::float8` })
    .from(stampRanges)
    .innerJoin(batches, eq(batches.id, stampRanges.batchId))
    .innerJoin(products, eq(products.id, batches.productId))
    .innerJoin(subjects, eq(subjects.id, products.subjectId))
    .where(and(inProvince(provinceCode), gte(stampRanges.createdAt, start), lt(stampRanges.createdAt, end)))
    .groupBy(issuedDay);

  const scanDay = vietnamDay(scans.scannedAt);
  const inRange = and(gte(scans.scannedAt, start), lt(scans.scannedAt, end));
  // Nationally every scan counts, including forged and unknown codes; a province counts the scans of its stamps.
  const scanRows = provinceCode
    ? // The planner guesses a range join by thousands of rows a range and would spend 200 ms compiling
      // it (JIT) to read a few thousand: off for this one statement, whose plan is index lookups.
      db.transaction(async (tx) => {
        await tx.execute(sql`set local jit = off`);
        return (
          tx
            .select({ day: scanDay, n: sql<number>`count(*)::int` })
            .from(scans)
            // Driven from the province's ranges: each range reads its scans off the (serial, scanned_at) index.
            .innerJoin(
              stampRanges,
              sql`${scans.serial} between ${stampRanges.firstSerial} and ${stampRanges.lastSerial}`,
            )
            .innerJoin(batches, eq(batches.id, stampRanges.batchId))
            .innerJoin(products, eq(products.id, batches.productId))
            .innerJoin(subjects, eq(subjects.id, products.subjectId))
            .where(and(inRange, inProvince(provinceCode)))
            .groupBy(scanDay)
        );
      })
    : db.select({ day: scanDay, n: sql<number>`count(*)::int` }).from(scans).where(inRange).groupBy(scanDay);

  const intakeDay = vietnamDay(intakes.recordedAt);
  const intakeRows = db
    .select({ day: intakeDay, n: sql<number>`count(*)::int` })
    .from(intakes)
    .where(
      and(
        provinceCode ? eq(intakes.provinceCode, provinceCode) : undefined,
        gte(intakes.recordedAt, start),
        lt(intakes.recordedAt, end),
      ),
    )
    .groupBy(intakeDay);

  const reportDay = vietnamDay(reports.createdAt);
  const reportRows = db
    .select({ day: reportDay, n: sql<number>`count(*)::int` })
    .from(reports)
    .where(
      and(
        provinceCode ? eq(reports.provinceCode, provinceCode) : undefined,
        gte(reports.createdAt, start),
        lt(reports.createdAt, end),
      ),
    )
    .groupBy(reportDay);

  const inspectionDay = sql<string>`to_char(${inspections.inspectedOn}, 'YYYY-MM-DD')`;
  const inspectionRows = db
    .select({ day: inspectionDay, n: sql<number>`count(*)::int` })
    .from(inspections)
    .where(
      and(
        provinceCode ? eq(inspections.provinceCode, provinceCode) : undefined,
        gte(inspections.inspectedOn, from),
        sql`${inspections.inspectedOn} <= ${to}::date`,
      ),
    )
    .groupBy(inspectionDay);

  // Independent reads: on PostgreSQL they run side by side on the pool (PGlite queues them).
  const [issued, scanned, received, reported, inspected] = await Promise.all([
    stampsIssued,
    scanRows,
    intakeRows,
    reportRows,
    inspectionRows,
  ]);
  return {
    stampsIssued: counted(issued),
    scans: counted(scanned),
    intakes: counted(received),
    reports: counted(reported),
    inspections: counted(inspected),
  };
}
