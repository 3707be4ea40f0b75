import { bigint, bigserial, pgTable, real, text, timestamp, index } from 'drizzle-orm/pg-core';

/** A scan is a row only when it happens. No raw IP is stored: coarse place and a salted hash. */
export const scans = pgTable(
  'scans',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
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
  (t) => [index().on(t.serial, t.scannedAt)],
);
