import { bigint, integer, pgTable, text, timestamp, uuid, index, uniqueIndex, check } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { batches } from './batches';

/**
 * Serials are handed out from one counter row, updated inside the issuing transaction: a job that
 * dies before commit reserves nothing, and concurrent jobs queue on the row lock, so every range
 * is contiguous. (A SEQUENCE is not transactional and cannot hand out a contiguous block.)
 */
export const serialCounter = pgTable('serial_counter', {
  id: integer().primaryKey(),
  nextSerial: bigint({ mode: 'number' }).notNull(),
});

/** A contiguous block of stamps for one batch: 100,000 stamps are one row. */
export const stampRanges = pgTable(
  'stamp_ranges',
  {
    id: uuid().primaryKey(),
    batchId: uuid()
      .notNull()
      .references(() => batches.id),
    kid: text().notNull(),
    firstSerial: bigint({ mode: 'number' }).notNull(),
    lastSerial: bigint({ mode: 'number' }).notNull(),
    idempotencyKey: text().notNull(),
    createdBy: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex().on(t.firstSerial),
    uniqueIndex().on(t.batchId, t.idempotencyKey),
    check('stamp_range_order', sql`${t.lastSerial} >= ${t.firstSerial}`),
  ],
);

/** Voided stamps are exceptions on top of a range: a misprint is one serial, a sheet a span. */
export const voidedSerials = pgTable(
  'voided_serials',
  {
    id: uuid().primaryKey(),
    rangeId: uuid()
      .notNull()
      .references(() => stampRanges.id),
    firstSerial: bigint({ mode: 'number' }).notNull(),
    lastSerial: bigint({ mode: 'number' }).notNull(),
    reason: text().notNull(),
    voidedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.firstSerial)],
);
