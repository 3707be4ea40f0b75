import { pgTable, text, timestamp, uuid, index } from 'drizzle-orm/pg-core';
import { subjects } from './subjects';
import { REGISTRY_ENTITIES } from '../../domain/registry-entities';
import { searchTextExpression } from '../search-text';

/** The taxonomy version is stored so a product keeps the classification it was registered under. */
export const products = pgTable(
  'products',
  {
    id: uuid().primaryKey(),
    subjectId: uuid()
      .notNull()
      .references(() => subjects.id),
    name: text().notNull(),
    taxonomyVersion: text().notNull(),
    groupCode: text().notNull(),
    subgroupCode: text().notNull(),
    gtin: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Folded text that `q` searches (src/domain/search-fold.ts); PostgreSQL keeps it current. */
    searchText: text().notNull().generatedAlwaysAs(searchTextExpression(REGISTRY_ENTITIES.products.searched)),
  },
  (t) => [index().on(t.subjectId), index().using('gin', t.searchText.op('gin_trgm_ops'))],
);
