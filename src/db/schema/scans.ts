import { bigint, bigserial, pgTable, text, timestamp, index } from 'drizzle-orm/pg-core';

/** A scan is a row only when it happens. No raw IP is stored: coarse place and a salted hash. */
export const scans = pgTable(
  'scans',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    serial: bigint({ mode: 'number' }).notNull(),
    scannedAt: timestamp({ withTimezone: true }).notNull(),
    place: text(),
    scannerHash: text(),
  },
  (t) => [index().on(t.serial, t.scannedAt)],
);
