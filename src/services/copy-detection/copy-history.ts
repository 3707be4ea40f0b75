import { sql, type SQL } from 'drizzle-orm';
import { PROVINCES } from '../../data/provinces';
import { copySignals, type CopyHistory, type CopySignal, type CopyThresholds } from '../../domain/copy-detection';
import type { IntakeRead, ScanRead } from '../../domain/read-summary';
import type { Db } from '../../db/client';
import { queryRows } from '../../db/prepared';
import type { Config } from '../../env';

/** One stamp's history as the database returns it (see `copyHistorySql`). */
export type RawCopyHistory = {
  /** `[scanners, networks]` pairs (see `CopyHistory.scannersByNetwork`). */
  scanners: [number, number][] | null;
  intakes: IntakeRead[] | null;
  scans: ScanRead[] | null;
  /** Distinct retailers; when absent, those of `intakes`. */
  retailers?: string[] | null;
};

/**
 * A scalar subquery giving one stamp's history as JSON, for any query that has the serial of a
 * genuine stamp at hand: one primary-key read of its summary (src/services/scans/read-summaries.ts),
 * whatever the stamp's history, so a copied stamp scanned 200,000 times costs what a fresh one
 * does. Null for a stamp never read.
 */
export function copyHistorySql(serial: SQL): SQL {
  return sql`(select json_build_object('scanners', ss.scanners_by_network, 'intakes', ss.intake_reads, 'scans', ss.scan_reads,
    'retailers', ss.retailers) from stamp_summaries ss where ss.serial = ${serial})`;
}

/** Places intakes at their province's administrative centre; scans already carry coarse coordinates. */
export function toCopyHistory(raw: RawCopyHistory | null): CopyHistory {
  const intakes = raw?.intakes ?? [];
  const intakeReads = intakes.flatMap((i) => {
    const province = PROVINCES[i.province];
    return province ? [{ at: i.at, lat: province.lat, lon: province.lon, place: province.vi }] : [];
  });
  const scanReads = (raw?.scans ?? []).map((s) => ({
    at: s.at,
    lat: s.lat,
    lon: s.lon,
    place: s.place ?? `${s.lat}, ${s.lon}`,
  }));
  const scannersByNetwork = (raw?.scanners ?? []).map(([n, networks]): [number, number] => [
    Number(n),
    Number(networks),
  ]);
  return {
    scannersByNetwork,
    retailers: raw?.retailers ?? intakes.map((i) => i.retailer),
    reads: [...intakeReads, ...scanReads],
  };
}

export function copyThresholds(config: Config): CopyThresholds {
  return {
    maxRetailers: config.COPY_MAX_RETAILERS,
    farKm: config.COPY_FAR_KM,
    farHours: config.COPY_FAR_HOURS,
    maxScanners: config.COPY_MAX_SCANNERS,
    maxScannersPerNetwork: config.COPY_MAX_SCANNERS_PER_NETWORK,
  };
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
  const rows = await queryRows<{ serial: string | number; history: RawCopyHistory | null }>(
    db,
    sql`
    select q.serial, ${copyHistorySql(sql`q.serial`)} as history
    from (select distinct value::bigint as serial from json_array_elements_text(${JSON.stringify(serials)}::json)) as q`,
  );
  return new Map(rows.map((r) => [Number(r.serial), signalsFor(r.history, config)]));
}
