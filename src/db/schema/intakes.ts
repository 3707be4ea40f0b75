import {
  bigint,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * A retailer's *receiving* event: one intake session (a carton, a delivery) with every code read
 * and the verdict the service gave it when the session was recorded.
 */
export const intakes = pgTable(
  'intakes',
  {
    id: uuid().primaryKey(),
    /** The receiving account: a retailer's person or API token id. Copy detection counts these. */
    retailerId: text().notNull(),
    retailerName: text().notNull(),
    /** The account's organisation when recorded; null before organisations (the account was its own). */
    organisationId: uuid(),
    provinceCode: text().notNull(),
    pointOfSale: text().notNull(),
    /** The client's id for its session: a retried or synced upload finds its first recording. */
    sessionId: text().notNull(),
    startedAt: timestamp({ withTimezone: true }).notNull(),
    finishedAt: timestamp({ withTimezone: true }).notNull(),
    recordedAt: timestamp({ withTimezone: true }).notNull(),
    itemCount: integer().notNull(),
    summary: jsonb().$type<Record<string, number>>().notNull(),
  },
  (t) => [
    uniqueIndex().on(t.retailerId, t.sessionId),
    index().on(t.retailerId, t.recordedAt),
    index().on(t.provinceCode, t.recordedAt),
  ],
);

export const intakeItems = pgTable(
  'intake_items',
  {
    intakeId: uuid()
      .notNull()
      .references(() => intakes.id),
    position: integer().notNull(),
    code: text().notNull(),
    serial: bigint({ mode: 'number' }),
    batchId: uuid(),
    /** The service's verdict when the session was recorded. */
    status: text().notNull(),
    /** When the retailer read the code; offline reads are older than the recording. */
    scannedAt: timestamp({ withTimezone: true }).notNull(),
    /** What the phone showed offline, and how old its status list was, if it was offline. */
    offlineStatus: text(),
    offlineAsOf: timestamp({ withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.intakeId, t.position] }), index().on(t.serial), index().on(t.batchId)],
);

/**
 * The signed receipt of an intake, the retailer's proof of due diligence, kept byte for byte. It is
 * signed last, once the session's reads are in, so its copy-detection flags count this intake too.
 */
export const intakeReceipts = pgTable('intake_receipts', {
  intakeId: uuid()
    .primaryKey()
    .references(() => intakes.id),
  kid: text().notNull(),
  jws: text().notNull(),
});
