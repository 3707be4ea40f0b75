import { date, integer, pgTable, primaryKey, text, timestamp, uuid, index, uniqueIndex } from 'drizzle-orm/pg-core';
import { products } from './products';
import { certificates } from './certificates';
import { rawMaterialAreas } from './raw-material-areas';

/** A production lot. It keeps the certificate it was made under, even after a re-evaluation. */
export const batches = pgTable(
  'batches',
  {
    id: uuid().primaryKey(),
    productId: uuid().notNull().references(() => products.id),
    certificateId: uuid().notNull().references(() => certificates.id),
    lot: text().notNull(),
    productionDate: date().notNull(),
    bestBefore: date(),
    quantity: integer().notNull(),
    recalledOn: date(),
    recallReason: text(),
    recallBasis: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.productId), uniqueIndex().on(t.productId, t.lot)],
);

export const batchAreas = pgTable(
  'batch_areas',
  {
    batchId: uuid().notNull().references(() => batches.id),
    areaId: uuid().notNull().references(() => rawMaterialAreas.id),
  },
  (t) => [primaryKey({ columns: [t.batchId, t.areaId] })],
);
