/**
 * Verdicts for the intake page: live from the service when the network answers, else from the
 * cached JWKS, signed Token Status Lists and province snapshot (the service worker keeps them), marked
 * offline with the list's issue time. The same precedence rules decide both (src/domain).
 */
import type { VerdictStatus } from '../../../src/domain/verdict';
import type { OfflineSnapshot } from '../../../src/services/intake/offline-snapshot';
import type { Verdict } from '../../../src/services/verification/verdict-types';
import { explainSignal } from '../../i18n';
import { csrf } from '../csrf';
import { STATUS_LIST_AGGREGATION_PATH, statusListPath } from '../../../src/domain/token-status-list';
import { OfflineVerifier, type Jwks } from '../../offline/offline-verifier';
import { lang } from './lang';
import { FROM_CACHE_HEADER } from './offline-copy';

export type Reading = {
  code: string;
  serial: number | null;
  status: VerdictStatus;
  /** false: decided offline, from the status list issued at `asOf`. */
  live: boolean;
  asOf: string | null;
  product: string | null;
  stars: number | null;
  producer: string | null;
  lot: string | null;
  /** Copy-detection explanations, in words (live verdicts only). */
  signals: string[];
};

const CHUNK = 250;

/** A fetch that failed to reach the service at all (as opposed to an answer we did not like). */
export class Offline extends Error {}

/**
 * Whether the service answered the last request. `navigator.onLine` only knows about the local
 * link; a back room with one bar of signal is "online" and still gets nothing through.
 */
export const network = { up: navigator.onLine };

export async function send(path: string, init: RequestInit = {}): Promise<Response> {
  try {
    const res = await fetch(path, {
      credentials: 'same-origin',
      ...init,
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrf(), ...(init.headers ?? {}) },
    });
    network.up = !res.headers.has(FROM_CACHE_HEADER);
    return res;
  } catch {
    network.up = false;
    throw new Offline('Không có kết nối mạng.');
  }
}

export class IntakeVerifier {
  private offline: OfflineVerifier | null = null;
  private snapshot: OfflineSnapshot | null = null;

  /** The issue time of the status list offline verdicts would use, or null before it is loaded. */
  get offlineAsOf(): string | null {
    return this.offline?.asOf ?? null;
  }

  /** Fetches (through the service worker, so from its cache when offline) what offline verdicts need. */
  async loadOfflineData(): Promise<void> {
    const [jwksRes, listsRes, snapshotRes] = await Promise.all(
      ['/.well-known/jwks.json', STATUS_LIST_AGGREGATION_PATH, '/api/v1/intakes/offline-snapshot'].map((path) =>
        send(path),
      ),
    );
    if (!jwksRes!.ok || !listsRes!.ok) throw new Error('Chưa tải được dữ liệu để kiểm tra ngoại tuyến.');
    const jwks = (await jwksRes!.json()) as Jwks;
    const { status_lists: lists } = (await listsRes!.json()) as { status_lists: string[] };
    this.offline = new OfflineVerifier(jwks, async (n) => {
      const res = await send(statusListPath(n));
      return res.ok ? res.text() : null;
    });
    // Every block's list now, while there is a network: the service worker keeps each one.
    await Promise.all(lists.map((_, n) => this.offline!.list(n)));
    if (snapshotRes!.ok) this.snapshot = (await snapshotRes!.json()) as OfflineSnapshot;
  }

  /** Verdicts in input order; `onProgress` gets the count done so far. Falls back to offline per chunk. */
  async verify(codes: string[], onProgress: (done: number) => void = () => {}): Promise<Reading[]> {
    const out: Reading[] = [];
    for (let i = 0; i < codes.length; i += CHUNK) {
      const chunk = codes.slice(i, i + CHUNK);
      // No answer, or one we cannot use: decide offline rather than lose what was scanned.
      out.push(...(await this.online(chunk).catch(() => Promise.all(chunk.map((code) => this.verifyOffline(code))))));
      onProgress(out.length);
    }
    return out;
  }

  private async online(codes: string[]): Promise<Reading[]> {
    const res = await send('/api/v1/verify', { method: 'POST', body: JSON.stringify({ codes }) });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const { verdicts } = (await res.json()) as { verdicts: Verdict[] };
    return verdicts.map((v) => ({
      code: v.code,
      serial: v.serial,
      status: v.status,
      live: v.live,
      asOf: null,
      product: v.product?.name ?? null,
      stars: v.product?.stars ?? null,
      producer: v.subject?.name ?? null,
      lot: v.batch?.lot ?? null,
      signals: (v.scans?.signals ?? []).map((s) => explainSignal(s, lang)),
    }));
  }

  async verifyOffline(code: string): Promise<Reading> {
    if (!this.offline) {
      return {
        code,
        serial: null,
        status: 'unknown',
        live: false,
        asOf: null,
        product: null,
        stars: null,
        producer: null,
        lot: null,
        signals: [],
      };
    }
    const v = await this.offline.verify(code);
    const batch =
      v.serial === null || v.status === 'forged'
        ? undefined
        : this.snapshot?.batches.find((b) => b.ranges.some(([first, last]) => v.serial! >= first && v.serial! <= last));
    return {
      code: v.code,
      serial: v.serial,
      status: v.status,
      live: false,
      asOf: v.asOf,
      product: batch?.product ?? null,
      stars: batch?.stars ?? null,
      producer: batch?.producer ?? null,
      lot: batch?.lot ?? null,
      signals: [],
    };
  }
}
