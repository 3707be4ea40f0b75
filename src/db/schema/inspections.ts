import { date, index, jsonb, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { batches } from './batches';
import { products } from './products';
import { rawMaterialAreas } from './raw-material-areas';
import { subjects } from './subjects';

export const inspectionScope = pgEnum('inspection_scope', ['subject', 'product', 'batch', 'area']);
export const inspectionResult = pgEnum('inspection_result', ['pass', 'violations']);

export type InspectionSample = { code: string; description: string; result?: string };
/** Evidence stays where it is kept; we hold a link, a SHA-256 of the file, or both. */
export type InspectionAttachment = { name: string; url?: string; sha256?: string };

/**
 * A post-certification inspection (hậu kiểm). It always names the subject, so the inspector's
 * province is checked against it; product, batch or area narrow the scope. Append-only: a wrong
 * record is answered by a new one, and actions taken from it point back here.
 */
export const inspections = pgTable(
  'inspections',
  {
    id: uuid().primaryKey(),
    subjectId: uuid()
      .notNull()
      .references(() => subjects.id),
    provinceCode: text().notNull(),
    scope: inspectionScope().notNull(),
    productId: uuid().references(() => products.id),
    batchId: uuid().references(() => batches.id),
    areaId: uuid().references(() => rawMaterialAreas.id),
    inspectedOn: date().notNull(),
    agency: text().notNull(),
    findings: text().notNull(),
    samples: jsonb().$type<InspectionSample[]>().notNull().default([]),
    result: inspectionResult().notNull(),
    attachments: jsonb().$type<InspectionAttachment[]>().notNull().default([]),
    recordedBy: text().notNull(),
    recordedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.subjectId), index().on(t.productId), index().on(t.provinceCode, t.inspectedOn)],
);
