import type { LabelTemplate } from '../../src/labels/template-schema';
import type { listPrintJobs } from '../../src/services/printing/list-print-jobs';
import { vietnamTime } from '../format';
import { html, type Html } from '../view';
import { renderField, type Field, type FieldErrors, type Option } from './forms';
import { voidFields } from './print-void-view';

type JobRow = Awaited<ReturnType<typeof listPrintJobs>>[number];

const printFields = (batches: Option[], templates: Option[]): Field[] => [
  { name: 'batch', label: 'Sản phẩm và lô', type: 'select', required: true, options: batches },
  { name: 'template', label: 'Mẫu nhãn (khổ giấy)', type: 'select', required: true, options: templates },
  {
    name: 'quantity',
    label: 'Số tem cần in',
    type: 'number',
    required: true,
    hint: 'Không vượt quá số sản phẩm đã khai báo của lô.',
  },
];

export type PrintPage = {
  batches: Option[];
  templates: Option[];
  jobs: JobRow[];
  csrf: string;
  values: Record<string, unknown>;
  idempotencyKey: string;
  errors?: FieldErrors;
  message?: string;
  /** The first sheet as it will print, after "Xem trước". */
  preview?: { svg: Html; template: Pick<LabelTemplate, 'name' | 'page' | 'label'> };
};

/** Why the print dialog must stay at 100%: said on the print page and beside every download. */
export const actualSizeNote = html`<p class="notice" data-print-note><strong>In ở tỉ lệ 100% (kích thước thực).</strong>
Trong hộp thoại in, chọn “Kích thước thực” / “Actual size”, không chọn “Vừa trang” / “Fit to page”: thu nhỏ làm tem lệch khỏi nhãn và mã QR khó đọc.
Tệp PDF đã đặt sẵn chế độ in 100%.</p>`;

function previewFigure(p: NonNullable<PrintPage['preview']>): Html {
  const { page, label } = p.template;
  const scaled = page.widthMm < 100 ? ' Hình được phóng to để dễ đọc.' : '';
  return html`<figure style="margin:1rem 0">${p.svg}
<figcaption class="hint">Tờ đầu tiên, mẫu ${p.template.name}: tờ ${page.widthMm} × ${page.heightMm} mm, mỗi nhãn ${label.widthMm} × ${label.heightMm} mm.${scaled}
Mã QR ở đây là mẫu, chưa phải tem thật; số sê-ri có khi bấm “In tem”.</figcaption></figure>`;
}

/**
 * Producers print in order: choose a batch and template, look at the first sheet ("Xem trước",
 * the form's first button, so Enter previews), then reserve stamps ("In tem", after the
 * preview). Both post, so the CSRF token never lands in a URL. Below, the history with
 * downloads and a void form per job that takes only that job's serials.
 */
export function printView(p: PrintPage): Html {
  const errors = p.errors ?? {};
  // The idempotency key is one per rendered form: pressing "In tem" twice, or retrying after a
  // dropped connection, gives the same job.
  return html`<form class="card" method="post" action="/console/print" novalidate>
${p.message ? html`<p class="error" role="alert">${p.message}</p>` : ''}
<input type="hidden" name="_csrf" value="${p.csrf}">
<input type="hidden" name="idempotencyKey" value="${p.idempotencyKey}">
${printFields(p.batches, p.templates).map((f) => renderField(f, p.values[f.name], errors[f.name]))}
<p><button type="submit" formaction="/console/print/preview">Xem trước</button></p>
${p.preview ? previewFigure(p.preview) : html`<p class="hint">Bấm “Xem trước” để xem tờ nhãn đầu tiên trước khi in; xem trước không giữ số tem nào.</p>`}
${actualSizeNote}
<p><button type="submit">In tem</button> <span class="hint">Giữ số sê-ri cho các tem và tạo tệp PDF để tải về.</span></p></form>
<h2>Lịch sử in</h2><table><thead><tr><th scope="col">Thời điểm</th><th scope="col">Sản phẩm, lô</th><th scope="col">Số tem</th><th scope="col">Sê-ri</th><th scope="col">Tải về</th><th scope="col">Vô hiệu tem in lỗi</th></tr></thead>
<tbody>${p.jobs.map(
    (
      j,
    ) => html`<tr><td>${vietnamTime(j.createdAt)}</td><td>${j.product} – ${j.lot}</td><td>${j.quantity}</td><td>${j.firstSerial}–${j.lastSerial}</td>
<td><a href="/console/print/jobs/${j.id}">Tải về (${j.parts.length} phần)</a></td>
<td><form method="post" action="/console/print/jobs/${j.id}/void" class="toolbar"><input type="hidden" name="_csrf" value="${p.csrf}">
${voidFields({ id: j.id, firstSerial: j.firstSerial, lastSerial: j.lastSerial }, { serials: '', reason: 'In lỗi' }, true)}<button class="secondary" type="submit">Vô hiệu tem</button></form></td></tr>`,
  )}</tbody></table>`;
}
