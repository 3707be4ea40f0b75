import { z } from '@hono/zod-openapi';
import { TARGET_KINDS } from '../../domain/plan-targets';
import { ACTIVITIES, FLOWS, LIVE_STATUSES } from '../../domain/statistics-measures';
import { GRANULARITIES } from '../../domain/statistics-periods';

const count = z.number().int();
const counts = <K extends z.ZodType>(key: K) => z.array(z.object({ key, count }));
const breakdown = (what: string) =>
  z
    .object({
      total: count,
      byProvince: counts(z.string()),
      byGroup: counts(z.string()),
      byStars: counts(z.number().int()),
      byStatus: counts(z.enum(LIVE_STATUSES)),
      bySubjectKind: counts(z.string()),
    })
    .openapi({ description: what });
const measures = Object.fromEntries([...FLOWS, ...ACTIVITIES].map((m) => [m, count])) as Record<
  (typeof FLOWS)[number] | (typeof ACTIVITIES)[number],
  typeof count
>;

export const targetSchema = z
  .object({
    id: z.string(),
    kind: z.enum(TARGET_KINDS),
    value: count,
    units: count.nullable(),
    sinceYear: count,
    year: count,
    note: z.string().nullable(),
    recordedAt: z.string().openapi({ format: 'date-time' }),
    progress: z
      .union([
        z.object({
          measured: z.literal(true),
          achieved: count,
          goal: count,
          ratio: z.number().openapi({ description: 'achieved / goal, at most 1' }),
          met: z.boolean(),
        }),
        z.object({ measured: z.literal(false) }).openapi({ description: 'Points of sale: not in the registry yet' }),
      ])
      .openapi({ description: 'Measured on the registry when the answer was made' }),
  })
  .openapi('PlanTargetProgress');

export const statisticsSchema = z
  .object({
    scope: z.object({ provinceCode: z.string().nullable().openapi({ description: 'null: every province' }) }),
    range: z.object({
      granularity: z.enum(GRANULARITIES),
      from: z.string().openapi({ format: 'date', description: 'First day of the first period (Vietnam)' }),
      to: z.string().openapi({ format: 'date', description: 'Last day of the last period (Vietnam)' }),
    }),
    today: z.string().openapi({ format: 'date' }),
    madeAt: z.string().openapi({ format: 'date-time' }),
    products: breakdown('Products, each counted once by its current certificate (its latest decision)'),
    certificates: breakdown('Every certificate ever issued, by its live status today'),
    cooperatives: z.object({
      subjectsInForce: count,
      cooperatives: count,
      share: z.number(),
      productsInForce: count,
      productsOfCooperatives: count,
      productShare: z.number(),
    }),
    communes: z.object({
      withProductInForce: count,
      list: z.array(
        z.object({
          provinceCode: z.string(),
          communeCode: z.string().nullable().openapi({ description: 'null: older records without a commune' }),
          products: count,
          inForce: count,
        }),
      ),
    }),
    periods: z.array(z.object({ key: z.string(), start: z.string(), end: z.string(), ...measures })),
    totals: z.object(measures),
    targets: z.array(targetSchema),
  })
  .openapi('Statistics');
