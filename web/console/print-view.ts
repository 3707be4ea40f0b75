import type { loadPrintJob } from '../../src/services/printing/load-print-context';
import type { listPrintJobs } from '../../src/services/printing/list-print-jobs';
import { vietnamTime } from '../format';
import { html, type Html } from '../view';
import { vi } from '../words/vi';
import { renderForm, type Field, type FieldErrors, type Option } from './forms';

type JobRow = Awaited<ReturnType<typeof listPrintJobs>>[number];
type LoadedJob = Awaited<ReturnType<typeof loadPrintJob>>;

const printFields = (batches: Option[], templates: Option[]): Field[] => [
  { name: 'batch', label: 'Sản phẩm và lô', type: 'select', required: true, options: batches },
  { name: 'template', label: 'Mẫu nhãn (khổ giấy)', type: 'select', required: true, options: templates },
  { name: 'quantity', label: 'Số tem cần in', type: 'number', required: true, hint: 'Không vượt quá số sản phẩm đã khai báo của lô.' },
];

export type PrintPage = {
  batches: Option[]; templates: Option[]; jobs: JobRow[]; csrf: string; values: Record<string, unknown>; idempotencyKey: string;
  voided: boolean; errors?: FieldErrors; message?: string;
};

/** Producers print: choose a batch and template, preview, print; the history with downloads and voids. */
export function printView(p: PrintPage): Html {
  const preview = p.values.batch && p.values.template
    ? html`<figure class="card"><img src="/console/print/preview.svg?batch=${String(p.values.batch)}&amp;template=${String(p.values.template)}" alt="Xem trước tờ nhãn đầu tiên" style="max-width:100%;max-height:28rem;border:1px solid #ccc"><figcaption class="hint">Tờ đầu tiên; mã QR ở đây là mẫu, chưa phải tem thật.</figcaption></figure>`
    : '';
  return html`
${p.voided ? html`<p class="notice" role="status">${vi.messages.voided}</p>` : ''}
${renderForm({ action: '/console/print', fields: printFields(p.batches, p.templates), values: p.values, errors: p.errors ?? {}, csrf: p.csrf, submit: 'In tem', message: p.message,
    // One key per rendered form: pressing "In tem" twice, or retrying after a dropped connection, gives the same job.
    hidden: { idempotencyKey: p.idempotencyKey },
    secondary: html`<button class="secondary" type="submit" formmethod="get" formaction="/console/print" formnovalidate>Xem trước</button>` })}
${preview}
<h2>Lịch sử in</h2><table><thead><tr><th scope="col">Thời điểm</th><th scope="col">Sản phẩm, lô</th><th scope="col">Số tem</th><th scope="col">Sê-ri</th><th scope="col">Tải về</th><th scope="col">Hủy tem in lỗi</th></tr></thead>
<tbody>${p.jobs.map((j) => html`<tr><td>${vietnamTime(j.createdAt)}</td><td>${j.product} – ${j.lot}</td><td>${j.quantity}</td><td>${j.firstSerial}–${j.lastSerial}</td>
<td><a href="/console/print/jobs/${j.id}">Tải về (${j.parts.length} phần)</a></td>
<td><form method="post" action="/console/print/void" class="toolbar"><input type="hidden" name="_csrf" value="${p.csrf}">
<label class="skip" for="v-${j.id}-first">Sê-ri đầu</label><input id="v-${j.id}-first" name="firstSerial" inputmode="numeric" size="8" value="${j.firstSerial}" style="width:7rem">
<label class="skip" for="v-${j.id}-last">Sê-ri cuối</label><input id="v-${j.id}-last" name="lastSerial" inputmode="numeric" size="8" value="${j.firstSerial}" style="width:7rem">
<label class="skip" for="v-${j.id}-reason">Lý do</label><input id="v-${j.id}-reason" name="reason" value="In lỗi" style="width:8rem"><button class="secondary" type="submit">Hủy</button></form></td></tr>`)}</tbody></table>`;
}

/** One print job: its parts to download (each always the same file), one by one or all at once. */
export function printJobView(row: LoadedJob, parts: { part: number; labels: number }[], templateName: string): Html {
  return html`<div class="card">
<p>${row.job.quantity} tem, sê-ri ${row.range.firstSerial}–${row.range.lastSerial}, mẫu ${templateName}, in lúc ${vietnamTime(row.job.createdAt)}.
Tải lại bất cứ lúc nào: tệp luôn giống hệt.</p>
<ul>${parts.map((p) => html`<li><a href="/api/v1/print-jobs/${row.job.id}/parts/${p.part}.pdf" download data-part>Phần ${p.part} (${p.labels} tem, PDF)</a></li>`)}</ul>
${parts.length > 1 ? html`<button type="button" data-download-all>Tải tất cả ${parts.length} phần</button>
<p><label for="dl-progress">Tiến độ tải</label> <progress id="dl-progress" max="${parts.length}" value="0"></progress> <span role="status" aria-live="polite"></span></p>` : ''}
</div><p><a href="/console/print">‹ Quay lại trang in</a></p>`;
}
