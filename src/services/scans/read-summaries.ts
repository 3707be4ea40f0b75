import { inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { queryRows } from '../../db/prepared';
import { stampNetworks, stampScanners, stampSummaries } from '../../db/schema';
import { vietnamToday } from '../../domain/calendar';
import { addRetailers, moveInHistogram, newestReads, type IntakeRead, type ScanRead } from '../../domain/read-summary';
import type { ScanEvent } from './scan-sink';

export type ReadSummary = typeof stampSummaries.$inferSelect;

/**
 * A code read in a retailer's intake session, as the intake writer records it. `retailerId` is the
 * retailer the copy rules count: the account's organisation (`retailerOf(...).countedAs`).
 */
export type IntakeReadEvent = { serial: number; retailerId: string; provinceCode: string; scannedAt: Date };

/**
 * Folds a batch of scans, just inserted in the same transaction, into the summaries of their
 * stamps, and returns the summaries as they now stand. Scans without a scanner hash count, but
 * bring no scanner (as before summaries: only hashed scanners were ever counted).
 */
export async function summariseScans(db: Db, batch: ScanEvent[]): Promise<ReadSummary[]> {
  const summaries = await lockSummaries(
    db,
    batch.map((s) => s.serial),
  );
  const moves = await addScanners(db, batch);
  const bySerial = groupBySerial(batch);
  for (const summary of summaries) {
    const scans = bySerial.get(summary.serial)!;
    const first = scans.reduce((a, b) => (b.scannedAt < a.scannedAt ? b : a));
    const last = scans.reduce((a, b) => (b.scannedAt > a.scannedAt ? b : a));
    summary.scanCount = Number(summary.scanCount) + scans.length;
    if (!summary.firstScanAt || first.scannedAt < summary.firstScanAt) {
      summary.firstScanAt = first.scannedAt;
      summary.firstScanPlace = first.place;
    }
    if (!summary.lastScanAt || last.scannedAt > summary.lastScanAt) summary.lastScanAt = last.scannedAt;
    const located = scans.flatMap((s): ScanRead[] =>
      s.lat != null && s.lon != null ? [{ at: s.scannedAt.toISOString(), lat: s.lat, lon: s.lon, place: s.place }] : [],
    );
    if (located.length > 0) summary.scanReads = newestReads(summary.scanReads, located);
    summary.scannersByNetwork = moveInHistogram(summary.scannersByNetwork, moves.get(summary.serial) ?? []);
  }
  await saveSummaries(db, summaries);
  return summaries;
}

/** Folds an intake's reads, just inserted in the same transaction, into the summaries of their stamps. */
export async function summariseIntakeReads(db: Db, reads: IntakeReadEvent[]): Promise<ReadSummary[]> {
  const summaries = await lockSummaries(
    db,
    reads.map((r) => r.serial),
  );
  const bySerial = groupBySerial(reads);
  for (const summary of summaries) {
    const mine = bySerial.get(summary.serial)!.sort((a, b) => a.scannedAt.getTime() - b.scannedAt.getTime());
    const added = mine.map(
      (r): IntakeRead => ({ retailer: r.retailerId, at: r.scannedAt.toISOString(), province: r.provinceCode }),
    );
    summary.intakeReads = newestReads(summary.intakeReads, added);
    summary.retailers = addRetailers(
      summary.retailers,
      mine.map((r) => r.retailerId),
    );
  }
  await saveSummaries(db, summaries);
  return summaries;
}

/**
 * The summaries of these stamps, created where missing and locked until the transaction ends,
 * in serial order: every writer takes them in the same order, so two never deadlock, and the
 * one that waits reads what the other wrote.
 */
async function lockSummaries(db: Db, serials: number[]): Promise<ReadSummary[]> {
  const unique = [...new Set(serials)].sort((a, b) => a - b);
  if (unique.length === 0) return [];
  await db
    .insert(stampSummaries)
    .values(unique.map((serial) => ({ serial })))
    .onConflictDoNothing();
  return db
    .select()
    .from(stampSummaries)
    .where(inArray(stampSummaries.serial, unique))
    .orderBy(stampSummaries.serial)
    .for('update');
}

/**
 * Records which scanners are new to their stamp's network, and returns, per stamp, each network
 * that grew as a move in the histogram (from its old scanner count to its new one). A network is
 * the scan's network hash, or the scanner's own hash when its network is unknown.
 */
async function addScanners(db: Db, batch: ScanEvent[]): Promise<Map<number, { from: number; to: number }[]>> {
  const members = new Map<string, typeof stampScanners.$inferInsert>();
  for (const s of batch) {
    if (!s.scannerHash) continue;
    const networkKey = s.networkHash ?? s.scannerHash;
    members.set(`${s.serial}|${networkKey}|${s.scannerHash}`, {
      serial: s.serial,
      networkKey,
      scannerHash: s.scannerHash,
      day: vietnamToday(s.scannedAt),
    });
  }
  const moves = new Map<number, { from: number; to: number }[]>();
  if (members.size === 0) return moves;
  const added = await db
    .insert(stampScanners)
    .values([...members.values()])
    .onConflictDoNothing()
    .returning({ serial: stampScanners.serial, networkKey: stampScanners.networkKey, day: stampScanners.day });
  const grown = new Map<string, typeof stampNetworks.$inferInsert>();
  for (const a of added) {
    const key = `${a.serial}|${a.networkKey}`;
    const g = grown.get(key) ?? { serial: Number(a.serial), networkKey: a.networkKey, scanners: 0, day: a.day };
    g.scanners += 1;
    grown.set(key, g);
  }
  if (grown.size === 0) return moves;
  const counts = await db
    .insert(stampNetworks)
    .values([...grown.values()])
    .onConflictDoUpdate({
      target: [stampNetworks.serial, stampNetworks.networkKey],
      set: { scanners: sql`${stampNetworks.scanners} + excluded.scanners` },
    })
    .returning({
      serial: stampNetworks.serial,
      networkKey: stampNetworks.networkKey,
      scanners: stampNetworks.scanners,
    });
  for (const c of counts) {
    const serial = Number(c.serial);
    const gained = grown.get(`${serial}|${c.networkKey}`)!.scanners;
    const move = { from: c.scanners - gained, to: c.scanners };
    const mine = moves.get(serial);
    if (mine) mine.push(move);
    else moves.set(serial, [move]);
  }
  return moves;
}

function groupBySerial<T extends { serial: number }>(items: T[]): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const item of items) {
    const group = groups.get(item.serial);
    if (group) group.push(item);
    else groups.set(item.serial, [item]);
  }
  return groups;
}

/** Writes the summaries back in one statement. */
async function saveSummaries(db: Db, summaries: ReadSummary[]): Promise<void> {
  if (summaries.length === 0) return;
  const rows = summaries.map((s) => ({
    serial: s.serial,
    scan_count: s.scanCount,
    first_scan_at: s.firstScanAt?.toISOString() ?? null,
    first_scan_place: s.firstScanPlace,
    last_scan_at: s.lastScanAt?.toISOString() ?? null,
    scanners_by_network: s.scannersByNetwork,
    scan_reads: s.scanReads,
    intake_reads: s.intakeReads,
    retailers: s.retailers,
  }));
  await queryRows(
    db,
    sql`
    update stamp_summaries s set scan_count = v.scan_count, first_scan_at = v.first_scan_at, first_scan_place = v.first_scan_place,
      last_scan_at = v.last_scan_at, scanners_by_network = v.scanners_by_network, scan_reads = v.scan_reads, intake_reads = v.intake_reads,
      retailers = v.retailers, updated_at = now()
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as v(serial bigint, scan_count bigint, first_scan_at timestamptz,
      first_scan_place text, last_scan_at timestamptz, scanners_by_network jsonb, scan_reads jsonb, intake_reads jsonb, retailers jsonb)
    where s.serial = v.serial`,
  );
}
