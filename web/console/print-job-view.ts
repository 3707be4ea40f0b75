import type { SerialSpan } from '../../src/services/stamps/void-spans';
import { vietnamTime } from '../format';
import { html, type Html } from '../view';
import { vi } from '../words/vi';
import { actualSizeNote } from './print-view';
import { voidFields, type JobSummary } from './print-void-view';

export type PrintJobPage = {
  job: JobSummary & { createdAt: Date; templateName: string };
  parts: { part: number; labels: number; fileName: string }[];
  voids: { firstSerial: number; lastSerial: number; reason: string; voidedAt: Date }[];
  csrf: string;
  /** What the void just made, named on the page it lands on. */
  justVoided?: { spans: SerialSpan[]; count: number };
};

const spanText = (first: number, last: number) => (first === last ? String(first) : `${first}–${last}`);

/**
 * One print job: its parts to download (each always the same file, named by lot, job and part),
 * one by one or all at once; the stamps voided so far; a form to void more of its own serials.
 */
export function printJobView(p: PrintJobPage): Html {
  const { job, parts } = p;
  return html`${p.justVoided ? html`<p class="notice" role="status">${vi.messages.stampsVoided(p.justVoided.count, p.justVoided.spans.map((s) => spanText(s.first, s.last)).join(', '))}</p>` : ''}
<div class="card">
<p>${job.quantity} tem, sê-ri ${job.firstSerial}–${job.lastSerial}, mẫu ${job.templateName}, in lúc ${vietnamTime(job.createdAt)}.
Tải lại bất cứ lúc nào: tệp luôn giống hệt.</p>
<ul>${parts.map((part) => html`<li><a href="/api/v1/print-jobs/${job.id}/parts/${part.part}.pdf" download="${part.fileName}" data-part>Phần ${part.part} (${part.labels} tem, PDF)</a> <span class="hint">${part.fileName}</span></li>`)}</ul>
${
  parts.length > 1
    ? html`<button type="button" data-download-all>Tải tất cả ${parts.length} phần</button>
<p><label for="dl-progress">Tiến độ tải</label> <progress id="dl-progress" max="${parts.length}" value="0"></progress> <span role="status" aria-live="polite"></span></p>`
    : ''
}
${actualSizeNote}</div>
<h2>Tem đã vô hiệu</h2>
${
  p.voids.length === 0
    ? html`<p>Chưa có tem nào của lệnh in này bị vô hiệu.</p>`
    : html`<table><thead><tr><th scope="col">Thời điểm</th><th scope="col">Sê-ri</th><th scope="col">Số tem</th><th scope="col">Lý do</th></tr></thead>
<tbody>${p.voids.map((v) => html`<tr><td>${vietnamTime(v.voidedAt)}</td><td>${spanText(v.firstSerial, v.lastSerial)}</td><td>${v.lastSerial - v.firstSerial + 1}</td><td>${v.reason}</td></tr>`)}</tbody></table>`
}
<form class="card" method="post" action="/console/print/jobs/${job.id}/void"><h3>Vô hiệu tem in lỗi</h3><input type="hidden" name="_csrf" value="${p.csrf}">
${voidFields(job, { serials: '', reason: 'In lỗi' })}<button type="submit">Vô hiệu tem</button>
<p class="hint">Ghi từng số hoặc dải, cách nhau bằng dấu phẩy: 1000001, 1000005-1000010. Bạn sẽ xem lại danh sách trước khi vô hiệu.</p></form>
<p><a href="/console/print">‹ Quay lại trang in</a></p>`;
}
