import { pgEnum, pgTable, text, timestamp, uuid, boolean, index } from 'drizzle-orm/pg-core';
import { REGISTRY_ENTITIES } from '../../domain/registry-entities';
import { searchTextExpression } from '../search-text';

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
    /** Folded text that `q` searches (src/domain/search-fold.ts); PostgreSQL keeps it current. */
    searchText: text().notNull().generatedAlwaysAs(searchTextExpression(REGISTRY_ENTITIES.subjects.searched)),
  },
  (t) => [
    index().on(t.provinceCode),
    index().on(t.registrationNumber),
    index().using('gin', t.searchText.op('gin_trgm_ops')),
  ],
);
