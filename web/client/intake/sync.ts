/**
 * Recording finished sessions with the service. A session leaves the local queue only once the
 * service has recorded it and answered with its receipt; the upload carries the phone's clock
 * (`sentAt`) so the service can correct the scan times of a phone whose clock is off.
 */
import { t } from './lang';
import { store, type Pending, type Recorded, type Session } from './session-store';
import { Offline, send } from './verifier';

export type SyncHooks = { recorded: (recorded: Recorded, pending: Pending) => void; settled: () => void };

/** What the service records for each row: the read time, and what the phone showed if it was offline. */
function items(s: Session) {
  return s.rows.map((r) => {
    const offlineStatus = r.live ? r.offlineStatus : r.status;
    const offlineAsOf = r.live ? r.offlineAsOf : r.asOf;
    return {
      code: r.code,
      scannedAt: r.scannedAt,
      ...(offlineStatus ? { offlineStatus } : {}),
      ...(offlineAsOf ? { offlineAsOf } : {}),
    };
  });
}

let syncing: Promise<void> | null = null;

/**
 * Uploads finished sessions in order; a session leaves the queue only when the service has
 * recorded it. One the service refuses keeps its error and stays, without holding up the rest.
 */
export function syncPending(hooks: SyncHooks): Promise<void> {
  syncing ??= (async () => {
    for (const pending of store.pending()) {
      let outcome: { recorded?: Recorded; error?: string; offline?: boolean };
      try {
        const res = await send('/api/v1/intakes', {
          method: 'POST',
          body: JSON.stringify({
            sessionId: pending.session.id,
            pointOfSale: pending.pointOfSale,
            startedAt: pending.session.startedAt,
            sentAt: new Date().toISOString(),
            items: items(pending.session),
          }),
        });
        const body = (await res.json().catch(() => ({}))) as Recorded & { error?: { message: string } };
        outcome = res.ok
          ? { recorded: body }
          : { error: res.status === 401 ? t.signedOut : (body.error?.message ?? t.httpError(res.status)) };
      } catch (error) {
        outcome = { offline: error instanceof Offline, error: error instanceof Offline ? undefined : String(error) };
      }
      if (outcome.offline) break;
      const queue = store.pending();
      if (outcome.recorded) {
        store.savePending(queue.filter((p) => p.session.id !== pending.session.id));
        hooks.recorded(outcome.recorded, pending);
      } else {
        store.savePending(
          queue.map((p) => (p.session.id === pending.session.id ? { ...p, error: outcome.error ?? null } : p)),
        );
      }
    }
  })().finally(() => {
    syncing = null;
    hooks.settled();
  });
  return syncing;
}
