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
  /** Scanned by more distinct scanners than this (a scanner counts once a day) … */
  maxScanners: number;
  /** … where one network (IPv4 /24, IPv6 /48) counts for at most this many of them a day. */
  maxScannersPerNetwork: number;
};

/** A read with a coarse place: a scan's edge location, or the province of a retailer's intake. */
export type LocatedRead = { at: string; lat: number; lon: number; place: string };

export type CopyHistory = {
  /**
   * Distinct scanners per network and day, as `[scanners, networks]` pairs: `[[1, 7], [4, 1]]` is
   * seven networks with one scanner each and one with four. A scanner is a salted hash of address
   * and User-Agent, so a phone that keeps changing its User-Agent makes many scanners, but all on
   * one network. A scan whose network is unknown counts as a network of its own.
   */
  scannersByNetwork: [scanners: number, networks: number][];
  /** Retailers (organisations: two clerks of one shop are one) that recorded the stamp in an intake session. */
  retailers: string[];
  reads: LocatedRead[];
};

/** The rules, in the order `copySignals` reports them. */
export const COPY_RULES = ['many_retailers', 'far_apart', 'many_scanners'] as const;

export type CopySignal =
  | { rule: 'many_retailers'; retailers: number }
  | { rule: 'far_apart'; from: string; to: string; km: number; hours: number }
  | { rule: 'many_scanners'; scanners: number };

export const EMPTY_HISTORY: CopyHistory = { scannersByNetwork: [], retailers: [], reads: [] };

/** Scanners as `many_scanners` counts them: each network's, up to the per-network cap. */
export function countScanners(scannersByNetwork: CopyHistory['scannersByNetwork'], maxPerNetwork: number): number {
  return scannersByNetwork.reduce((sum, [scanners, networks]) => sum + Math.min(scanners, maxPerNetwork) * networks, 0);
}

/** Every rule the history trips, in a fixed order; an empty list means nothing suspicious. */
export function copySignals(history: CopyHistory, t: CopyThresholds): CopySignal[] {
  const signals: CopySignal[] = [];
  const retailers = new Set(history.retailers).size;
  if (retailers > t.maxRetailers) signals.push({ rule: 'many_retailers', retailers });
  const far = farApartPair(history.reads, t);
  if (far) signals.push(far);
  const scanners = countScanners(history.scannersByNetwork, t.maxScannersPerNetwork);
  if (scanners > t.maxScanners) signals.push({ rule: 'many_scanners', scanners });
  return signals;
}

/** The first pair of reads, in time order, that no one pack could have travelled between. */
function farApartPair(reads: LocatedRead[], t: CopyThresholds): Extract<CopySignal, { rule: 'far_apart' }> | null {
  const sorted = reads
    .map((r) => ({ ...r, ms: Date.parse(r.at) }))
    .filter((r) => Number.isFinite(r.ms))
    .sort((a, b) => a.ms - b.ms);
  const windowMs = t.farHours * 3_600_000;
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length && sorted[j]!.ms - sorted[i]!.ms <= windowMs; j++) {
      const a = sorted[i]!;
      const b = sorted[j]!;
      const km = distanceKm(a, b);
      if (km > t.farKm)
        return {
          rule: 'far_apart',
          from: a.place,
          to: b.place,
          km: Math.round(km),
          hours: Math.round(((b.ms - a.ms) / 3_600_000) * 10) / 10,
        };
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

/**
 * The network an address belongs to, as little as copy detection needs: an IPv4 /24 or an IPv6
 * /48 (one household, office or mobile carrier's block), or null when the address is unknown or
 * unreadable. Only a salted hash of it is ever stored.
 */
export function coarseNetwork(address: string | null | undefined): string | null {
  const a = (address ?? '').trim().toLowerCase().replace(/%.*$/, '');
  const v4 = /^(?:::ffff:)?(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(a);
  if (v4)
    return v4.slice(1).every((o) => Number(o) <= 255)
      ? `${Number(v4[1])}.${Number(v4[2])}.${Number(v4[3])}.0/24`
      : null;
  const groups = ipv6Groups(a);
  return groups
    ? `${groups
        .slice(0, 3)
        .map((g) => g.toString(16))
        .join(':')}::/48`
    : null;
}

/** The eight 16-bit groups of an IPv6 address (with `::` and a trailing dotted IPv4), or null. */
function ipv6Groups(a: string): number[] | null {
  const halves = a.split('::');
  if (halves.length > 2 || !a.includes(':')) return null;
  const parse = (part: string): number[] | null => {
    if (part === '') return [];
    const out: number[] = [];
    for (const [i, g] of part.split(':').entries()) {
      const last = i === part.split(':').length - 1;
      const v4 = last ? /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(g) : null;
      if (v4) {
        const o = v4.slice(1).map(Number);
        if (o.some((x) => x > 255)) return null;
        out.push(o[0]! * 256 + o[1]!, o[2]! * 256 + o[3]!);
      } else if (/^[0-9a-f]{1,4}$/.test(g)) out.push(parseInt(g, 16));
      else return null;
    }
    return out;
  };
  const head = parse(halves[0]!);
  const tail = halves.length === 2 ? parse(halves[1]!) : [];
  if (!head || !tail) return null;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return null;
  return [...head, ...Array<number>(missing).fill(0), ...tail];
}
