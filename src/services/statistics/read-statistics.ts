import { vietnamToday } from '../../domain/calendar';
import { countByPeriod, periodsBetween, type Granularity, type Period } from '../../domain/statistics-periods';
import { invalid } from '../shared/errors';
import { authorize, listScope } from '../shared/policy';
import { service } from '../shared/service';
import { ACTIVITIES, FLOWS, type Activity, type Flow } from '../../domain/statistics-measures';
import { activityByDay } from './activity-counts';
import { statisticsQuery } from './inputs';
import { decisionsByDay, expiriesByDay, revocationsByDay, type DayCount, type Movement } from './flow-counts';
import { stockRows, subjectsInForceByKind } from './registry-counts';
import { breakdown, byCommune, communesWith } from './summarize';
import { targetsWithProgress } from './target-progress';

export type PeriodCounts = Period & Record<Flow | Activity, number>;

/**
 * The programme's statistics in the caller's scope (a province, or all of them for central and
 * admin): the stock of products and certificates today, what moved in each period of the range
 * (Vietnamese calendar), and the plan's targets with their progress. Every figure is a count the
 * registry holds; the exports and the page lay out this one object.
 */
export const readStatistics = service({
  action: 'statistics.read',
  input: statisticsQuery,
  run: async ({ ctx, input }) => {
    const own = listScope(ctx.actor, 'statistics.read').provinceCode ?? null;
    const provinceCode = input.province ?? own;
    if (input.province) authorize(ctx.actor, 'statistics.read', { provinceCode: input.province, subjectId: null });
    const madeAt = ctx.now();
    const today = vietnamToday(madeAt);
    const periods = periodsBetween(input.granularity, input.from ?? `${today.slice(0, 4)}-01-01`, input.to ?? today);
    if (!periods)
      throw invalid('Khoảng thời gian quá dài: tối đa 60 kỳ báo cáo.', [{ path: 'from', message: 'Quá xa.' }]);
    const from = periods[0]!.start;
    const to = periods.at(-1)!.end;

    // Independent reads: on PostgreSQL they run side by side on the pool (PGlite queues them).
    const [{ stock, communes: communeRows }, subjectKinds, flows, activity] = await Promise.all([
      stockRows(ctx.db, provinceCode, today),
      subjectsInForceByKind(ctx.db, provinceCode, today),
      flowsByDay(ctx.db, provinceCode, from, to, today),
      activityByDay(ctx.db, provinceCode, from, to),
    ]);
    const current = stock.filter((r) => r.current);
    const communes = byCommune(communeRows);
    const inForce = current.filter((r) => r.status === 'valid');
    const subjectsInForce = subjectKinds.reduce((n, k) => n + k.count, 0);
    const cooperatives = subjectKinds.find((k) => k.kind === 'htx')?.count ?? 0;
    const productsOfCooperatives = inForce.filter((r) => r.subjectKind === 'htx').reduce((n, r) => n + r.count, 0);
    const productsInForce = inForce.reduce((n, r) => n + r.count, 0);

    const series = Object.fromEntries(
      [...FLOWS.map((f) => [f, flows[f]] as const), ...ACTIVITIES.map((a) => [a, activity[a]] as const)].map(
        ([name, days]) => [name, countByPeriod(periods, days)],
      ),
    ) as Record<Flow | Activity, number[]>;
    const byPeriod: PeriodCounts[] = periods.map((p, i) => ({
      ...p,
      ...(Object.fromEntries(Object.entries(series).map(([name, counts]) => [name, counts[i]!])) as Record<
        Flow | Activity,
        number
      >),
    }));
    const totals = Object.fromEntries(Object.entries(series).map(([k, v]) => [k, v.reduce((a, b) => a + b, 0)]));

    return {
      scope: { provinceCode },
      range: { granularity: input.granularity as Granularity, from, to },
      today,
      madeAt,
      products: breakdown(current),
      certificates: breakdown(stock),
      cooperatives: {
        subjectsInForce,
        cooperatives,
        share: subjectsInForce ? cooperatives / subjectsInForce : 0,
        productsInForce,
        productsOfCooperatives,
        productShare: productsInForce ? productsOfCooperatives / productsInForce : 0,
      },
      communes: { withProductInForce: communesWith(communes, 1), list: communes },
      periods: byPeriod,
      totals: totals as Record<Flow | Activity, number>,
      targets: await targetsWithProgress(ctx.db, provinceCode, communes, productsInForce),
    };
  },
});

export type Statistics = Awaited<ReturnType<typeof readStatistics>>;

async function flowsByDay(
  db: Parameters<typeof stockRows>[0],
  provinceCode: string | null,
  from: string,
  to: string,
  today: string,
): Promise<Record<Flow, DayCount[]>> {
  const [decisions, expired, revoked] = await Promise.all([
    decisionsByDay(db, provinceCode, from, to),
    // Only what has lapsed by today: a range reaching into the future counts no expiry there yet.
    expiriesByDay(db, provinceCode, from, to < today ? to : today),
    revocationsByDay(db, provinceCode, from, to),
  ]);
  const of = (m: Movement) => decisions.filter((d) => d.movement === m);
  return {
    new: of('new'),
    renewed: of('renewed'),
    upgraded: of('upgraded'),
    downgraded: of('downgraded'),
    expired,
    revoked,
  };
}
