/**
 * What the page shows of the session: the result list (newest first), the tally, and, once a
 * session is finished, that session with its receipt links until the next one starts.
 */
import { countByStatus, statusTone, VERDICT_STATUSES } from '../../../src/domain/verdict';
import { receiptLinks } from '../../intake-receipt-links';
import { lang, localTime, statusTitle, t } from './lang';
import { rowItem } from './result-row';
import { $ } from './page';
import type { Finished, Recorded, Row, Session } from './session-store';

/** The rows on screen: the session under way, or, while it is empty, the one just finished. */
export function shownRows(session: Session, finished: Finished | null): Row[] {
  return session.rows.length === 0 && finished ? finished.session.rows : session.rows;
}

export function renderSession(session: Session, finished: Finished | null): void {
  const rows = shownRows(session, finished);
  const showingFinished = session.rows.length === 0 && finished !== null;
  $('#results').replaceChildren(...[...rows].reverse().map(rowItem));
  const counts = countByStatus(rows.map((r) => r.status));
  $('#tally').replaceChildren(
    ...VERDICT_STATUSES.filter((s) => counts[s]).map((s) => {
      const li = document.createElement('li');
      li.className = statusTone(s);
      li.dataset.status = s;
      li.textContent = `${statusTitle(s)}: ${counts[s]}`;
      return li;
    }),
  );
  $('#tally-total').textContent = rows.length ? t.total(rows.length, rows.filter((r) => r.duplicate).length) : '';
  $('#session-title').textContent = showingFinished ? t.finishedTitle : t.results;
  $<HTMLButtonElement>('#finish').disabled = session.rows.length === 0;
  $<HTMLButtonElement>('#export').disabled = rows.length === 0;
  renderFinished(showingFinished ? finished : null);
}

function renderFinished(finished: Finished | null): void {
  const box = $<HTMLElement>('#session-state');
  box.hidden = finished === null;
  if (!finished) {
    box.replaceChildren();
    return;
  }
  const n = finished.session.rows.length;
  const parts: (string | Node)[] = [];
  if (finished.receipt) {
    parts.push(
      `${t.finishedRecorded(n, localTime(finished.receipt.recordedAt))} `,
      ...receiptAnchors(finished.receipt.id),
    );
  } else {
    parts.push(t.finishedWaiting(n, localTime(finished.finishedAt)));
  }
  parts.push(document.createElement('br'), t.finishedNext);
  box.replaceChildren(...parts);
}

function receiptAnchors(id: string): HTMLAnchorElement[] {
  const links = receiptLinks(id);
  return [
    [`${links.page}${lang === 'en' ? '?lang=en' : ''}`, t.viewReceipt, false],
    [links.pdf, t.pdf, true],
    [links.jws, t.download, true],
  ].map(([href, text, download]) => {
    const a = document.createElement('a');
    a.href = href as string;
    a.textContent = text as string;
    if (download) a.setAttribute('download', '');
    return a;
  });
}

/** A newly recorded session at the top of the receipts table, with its page, PDF and JWS. */
export function addReceiptRow(
  recorded: Recorded,
  pointOfSale: string,
  suspicious: number,
  suspiciousText: string,
): void {
  const tbody = $('#receipts tbody');
  tbody.querySelector('.empty')?.remove();
  const tr = document.createElement('tr');
  for (const text of [
    localTime(recorded.recordedAt),
    pointOfSale,
    suspicious ? `${recorded.itemCount} · ${suspiciousText}` : String(recorded.itemCount),
  ]) {
    const td = document.createElement('td');
    td.textContent = text;
    tr.appendChild(td);
  }
  const cell = document.createElement('td');
  const span = document.createElement('span');
  span.className = 'receipt-links';
  for (const anchor of receiptAnchors(recorded.id)) span.appendChild(anchor);
  cell.appendChild(span);
  tr.appendChild(cell);
  tbody.insertBefore(tr, tbody.firstChild);
}
