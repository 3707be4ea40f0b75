/**
 * Copy detection: a printed QR can be photocopied, and a copy shows itself in where and how
 * often the code is read. Pure rules over a stamp's read history; the thresholds come from
 * configuration (README, "Copy detection"). The verdict, the inspectors' list and the tests all
 * go through `copySignals`, so they cannot disagree about what is suspicious.
 */

export type CopyThresholds = {
  /** Received by more retailers than this. */
  maxRetailers: number;
  /** Two reads further apart than this many kilometres … */
  farKm: number;
  /** … within this many hours. */
  farHours: number;
  /** Scanned by more distinct scanners than this (a scanner counts once a day). */
  maxScanners: number;
};

/** A read with a coarse place: a scan's edge location, or the province of a retailer's intake. */
export type LocatedRead = { at: string; lat: number; lon: number; place: string };

export type CopyHistory = {
  distinctScanners: number;
  /** Retailer accounts that recorded the stamp in an intake session. */
  retailers: string[];
  reads: LocatedRead[];
};

/** The rules, in the order `copySignals` reports them. */
export const COPY_RULES = ['many_retailers', 'far_apart', 'many_scanners'] as const;

export type CopySignal =
  | { rule: 'many_retailers'; retailers: number }
  | { rule: 'far_apart'; from: string; to: string; km: number; hours: number }
  | { rule: 'many_scanners'; scanners: number };

export const EMPTY_HISTORY: CopyHistory = { distinctScanners: 0, retailers: [], reads: [] };

/** Every rule the history trips, in a fixed order; an empty list means nothing suspicious. */
export function copySignals(history: CopyHistory, t: CopyThresholds): CopySignal[] {
  const signals: CopySignal[] = [];
  const retailers = new Set(history.retailers).size;
  if (retailers > t.maxRetailers) signals.push({ rule: 'many_retailers', retailers });
  const far = farApartPair(history.reads, t);
  if (far) signals.push(far);
  if (history.distinctScanners > t.maxScanners) signals.push({ rule: 'many_scanners', scanners: history.distinctScanners });
  return signals;
}

/** The first pair of reads, in time order, that no one pack could have travelled between. */
function farApartPair(reads: LocatedRead[], t: CopyThresholds): Extract<CopySignal, { rule: 'far_apart' }> | null {
  const sorted = reads.map((r) => ({ ...r, ms: Date.parse(r.at) })).filter((r) => Number.isFinite(r.ms)).sort((a, b) => a.ms - b.ms);
  const windowMs = t.farHours * 3_600_000;
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length && sorted[j]!.ms - sorted[i]!.ms <= windowMs; j++) {
      const a = sorted[i]!;
      const b = sorted[j]!;
      const km = distanceKm(a, b);
      if (km > t.farKm) return { rule: 'far_apart', from: a.place, to: b.place, km: Math.round(km), hours: Math.round(((b.ms - a.ms) / 3_600_000) * 10) / 10 };
    }
  }
  return null;
}

/** Great-circle distance (haversine) on a 6,371 km sphere; plenty for "hundreds of km apart". */
export function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Half a degree (about 50 km): coarse enough that a stored scan place cannot find a person. */
export function coarseCoordinate(value: unknown): number | null {
  const n = typeof value === 'string' ? Number(value) : typeof value === 'number' ? value : NaN;
  return Number.isFinite(n) ? Math.round(n * 2) / 2 : null;
}

/** Ten minutes: what a consumer scan keeps of its time; hours apart is all the copy rules need. */
export function coarseTime(at: Date): Date {
  const step = 10 * 60_000;
  return new Date(Math.floor(at.getTime() / step) * step);
}
