import { bigint, jsonb, pgEnum, pgTable, text, timestamp, uuid, index } from 'drizzle-orm/pg-core';
import { role } from './api-tokens';

/** A person who signs in with passkeys. There are no passwords. */
export const people = pgTable('people', {
  id: uuid().primaryKey(),
  name: text().notNull(),
  role: role().notNull(),
  /** Null means central (nationwide) for inspectors and authorities. */
  provinceCode: text(),
  subjectId: uuid(),
  /** A retailer's organisation (src/db/schema/retail-organisations.ts): whose clerk this is. */
  organisationId: uuid(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  disabledAt: timestamp({ withTimezone: true }),
});

/** One row per passkey; a person may hold several, each named, each removable. */
export const passkeys = pgTable(
  'passkeys',
  {
    /** The credential id, base64url, as the authenticator reports it. */
    id: text().primaryKey(),
    personId: uuid()
      .notNull()
      .references(() => people.id),
    name: text().notNull(),
    publicKey: text().notNull(),
    /** Signature counter: a clone of the authenticator shows up as a counter that goes back. */
    counter: bigint({ mode: 'number' }).notNull(),
    transports: jsonb().$type<string[]>().notNull().default([]),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index().on(t.personId)],
);

/** A one-time enrolment link: who the person will be, valid 24 h, used once. */
export const enrolments = pgTable('enrolments', {
  id: uuid().primaryKey(),
  tokenHash: text().notNull().unique(),
  name: text().notNull(),
  role: role().notNull(),
  provinceCode: text(),
  subjectId: uuid(),
  organisationId: uuid(),
  createdBy: text().notNull(),
  expiresAt: timestamp({ withTimezone: true }).notNull(),
  usedAt: timestamp({ withTimezone: true }),
  personId: uuid(),
  /** Set when the link is withdrawn (by a person, or superseded by a newer first-admin link). */
  withdrawnAt: timestamp({ withTimezone: true }),
});

export const challengePurpose = pgEnum('challenge_purpose', ['register', 'sign_in', 'step_up']);

/** Server-side WebAuthn challenges: single use and short-lived, so a replay finds nothing. */
export const webauthnChallenges = pgTable('webauthn_challenges', {
  id: uuid().primaryKey(),
  challenge: text().notNull().unique(),
  purpose: challengePurpose().notNull(),
  personId: uuid(),
  enrolmentId: uuid(),
  expiresAt: timestamp({ withTimezone: true }).notNull(),
  usedAt: timestamp({ withTimezone: true }),
});

/** Sessions behind the signed cookie, so sign-out and disabling a person take effect at once. */
export const sessions = pgTable('sessions', {
  id: uuid().primaryKey(),
  personId: uuid()
    .notNull()
    .references(() => people.id),
  csrfToken: text().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp({ withTimezone: true }).notNull(),
  stepUpAt: timestamp({ withTimezone: true }),
  revokedAt: timestamp({ withTimezone: true }),
});
