import { bigint, bigserial, index, pgTable, primaryKey, real, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * A scan is a row only when it happens. No raw IP is stored: coarse place and a salted hash.
 * The table is partitioned by month in Vietnam (migration 0013, README "Scans over the years"),
 * which drizzle cannot declare: its primary key holds the partition column, as PostgreSQL
 * requires. What the verdict and copy detection need lives in `stamp_summaries`, so a month's
 * partition can be dropped without changing any verdict.
 */
export const scans = pgTable(
  'scans',
  {
    id: bigserial({ mode: 'number' }).notNull(),
    serial: bigint({ mode: 'number' }).notNull(),
    scannedAt: timestamp({ withTimezone: true }).notNull(),
    place: text(),
    /** Salted, daily: the scanner (address and User-Agent) and its network (IPv4 /24, IPv6 /48). */
    scannerHash: text(),
    networkHash: text(),
    /** The edge's city-level location rounded to half a degree (about 50 km): enough to tell
     * Hà Nội from Cà Mau for copy detection, too coarse to find anyone. */
    lat: real(),
    lon: real(),
  },
  (t) => [primaryKey({ columns: [t.id, t.scannedAt] }), index().on(t.serial, t.scannedAt)],
);
