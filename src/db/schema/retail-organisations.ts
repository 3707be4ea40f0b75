import { sql } from 'drizzle-orm';
import { date, index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * Where a shop stands with the provincial OCOP office: `open` is designated and trading,
 * `suspended` is pending an inspection, `closed` is for good. A point of sale reads as the worse
 * of its own status and its organisation's, so suspending a chain suspends every shop of it.
 */
export const registrationStatus = pgEnum('registration_status', ['open', 'suspended', 'closed']);

/**
 * A retailer: the business behind one or more points of sale. Its accounts (people and tokens)
 * are its clerks and machines; the `many_retailers` copy rule counts organisations, not accounts.
 * Organisations made from the accounts that existed before this table have the account's id and
 * no registration number until an authority records it (migrations/0016_retail_accounts_own_organisation.sql).
 */
export const retailOrganisations = pgTable(
  'retail_organisations',
  {
    id: uuid().primaryKey(),
    name: text().notNull(),
    /** Business registration or tax number; null for an organisation made from an older account. */
    registrationNumber: text(),
    address: text(),
    provinceCode: text().notNull(),
    communeCode: text(),
    status: registrationStatus().notNull().default('open'),
    statusReason: text(),
    statusChangedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.provinceCode),
    // One live registration per number and province, held by the database so two authorities
    // registering the same shop at the same instant cannot both succeed.
    uniqueIndex('retail_organisations_live_registration')
      .on(t.provinceCode, t.registrationNumber)
      .where(sql`status <> 'closed'`),
  ],
);

/**
 * A shop designated "Điểm giới thiệu và bán sản phẩm OCOP". Its province is its organisation's
 * (an organisation is registered in one province), kept here so the public register filters by
 * province and commune with one index.
 */
export const pointsOfSale = pgTable(
  'points_of_sale',
  {
    id: uuid().primaryKey(),
    organisationId: uuid()
      .notNull()
      .references(() => retailOrganisations.id),
    name: text().notNull(),
    address: text().notNull(),
    provinceCode: text().notNull(),
    communeCode: text().notNull(),
    /** The commune's name as written on the designation, for people reading the register. */
    communeName: text().notNull(),
    openedOn: date().notNull(),
    closedOn: date(),
    status: registrationStatus().notNull().default('open'),
    statusReason: text(),
    statusChangedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.provinceCode, t.communeCode), index().on(t.organisationId)],
);
