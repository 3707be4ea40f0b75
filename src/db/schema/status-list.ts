import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Signed status-list snapshots. A new version is written only when the content changes, so the
 * same list keeps the same bytes, version and issue time, and caches stay valid until it does.
 */
export const statusListSnapshots = pgTable('status_list_snapshots', {
  version: integer().primaryKey(),
  contentHash: text().notNull(),
  jws: text().notNull(),
  issuedAt: timestamp({ withTimezone: true }).notNull(),
});
