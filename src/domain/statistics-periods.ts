import { addDays, type IsoDate } from './calendar';

/** Reports to the level above are monthly, quarterly (and half-yearly, as two quarters) or yearly. */
export const GRANULARITIES = ['month', 'quarter', 'year'] as const;
export type Granularity = (typeof GRANULARITIES)[number];

/** A report covers at most this many periods: 10 years of quarters, 5 of months. */
export const MAX_PERIODS = 60;

/** One column of a report: `key` as a person reads it ("2026-Q3"), its days from `start` to `end` inclusive. */
export type Period = { key: string; start: IsoDate; end: IsoDate };

const two = (n: number) => String(n).padStart(2, '0');

/** The period (in Vietnam's calendar: dates here are already Vietnamese dates) that holds `date`. */
export function periodOf(granularity: Granularity, date: IsoDate): Period {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const firstMonth = granularity === 'year' ? 1 : granularity === 'quarter' ? month - ((month - 1) % 3) : month;
  const months = granularity === 'year' ? 12 : granularity === 'quarter' ? 3 : 1;
  const start = `${year}-${two(firstMonth)}-01`;
  const next = firstMonth + months > 12 ? `${year + 1}-01-01` : `${year}-${two(firstMonth + months)}-01`;
  const key =
    granularity === 'year'
      ? String(year)
      : granularity === 'quarter'
        ? `${year}-Q${(firstMonth + 2) / 3}`
        : `${year}-${two(month)}`;
  return { key, start, end: addDays(next, -1) };
}

/** Every period from the one holding `from` to the one holding `to`, in order; null past MAX_PERIODS. */
export function periodsBetween(granularity: Granularity, from: IsoDate, to: IsoDate): Period[] | null {
  const periods: Period[] = [];
  for (let p = periodOf(granularity, from); p.start <= to; p = periodOf(granularity, addDays(p.end, 1))) {
    if (periods.length === MAX_PERIODS) return null;
    periods.push(p);
  }
  return periods;
}

/**
 * Sums day counts into the periods: `days` are (date, count) pairs as the database grouped them.
 * A date outside every period is ignored, so the caller's range decides what is counted.
 */
export function countByPeriod(periods: readonly Period[], days: readonly { day: IsoDate; n: number }[]): number[] {
  const totals = periods.map(() => 0);
  for (const { day, n } of days) {
    const i = periods.findIndex((p) => p.start <= day && day <= p.end);
    if (i >= 0) totals[i]! += n;
  }
  return totals;
}
