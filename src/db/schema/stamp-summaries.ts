import { bigint, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { CopySignal } from '../../domain/copy-detection';
import type { IntakeRead, ScanRead } from '../../domain/read-summary';
import { batches } from './batches';

/**
 * What every read of a stamp comes to, kept by the writers in the transaction that records the
 * read (src/services/scans/read-summaries.ts): one row per stamp ever read, so a verdict and the
 * copy rules cost the same for a stamp scanned once and one scanned 200,000 times. Raw counters
 * only; the thresholds are applied when the row is read.
 */
export const stampSummaries = pgTable('stamp_summaries', {
  serial: bigint({ mode: 'number' }).primaryKey(),
  scanCount: bigint({ mode: 'number' }).notNull().default(0),
  firstScanAt: timestamp({ withTimezone: true }),
  firstScanPlace: text(),
  lastScanAt: timestamp({ withTimezone: true }),
  /** `[scanners, networks]` pairs, exact (see `CopyHistory.scannersByNetwork`). */
  scannersByNetwork: jsonb().$type<[number, number][]>().notNull().default([]),
  /** The newest located scans and intake reads (`READS_KEPT` of each). */
  scanReads: jsonb().$type<ScanRead[]>().notNull().default([]),
  intakeReads: jsonb().$type<IntakeRead[]>().notNull().default([]),
  /**
   * Distinct retailers that recorded the stamp in an intake, the first `RETAILERS_KEPT`: their
   * organisations' ids (an account made before organisations became one with its own id).
   */
  retailers: jsonb().$type<string[]>().notNull().default([]),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/**
 * Which scanners each network brought to a stamp, for counting distinct scanners on write.
 * Scanner and network hashes rotate daily, so a row is only ever matched on its own day: the
 * retention that drops a month of scans drops these rows of that month too (`day`).
 */
export const stampScanners = pgTable(
  'stamp_scanners',
  {
    serial: bigint({ mode: 'number' }).notNull(),
    /** The network hash, or the scanner's own when its network is unknown (a network of its own). */
    networkKey: text().notNull(),
    scannerHash: text().notNull(),
    day: date().notNull(),
  },
  (t) => [primaryKey({ columns: [t.serial, t.networkKey, t.scannerHash] }), index().on(t.day)],
);

/** How many scanners each network brought to a stamp: where a new scanner moves it in the histogram. */
export const stampNetworks = pgTable(
  'stamp_networks',
  {
    serial: bigint({ mode: 'number' }).notNull(),
    networkKey: text().notNull(),
    scanners: integer().notNull(),
    day: date().notNull(),
  },
  (t) => [primaryKey({ columns: [t.serial, t.networkKey] }), index().on(t.day)],
);

/**
 * Stamps whose reads trip a copy rule, written when a read arrives, so the inspectors' list is an
 * index scan. `signals` are those computed then, with the thresholds configured then: after a
 * change of COPY_* settings, `npm run cli -- copies reevaluate` brings the table up to date (the
 * verdict applies new thresholds at once, as it evaluates on read).
 */
export const suspectedCopies = pgTable(
  'suspected_copies',
  {
    serial: bigint({ mode: 'number' }).primaryKey(),
    batchId: uuid()
      .notNull()
      .references(() => batches.id),
    /** The producer's province when flagged: inspectors see the copies of their province's stamps. */
    provinceCode: text().notNull(),
    signals: jsonb().$type<CopySignal[]>().notNull(),
    flaggedAt: timestamp({ withTimezone: true }).notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index().on(t.provinceCode, t.flaggedAt), index().on(t.flaggedAt), index().on(t.batchId)],
);
