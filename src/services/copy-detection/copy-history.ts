import { sql, type SQL } from 'drizzle-orm';
import { PROVINCES } from '../../data/provinces';
import { copySignals, type CopyHistory, type CopySignal } from '../../domain/copy-detection';
import type { Db } from '../../db/client';
import { queryRows } from '../../db/prepared';
import type { Config } from '../../env';

/** How many located scans of one stamp the rules look at: the newest, which is where copies show. */
const READS_PER_STAMP = 100;

/** One stamp's history as the database returns it (see `copyHistorySql`). */
export type RawCopyHistory = {
  /** `[scanners, networks]` pairs (see `CopyHistory.scannersByNetwork`). */
  scanners: [number, number][] | null;
  intakes: { retailer: string; at: string; province: string }[] | null;
  scans: { at: string; lat: number; lon: number; place: string | null }[] | null;
};

/**
 * A scalar subquery giving one stamp's history as JSON, for any query that has the serial of a
 * genuine stamp at hand: the verdict's facts and the inspectors' list both use it. Scanners come
 * grouped by network and day (network_hash is salted per day), counted by how many networks had
 * how many scanners, so the answer stays a few pairs however often the stamp is scanned. Scans
 * without a network (older rows, unknown addresses) are each a network of their own.
 */
export function copyHistorySql(serial: SQL): SQL {
  return sql`(select json_build_object(
    'scanners', (select json_agg(json_build_array(n, networks)) from (
      select n, count(*) as networks from (
        select count(distinct scanner_hash) as n from scans where scans.serial = ${serial} and scanner_hash is not null
        group by coalesce(network_hash, scanner_hash)) per_network
      group by n) by_size),
    'intakes', (select json_agg(json_build_object('retailer', i.retailer_id, 'at', ii.scanned_at, 'province', i.province_code))
      from intake_items ii join intakes i on i.id = ii.intake_id where ii.serial = ${serial}),
    'scans', (select json_agg(json_build_object('at', s.scanned_at, 'lat', s.lat, 'lon', s.lon, 'place', s.place)) from (
      select scanned_at, lat, lon, place from scans
      where scans.serial = ${serial} and lat is not null and lon is not null order by scanned_at desc limit ${READS_PER_STAMP}) s)))`;
}

/** Places intakes at their province's administrative centre; scans already carry coarse coordinates. */
export function toCopyHistory(raw: RawCopyHistory | null): CopyHistory {
  const intakes = raw?.intakes ?? [];
  const intakeReads = intakes.flatMap((i) => {
    const province = PROVINCES[i.province];
    return province ? [{ at: i.at, lat: province.lat, lon: province.lon, place: province.vi }] : [];
  });
  const scanReads = (raw?.scans ?? []).map((s) => ({ at: s.at, lat: s.lat, lon: s.lon, place: s.place ?? `${s.lat}, ${s.lon}` }));
  const scannersByNetwork = (raw?.scanners ?? []).map(([n, networks]): [number, number] => [Number(n), Number(networks)]);
  return { scannersByNetwork, retailers: intakes.map((i) => i.retailer), reads: [...intakeReads, ...scanReads] };
}

function copyThresholds(config: Config) {
  return { maxRetailers: config.COPY_MAX_RETAILERS, farKm: config.COPY_FAR_KM, farHours: config.COPY_FAR_HOURS, maxScanners: config.COPY_MAX_SCANNERS,
    maxScannersPerNetwork: config.COPY_MAX_SCANNERS_PER_NETWORK };
}

export function signalsFor(raw: RawCopyHistory | null, config: Config): CopySignal[] {
  return copySignals(toCopyHistory(raw), copyThresholds(config));
}

/** What a verdict says about copying: whether any rule fired, and which. */
export function suspicion(signals: CopySignal[]): { suspicious: boolean; signals: CopySignal[] } {
  return { suspicious: signals.length > 0, signals };
}

/**
 * The signals of several stamps from what the database holds now. Inside a transaction that
 * includes its own uncommitted writes, which is how an intake's receipt counts that intake.
 */
export async function loadCopySignals(db: Db, serials: number[], config: Config): Promise<Map<number, CopySignal[]>> {
  if (serials.length === 0) return new Map();
  const rows = await queryRows<{ serial: string | number; history: RawCopyHistory | null }>(db, sql`
    select q.serial, ${copyHistorySql(sql`q.serial`)} as history
    from (select distinct value::bigint as serial from json_array_elements_text(${JSON.stringify(serials)}::json)) as q`);
  return new Map(rows.map((r) => [Number(r.serial), signalsFor(r.history, config)]));
}
