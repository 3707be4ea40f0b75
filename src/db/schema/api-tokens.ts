import { pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const role = pgEnum('role', ['retailer', 'producer', 'inspector', 'authority', 'admin']);

/** Bearer tokens for machine clients. Only a SHA-256 of the secret is stored. */
export const apiTokens = pgTable('api_tokens', {
  id: uuid().primaryKey(),
  tokenHash: text().notNull().unique(),
  name: text().notNull(),
  role: role().notNull(),
  /** Two-digit province code; null means central (nationwide) for inspectors and authorities. */
  provinceCode: text(),
  subjectId: uuid(),
  /** A retailer token's organisation: its intakes count as that organisation's. */
  organisationId: uuid(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp({ withTimezone: true }),
  revokedAt: timestamp({ withTimezone: true }),
  /** Who created it (a person's id, or the CLI): off-boarding that person revokes it too. */
  createdBy: text(),
});
