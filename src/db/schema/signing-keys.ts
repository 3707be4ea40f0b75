import { jsonb, pgEnum, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const keyState = pgEnum('key_state', ['active', 'retired', 'compromised']);

/** Public halves only. Private keys live in DATA_DIR (mode 0600) or a Workers secret. */
export const signingKeys = pgTable('signing_keys', {
  kid: text().primaryKey(),
  publicJwk: jsonb().$type<JsonWebKey>().notNull(),
  state: keyState().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  stateChangedAt: timestamp({ withTimezone: true }),
});
