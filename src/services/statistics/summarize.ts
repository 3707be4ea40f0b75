import type { CommuneRow, StockRow } from './registry-counts';

export type Tally<K extends string | number> = { key: K; count: number }[];

/** Sums rows into one count per key, in key order: a breakdown that always adds up to its total. */
export function tally<K extends string | number>(rows: readonly StockRow[], keyOf: (r: StockRow) => K): Tally<K> {
  const sums = new Map<K, number>();
  for (const r of rows) sums.set(keyOf(r), (sums.get(keyOf(r)) ?? 0) + r.count);
  return [...sums].map(([key, count]) => ({ key, count })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

export const total = (rows: readonly StockRow[]) => rows.reduce((n, r) => n + r.count, 0);

/** The registry's stock broken down by each dimension the report to the level above asks for. */
export function breakdown(rows: readonly StockRow[]) {
  return {
    total: total(rows),
    byProvince: tally(rows, (r) => r.provinceCode),
    byGroup: tally(rows, (r) => r.groupCode),
    byStars: tally(rows, (r) => r.stars),
    byStatus: tally(rows, (r) => r.status),
    bySubjectKind: tally(rows, (r) => r.subjectKind),
  };
}

export type CommuneCount = { provinceCode: string; communeCode: string | null; products: number; inForce: number };

/** Products by commune (a subject without a commune code, from older records, is counted as its province's "unknown"). */
export function byCommune(current: readonly CommuneRow[]): CommuneCount[] {
  const communes = new Map<string, CommuneCount>();
  for (const r of current) {
    const key = `${r.provinceCode}/${r.communeCode ?? ''}`;
    const c = communes.get(key) ?? {
      provinceCode: r.provinceCode,
      communeCode: r.communeCode,
      products: 0,
      inForce: 0,
    };
    c.products += r.count;
    if (r.status === 'valid') c.inForce += r.count;
    communes.set(key, c);
  }
  return [...communes.values()].sort(
    (a, b) => a.provinceCode.localeCompare(b.provinceCode) || (a.communeCode ?? '').localeCompare(b.communeCode ?? ''),
  );
}

/** Communes (with a known code) that have at least `atLeast` products in force. */
export const communesWith = (communes: readonly CommuneCount[], atLeast: number) =>
  communes.filter((c) => c.communeCode !== null && c.inForce >= atLeast).length;
