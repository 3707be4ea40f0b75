import {
  bigint,
  bigserial,
  date,
  index,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { batches } from './batches';
import { inspections } from './inspections';

export const batchEventKind = pgEnum('batch_event_kind', ['recalled', 'recall_corrected']);

/** Recalls of a batch and their corrections, with date, reason and basis. Append-only. */
export const batchEvents = pgTable(
  'batch_events',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    batchId: uuid()
      .notNull()
      .references(() => batches.id),
    kind: batchEventKind().notNull(),
    effectiveOn: date().notNull(),
    reason: text().notNull(),
    basis: text().notNull(),
    decidedBy: text(),
    inspectionId: uuid().references(() => inspections.id),
    correctsEventId: bigint({ mode: 'number' }).references((): AnyPgColumn => batchEvents.id),
    actor: text().notNull(),
    recordedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.batchId)],
);
