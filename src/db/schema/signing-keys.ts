import { jsonb, pgEnum, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const keyState = pgEnum('key_state', ['active', 'retired', 'compromised']);

/**
 * Every instance reads its keys here. The private half is sealed under the key-encryption key
 * (src/keys/key-encryption.ts); it is null only for a key whose private half lives outside the
 * database (SIGNING_KEY, or a DATA_DIR key file that has not been imported yet).
 */
export const signingKeys = pgTable('signing_keys', {
  kid: text().primaryKey(),
  publicJwk: jsonb().$type<JsonWebKey>().notNull(),
  state: keyState().notNull(),
  privateKeySealed: text(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  stateChangedAt: timestamp({ withTimezone: true }),
});
