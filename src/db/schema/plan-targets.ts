import { integer, pgEnum, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { TARGET_KINDS } from '../../domain/plan-targets';

export const targetKind = pgEnum('target_kind', TARGET_KINDS);

/**
 * A target of a provincial (or, with no province, the national) OCOP plan. One row per province,
 * kind and deadline year: recording it again replaces the figure (audited with before and after).
 */
export const planTargets = pgTable(
  'plan_targets',
  {
    id: uuid().primaryKey(),
    /** null = the national plan, recorded by central authorities. */
    provinceCode: text(),
    kind: targetKind().notNull(),
    /** Products per commune, new products, a percentage upgraded, or points of sale per district. */
    value: integer().notNull(),
    /** How many communes (or districts) the plan covers: the denominator of a per-commune target. */
    units: integer(),
    /** The plan's window: from 1 January of `sinceYear` to 31 December of `year`. */
    sinceYear: integer().notNull(),
    year: integer().notNull(),
    note: text(),
    recordedBy: text().notNull(),
    recordedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [unique().on(t.provinceCode, t.kind, t.year).nullsNotDistinct()],
);
