/**
 * Goods accepted offline that the service, once reachable, judges worse: a stamp read as genuine
 * in the back room whose certificate was revoked, whose batch was recalled or which was voided
 * before the sync. The shelf now holds goods that must not be sold, so the page says so loudly
 * (role="alert", a list of the codes) and keeps saying it, across reloads, until dismissed.
 */
import { VERDICT_STATUSES, type VerdictStatus } from '../../../src/domain/verdict';
import { feedback } from './feedback';
import { statusTitle, t } from './lang';
import { store, type Row, type Worse } from './session-store';

/** Verdict precedence doubles as severity: earlier in the list is worse (src/domain/verdict.ts). */
export function isWorse(now: VerdictStatus, then: VerdictStatus): boolean {
  return VERDICT_STATUSES.indexOf(now) < VERDICT_STATUSES.indexOf(then);
}

/** What the phone showed for a row read offline, if it was (a refreshed row keeps it in `offlineStatus`). */
export function offlineVerdict(row: Row): VerdictStatus | undefined {
  return row.live ? row.offlineStatus : row.status;
}

/** One entry per row whose live verdict is worse than what was shown offline. */
export function worseReads(sessionId: string, rows: Row[], live: (VerdictStatus | undefined)[]): Worse[] {
  return rows.flatMap((row, i) => {
    const offline = offlineVerdict(row);
    const now = live[i];
    return offline && now && isWorse(now, offline)
      ? [{ key: `${sessionId}:${i}`, code: row.code, product: row.product, lot: row.lot, offline, now }]
      : [];
  });
}

/** Adds what is new to the standing alert, and sounds the danger tone when anything was. */
export function raiseWorse(found: Worse[]): void {
  const known = store.worse();
  const fresh = found.filter((w) => !known.some((k) => k.key === w.key));
  if (fresh.length === 0) return;
  store.saveWorse([...known, ...fresh]);
  renderWorse();
  feedback('danger');
}

export function renderWorse(): void {
  const list = store.worse();
  const box = document.querySelector<HTMLElement>('#worse')!;
  box.hidden = list.length === 0;
  document.querySelector('#worse-title')!.textContent = list.length ? t.worseTitle(list.length) : '';
  document.querySelector('#worse-list')!.replaceChildren(
    ...list.map((w) => {
      const li = document.createElement('li');
      li.dataset.code = w.code;
      li.dataset.status = w.now;
      li.innerHTML = '<strong></strong> <span></span><br><code></code>';
      li.querySelector('strong')!.textContent = t.worseItem(statusTitle(w.now), statusTitle(w.offline));
      li.querySelector('span')!.textContent = [w.product, w.lot ? t.lot(w.lot) : null].filter(Boolean).join(' · ');
      li.querySelector('code')!.textContent = w.code;
      return li;
    }),
  );
}

export function wireWorse(): void {
  document.querySelector('#worse-dismiss')!.addEventListener('click', () => {
    store.saveWorse([]);
    renderWorse();
  });
  renderWorse();
}
