import { date, integer, pgTable, primaryKey, text, timestamp, uuid, index, uniqueIndex } from 'drizzle-orm/pg-core';
import { products } from './products';
import { certificates } from './certificates';
import { rawMaterialAreas } from './raw-material-areas';
import { REGISTRY_ENTITIES } from '../../domain/registry-entities';
import { searchTextExpression } from '../search-text';

/** A production lot. It keeps the certificate it was made under, even after a re-evaluation. */
export const batches = pgTable(
  'batches',
  {
    id: uuid().primaryKey(),
    productId: uuid()
      .notNull()
      .references(() => products.id),
    certificateId: uuid()
      .notNull()
      .references(() => certificates.id),
    lot: text().notNull(),
    productionDate: date().notNull(),
    bestBefore: date(),
    quantity: integer().notNull(),
    recalledOn: date(),
    recallReason: text(),
    recallBasis: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Folded text that `q` searches (src/domain/search-fold.ts); PostgreSQL keeps it current. */
    searchText: text().notNull().generatedAlwaysAs(searchTextExpression(REGISTRY_ENTITIES.batches.searched)),
  },
  (t) => [
    index().on(t.productId),
    uniqueIndex().on(t.productId, t.lot),
    index().using('gin', t.searchText.op('gin_trgm_ops')),
  ],
);

export const batchAreas = pgTable(
  'batch_areas',
  {
    batchId: uuid()
      .notNull()
      .references(() => batches.id),
    areaId: uuid()
      .notNull()
      .references(() => rawMaterialAreas.id),
  },
  (t) => [primaryKey({ columns: [t.batchId, t.areaId] })],
);
