import { date, pgEnum, pgTable, text, timestamp, uuid, bigserial, index } from 'drizzle-orm/pg-core';
import { certificates } from './certificates';

export const certificateEventKind = pgEnum('certificate_event_kind', [
  'issued', 'suspended', 'reinstated', 'revoked', 'superseded', 'corrected',
]);

/** Every state change with its date, reason and legal basis (decision number). Append-only. */
export const certificateEvents = pgTable(
  'certificate_events',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    certificateId: uuid().notNull().references(() => certificates.id),
    kind: certificateEventKind().notNull(),
    effectiveOn: date().notNull(),
    reason: text(),
    basis: text(),
    actor: text().notNull(),
    recordedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.certificateId)],
);
