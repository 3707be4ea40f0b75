import { pgTable, text, timestamp, uuid, index } from 'drizzle-orm/pg-core';
import { subjects } from './subjects';

/** The taxonomy version is stored so a product keeps the classification it was registered under. */
export const products = pgTable(
  'products',
  {
    id: uuid().primaryKey(),
    subjectId: uuid().notNull().references(() => subjects.id),
    name: text().notNull(),
    taxonomyVersion: text().notNull(),
    groupCode: text().notNull(),
    subgroupCode: text().notNull(),
    gtin: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.subjectId)],
);
