import { bigserial, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Append-only and hash-chained: each row's hash covers its content and the previous row's hash,
 * so an edited or deleted row breaks every link after it (`npm run cli -- audit verify`).
 */
export const auditLog = pgTable('audit_log', {
  id: bigserial({ mode: 'number' }).primaryKey(),
  at: timestamp({ withTimezone: true }).notNull(),
  actor: text().notNull(),
  action: text().notNull(),
  entity: text().notNull(),
  entityId: text().notNull(),
  before: jsonb(),
  after: jsonb(),
  requestId: text(),
  prevHash: text().notNull(),
  hash: text().notNull(),
});
