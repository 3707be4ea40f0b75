import { bigserial, date, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { inspections } from './inspections';
import { rawMaterialAreas } from './raw-material-areas';

/**
 * An inspector's finding that a raw-material area's standard (VietGAP, organic…) has lapsed.
 * The verdict shows it beside the area, so a buyer is not told the inputs are still certified.
 */
export const areaFlags = pgTable(
  'area_flags',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    areaId: uuid()
      .notNull()
      .references(() => rawMaterialAreas.id),
    standard: text().notNull(),
    flaggedOn: date().notNull(),
    reason: text().notNull(),
    inspectionId: uuid().references(() => inspections.id),
    actor: text().notNull(),
    recordedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.areaId)],
);
