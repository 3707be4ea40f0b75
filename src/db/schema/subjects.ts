import { pgEnum, pgTable, text, timestamp, uuid, boolean, index } from 'drizzle-orm/pg-core';

export const subjectKind = pgEnum('subject_kind', ['htx', 'to_hop_tac', 'doanh_nghiep', 'ho_kinh_doanh']);

/** A producer (chủ thể OCOP). Addresses keep the text as issued beside today's unit codes. */
export const subjects = pgTable(
  'subjects',
  {
    id: uuid().primaryKey(),
    kind: subjectKind().notNull(),
    name: text().notNull(),
    registrationNumber: text().notNull(),
    provinceCode: text().notNull(),
    communeCode: text(),
    addressAsIssued: text().notNull(),
    demo: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.provinceCode), index().on(t.registrationNumber)],
);
