/** One scanned code as the result list shows it: colour, icon and words, never colour alone. */
import { statusTone } from '../../../src/domain/verdict';
import { STATUS_TEXT } from '../../i18n';
import type { Row } from './session-store';

const ICON = { ok: '✓', warning: '!', danger: '✕' } as const;

export const localTime = (iso: string) => new Date(iso).toLocaleString('vi-VN', { hour: '2-digit', minute: '2-digit', day: '2-digit', month: '2-digit', year: 'numeric' });

export function rowItem(row: Row): HTMLLIElement {
  const tone = statusTone(row.status);
  const li = document.createElement('li');
  li.className = `result ${tone}`;
  li.dataset.status = row.status;
  li.dataset.code = row.code;
  const title = STATUS_TEXT.vi[row.status].title;
  const facts = [row.product, row.stars ? `${row.stars}★` : null, row.producer, row.lot ? `lô ${row.lot}` : null].filter(Boolean).join(' · ');
  const notes = [
    row.duplicate ? 'Trùng: mã này đã quét trong phiên' : null,
    row.live ? null : `Ngoại tuyến, trạng thái tính đến ${row.asOf ? localTime(row.asOf) : 'chưa có dữ liệu'}`,
    ...row.signals.map((s) => `Nghi sao chép: ${s}`),
  ].filter((n): n is string => n !== null);
  li.innerHTML = '<span class="icon" aria-hidden="true"></span><div><strong></strong><span class="facts"></span><code></code><ul class="notes"></ul></div>';
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
