import {
  bigint,
  date,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uuid,
  bigserial,
  index,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { certificates, certificateStatus } from './certificates';
import { inspections } from './inspections';

export const certificateEventKind = pgEnum('certificate_event_kind', [
  'issued',
  'suspended',
  'reinstated',
  'revoked',
  'superseded',
  'corrected',
]);

/** The grounds for revocation seen in practice (DOMAIN.md). */
export const revocationGrounds = pgEnum('revocation_grounds', [
  'no_reevaluation',
  'failed_criteria',
  'violation',
  'production_stopped',
  'mark_misuse',
]);

/**
 * Every state change with its date, reason and legal basis (decision number). Append-only: a
 * mistaken action is answered by a `corrected` event that names it, never by a delete.
 */
export const certificateEvents = pgTable(
  'certificate_events',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    certificateId: uuid()
      .notNull()
      .references(() => certificates.id),
    kind: certificateEventKind().notNull(),
    effectiveOn: date().notNull(),
    reason: text(),
    basis: text(),
    /** The body that decided (e.g. "Sở Nông nghiệp và Môi trường Lạng Sơn"). */
    decidedBy: text(),
    grounds: revocationGrounds(),
    fromStatus: certificateStatus(),
    toStatus: certificateStatus(),
    inspectionId: uuid().references(() => inspections.id),
    correctsEventId: bigint({ mode: 'number' }).references((): AnyPgColumn => certificateEvents.id),
    /** For `superseded`: the certificate that replaced this one after re-evaluation. */
    relatedCertificateId: uuid().references(() => certificates.id),
    actor: text().notNull(),
    recordedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.certificateId)],
);
