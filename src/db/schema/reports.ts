import { bigint, index, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const reportProblem = pgEnum('report_problem', [
  'counterfeit',
  'quality',
  'label',
  'expired_or_recalled',
  'other',
]);
export const reportState = pgEnum('report_state', ['open', 'closed']);

/**
 * A consumer's "Báo cáo nghi vấn". It lands in the queue of the stamp's province (or, for a
 * code we cannot place, the province where it was bought; null = the central queue). Contact
 * details are optional and never required to act on it.
 */
export const reports = pgTable(
  'reports',
  {
    id: uuid().primaryKey(),
    code: text().notNull(),
    serial: bigint({ mode: 'number' }),
    verdictStatus: text().notNull(),
    provinceCode: text(),
    subjectId: uuid(),
    productId: uuid(),
    problem: reportProblem().notNull(),
    details: text().notNull(),
    placeOfPurchase: text(),
    contact: text(),
    state: reportState().notNull().default('open'),
    closedNote: text(),
    closedBy: text(),
    closedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.provinceCode, t.state, t.createdAt), index().on(t.serial)],
);
