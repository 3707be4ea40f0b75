/** One scanned code as the result list shows it: colour, icon and words, never colour alone. */
import { statusTone } from '../../../src/domain/verdict';
import { localTime, statusTitle, t } from './lang';
import type { Row } from './session-store';

const ICON = { ok: '✓', warning: '!', danger: '✕' } as const;

export function rowItem(row: Row): HTMLLIElement {
  const tone = statusTone(row.status);
  const li = document.createElement('li');
  li.className = `result ${tone}`;
  li.dataset.status = row.status;
  li.dataset.code = row.code;
  const title = statusTitle(row.status);
  const facts = [row.product, row.stars ? `${row.stars}★` : null, row.producer, row.lot ? t.lot(row.lot) : null]
    .filter(Boolean)
    .join(' · ');
  const notes = [
    row.duplicate ? t.duplicate : null,
    row.live ? null : t.offlineAsOf(row.asOf ? localTime(row.asOf) : null),
    row.live && row.offlineStatus && row.offlineStatus !== row.status
      ? t.wasOffline(statusTitle(row.offlineStatus))
      : null,
    ...row.signals.map((s) => t.copy(s)),
  ].filter((n): n is string => n !== null);
  li.innerHTML =
    '<span class="icon" aria-hidden="true"></span><div><strong></strong><span class="facts"></span><code></code><ul class="notes"></ul></div>';
  li.querySelector('.icon')!.textContent = ICON[tone];
  li.querySelector('strong')!.textContent = title;
  li.querySelector('.facts')!.textContent = facts;
  li.querySelector('code')!.textContent = row.code;
  for (const note of notes) {
    const n = document.createElement('li');
    n.textContent = note;
    li.querySelector('.notes')!.appendChild(n);
  }
  return li;
}
