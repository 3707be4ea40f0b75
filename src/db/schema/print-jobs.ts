import { integer, pgTable, text, timestamp, uuid, uniqueIndex } from 'drizzle-orm/pg-core';
import { batches } from './batches';
import { stampRanges } from './stamps';

/**
 * A label print job: one reserved stamp range rendered with one template. The PDF is derived
 * from this row on every download (never stored), so it is identical each time.
 */
export const printJobs = pgTable(
  'print_jobs',
  {
    id: uuid().primaryKey(),
    batchId: uuid()
      .notNull()
      .references(() => batches.id),
    rangeId: uuid()
      .notNull()
      .references(() => stampRanges.id),
    templateId: text().notNull(),
    quantity: integer().notNull(),
    idempotencyKey: text().notNull(),
    createdBy: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex().on(t.batchId, t.idempotencyKey)],
);
