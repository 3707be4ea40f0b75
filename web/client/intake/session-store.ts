/**
 * The intake session lives in localStorage, written after every scan: a reload, a crash or a
 * dead battery loses nothing. A finished session waits in `pending` until the service has
 * recorded it and answered with a receipt; only then is it removed. The last finished session
 * is also kept on screen (`finished`) until the first read of the next one, and offline reads the
 * service later judged worse (`worse`) until the clerk says they were set aside.
 */
import type { VerdictStatus } from '../../../src/domain/verdict';
import type { Reading } from './verifier';

/** A read in the session. A row first decided offline keeps what the phone showed, for the receipt. */
export type Row = Reading & {
  scannedAt: string;
  duplicate: boolean;
  source: 'camera' | 'scanner' | 'paste' | 'csv';
  offlineStatus?: VerdictStatus;
  offlineAsOf?: string | null;
};
export type Session = { id: string; startedAt: string; rows: Row[] };
export type Pending = { session: Session; pointOfSale: string; error: string | null };
/** The service's answer to a recorded session (the verdicts count this session for copy detection). */
export type Recorded = {
  id: string;
  receiptUrl: string;
  recordedAt: string;
  itemCount: number;
  pointOfSale: string;
  verdicts: { status: VerdictStatus; scans?: { suspicious: boolean } }[];
};
/** The session just finished, shown until the next one starts; `receipt` once the service recorded it. */
export type Finished = {
  session: Session;
  pointOfSale: string;
  finishedAt: string;
  receipt: { id: string; recordedAt: string } | null;
};
/** A read accepted offline whose live verdict turned out worse. `key`: session id and position, so it is listed once. */
export type Worse = {
  key: string;
  code: string;
  product: string | null;
  lot: string | null;
  offline: VerdictStatus;
  now: VerdictStatus;
};

// Per account: on a shared phone, one person's queued sessions are never uploaded under another's.
const account = document.querySelector<HTMLElement>('[data-intake-account]')?.dataset.intakeAccount ?? 'unknown';
const KEY = {
  session: `ocop-intake:${account}:session`,
  pending: `ocop-intake:${account}:pending`,
  pointOfSale: `ocop-intake:${account}:point-of-sale`,
  finished: `ocop-intake:${account}:finished`,
  worse: `ocop-intake:${account}:worse`,
};

function read<T>(key: string, fallback: T): T {
  try {
    const text = localStorage.getItem(key);
    return text ? (JSON.parse(text) as T) : fallback;
  } catch {
    return fallback;
  }
}

function newSession(): Session {
  return { id: crypto.randomUUID().replace(/-/g, ''), startedAt: new Date().toISOString(), rows: [] };
}

export const store = {
  session: (): Session => read<Session | null>(KEY.session, null) ?? newSession(),
  saveSession: (s: Session) => localStorage.setItem(KEY.session, JSON.stringify(s)),
  pending: (): Pending[] => read<Pending[]>(KEY.pending, []),
  savePending: (p: Pending[]) => localStorage.setItem(KEY.pending, JSON.stringify(p)),
  pointOfSale: () => localStorage.getItem(KEY.pointOfSale) ?? '',
  savePointOfSale: (v: string) => localStorage.setItem(KEY.pointOfSale, v),
  finished: (): Finished | null => read<Finished | null>(KEY.finished, null),
  saveFinished: (f: Finished | null) =>
    f ? localStorage.setItem(KEY.finished, JSON.stringify(f)) : localStorage.removeItem(KEY.finished),
  worse: (): Worse[] => read<Worse[]>(KEY.worse, []),
  saveWorse: (w: Worse[]) => localStorage.setItem(KEY.worse, JSON.stringify(w)),
  /** Moves the current session to the upload queue (and to the screen as finished) and starts an empty one. */
  finish(pointOfSale: string): Session {
    const done = store.session();
    store.savePending([...store.pending(), { session: done, pointOfSale, error: null }]);
    store.saveFinished({ session: done, pointOfSale, finishedAt: new Date().toISOString(), receipt: null });
    const fresh = newSession();
    store.saveSession(fresh);
    return fresh;
  },
};
