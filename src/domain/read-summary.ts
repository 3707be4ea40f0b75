/**
 * How a stamp's read summary absorbs new reads: pure merges, so that the writers (one scan
 * batch, one intake) and the migration that builds summaries from old rows agree, and so that
 * what is kept stays bounded however often a stamp is read.
 */

/** A scan with a coarse place, as the copy rules read it. */
export type ScanRead = { at: string; lat: number; lon: number; place: string | null };
/** A code read in a retailer's intake; its place is the retailer's province. */
export type IntakeRead = { retailer: string; at: string; province: string };

/** The newest located reads kept per stamp, of scans and of intakes each: where a copy shows. */
export const READS_KEPT = 100;
/**
 * Distinct retailers remembered per stamp. `many_retailers` compares their number with
 * COPY_MAX_RETAILERS (default 1), so counting stops far beyond any sensible threshold.
 */
export const RETAILERS_KEPT = 100;

/** The `limit` newest of both lists, newest first; equal times keep the older list's entry first. */
export function newestReads<T extends { at: string }>(kept: T[], added: T[], limit = READS_KEPT): T[] {
  return [...kept, ...added]
    .map((read, order) => ({ read, order, ms: Date.parse(read.at) }))
    .sort((a, b) => b.ms - a.ms || a.order - b.order)
    .slice(0, limit)
    .map((r) => r.read);
}

/** Retailers in the order they first recorded the stamp, each once, at most `limit`. */
export function addRetailers(kept: string[], added: string[], limit = RETAILERS_KEPT): string[] {
  const all = new Set(kept);
  for (const retailer of added) {
    if (all.size >= limit) break;
    all.add(retailer);
  }
  return [...all];
}

/**
 * The `[scanners, networks]` histogram after some networks gained scanners: each move takes one
 * network from the bucket `from` (0 for a network new to the stamp) to the bucket `to`.
 */
export function moveInHistogram(
  histogram: [number, number][],
  moves: { from: number; to: number }[],
): [number, number][] {
  const networks = new Map(histogram.map(([n, count]) => [Number(n), Number(count)]));
  for (const { from, to } of moves) {
    if (from > 0) networks.set(from, (networks.get(from) ?? 0) - 1);
    networks.set(to, (networks.get(to) ?? 0) + 1);
  }
  return [...networks].filter(([, count]) => count > 0).sort((a, b) => a[0] - b[0]);
}

/** The Vietnamese calendar month of an instant, as `YYYY-MM`: the unit scans are stored and dropped by. */
export function vietnamMonth(at: Date): string {
  return new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 7);
}

/** The month after a `YYYY-MM` month. */
export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 7);
}
