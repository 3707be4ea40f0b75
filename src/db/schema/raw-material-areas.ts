import { jsonb, pgEnum, pgTable, text, timestamp, uuid, index } from 'drizzle-orm/pg-core';
import { subjects } from './subjects';
import { REGISTRY_ENTITIES } from '../../domain/registry-entities';
import { searchTextExpression } from '../search-text';

export const areaKind = pgEnum('area_kind', ['growing_area', 'packing_house', 'other']);

export type AreaStandard = { name: string; certificateNumber?: string; expiresOn: string };

/** Vùng nguyên liệu. Each standard (VietGAP, organic…) carries its own certificate and expiry. */
export const rawMaterialAreas = pgTable(
  'raw_material_areas',
  {
    id: uuid().primaryKey(),
    subjectId: uuid()
      .notNull()
      .references(() => subjects.id),
    kind: areaKind().notNull(),
    name: text().notNull(),
    officialCode: text(),
    provinceCode: text().notNull(),
    communeCode: text(),
    geojson: jsonb(),
    standards: jsonb().$type<AreaStandard[]>().notNull().default([]),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Folded text that `q` searches (src/domain/search-fold.ts); PostgreSQL keeps it current. */
    searchText: text().notNull().generatedAlwaysAs(searchTextExpression(REGISTRY_ENTITIES.areas.searched)),
  },
  (t) => [index().on(t.subjectId), index().using('gin', t.searchText.op('gin_trgm_ops'))],
);
