import { sql } from 'drizzle-orm';
import type { Db } from '../../src/db/client';
import { queryRows } from '../../src/db/prepared';

/** What a stamp's summary must say, in one comparable shape. */
export type ReadFigures = {
  serial: number;
  scanCount: number;
  firstScanAt: string | null;
  firstScanPlace: string | null;
  scannersByNetwork: [number, number][];
  scanReads: { at: string; lat: number; lon: number; place: string | null }[];
  intakeReads: { retailer: string; at: string; province: string }[];
  retailers: string[];
};

const iso = (at: string | null) => (at ? new Date(at).toISOString() : null);
const byTime = <T extends { at: string }>(reads: T[]) =>
  reads
    .map((r) => ({ ...r, at: iso(r.at)! }))
    .sort((a, b) => a.at.localeCompare(b.at) || JSON.stringify(a).localeCompare(JSON.stringify(b)));

/**
 * The figures aggregated over every raw scan and intake row, the way the copy rules read history
 * before summaries existed (distinct scanners grouped by network, the newest 100 located reads):
 * the reference the summaries are held to.
 */
export async function aggregateFromRawRows(db: Db, serials: number[]): Promise<ReadFigures[]> {
  const rows = await queryRows<{
    serial: string;
    n: string;
    first_at: string | null;
    first_place: string | null;
    scanners: [number, number][] | null;
    scans: ReadFigures['scanReads'] | null;
    intakes: ReadFigures['intakeReads'] | null;
    retailers: string[] | null;
  }>(
    db,
    sql`
    select q.serial, (select count(*) from scans s where s.serial = q.serial) as n,
      (select scanned_at from scans s where s.serial = q.serial order by scanned_at limit 1) as first_at,
      (select place from scans s where s.serial = q.serial order by scanned_at limit 1) as first_place,
      (select json_agg(json_build_array(n, networks) order by n) from (
        select n, count(*) as networks from (
          select count(distinct scanner_hash) as n from scans s where s.serial = q.serial and scanner_hash is not null
          group by coalesce(network_hash, scanner_hash)) per_network group by n) by_size) as scanners,
      (select json_agg(json_build_object('at', scanned_at, 'lat', lat, 'lon', lon, 'place', place)) from (
        select scanned_at, lat, lon, place from scans s where s.serial = q.serial and lat is not null and lon is not null
        order by scanned_at desc limit 100) newest) as scans,
      (select json_agg(json_build_object('retailer', retailer_id, 'at', scanned_at, 'province', province_code)) from (
        select i.retailer_id, ii.scanned_at, i.province_code from intake_items ii join intakes i on i.id = ii.intake_id
        where ii.serial = q.serial order by ii.scanned_at desc limit 100) newest) as intakes,
      (select json_agg(distinct i.retailer_id) from intake_items ii join intakes i on i.id = ii.intake_id where ii.serial = q.serial) as retailers
    from (select unnest(${`{${serials.join(',')}}`}::bigint[]) as serial) q order by q.serial`,
  );
  return rows.map((r) => ({
    serial: Number(r.serial),
    scanCount: Number(r.n),
    firstScanAt: iso(r.first_at),
    firstScanPlace: r.first_place,
    scannersByNetwork: (r.scanners ?? []).map(([n, k]) => [Number(n), Number(k)] as [number, number]),
    scanReads: byTime(r.scans ?? []),
    intakeReads: byTime(r.intakes ?? []),
    retailers: [...(r.retailers ?? [])].sort(),
  }));
}

/** The same figures as the summaries hold them (a stamp without a summary reads as never read). */
export async function figuresFromSummaries(db: Db, serials: number[]): Promise<ReadFigures[]> {
  const rows = await queryRows<{
    serial: string;
    scan_count: string;
    first_scan_at: string | null;
    first_scan_place: string | null;
    scanners_by_network: [number, number][];
    scan_reads: ReadFigures['scanReads'];
    intake_reads: ReadFigures['intakeReads'];
    retailers: string[];
  }>(
    db,
    sql`
    select q.serial, coalesce(ss.scan_count, 0) as scan_count, ss.first_scan_at, ss.first_scan_place,
      coalesce(ss.scanners_by_network, '[]') as scanners_by_network, coalesce(ss.scan_reads, '[]') as scan_reads,
      coalesce(ss.intake_reads, '[]') as intake_reads, coalesce(ss.retailers, '[]') as retailers
    from (select unnest(${`{${serials.join(',')}}`}::bigint[]) as serial) q left join stamp_summaries ss on ss.serial = q.serial order by q.serial`,
  );
  return rows.map((r) => ({
    serial: Number(r.serial),
    scanCount: Number(r.scan_count),
    firstScanAt: iso(r.first_scan_at),
    firstScanPlace: r.first_scan_place,
    scannersByNetwork: r.scanners_by_network.map(([n, k]) => [Number(n), Number(k)] as [number, number]),
    scanReads: byTime(r.scan_reads),
    intakeReads: byTime(r.intake_reads),
    retailers: [...r.retailers].sort(),
  }));
}
