import type { SerialSpan } from '../../src/services/stamps/void-spans';
import { html, type Html } from '../view';
import type { FieldErrors } from './forms';

type JobRange = { id: string; firstSerial: number; lastSerial: number };
export type JobSummary = JobRange & { product: string; lot: string; quantity: number };

const spanText = (s: SerialSpan) => (s.first === s.last ? String(s.first) : `${s.first}–${s.last}`);

/**
 * The serials and reason fields of a job's void form. `compact`: inside a table row, with the
 * labels kept for screen readers only.
 */
export function voidFields(
  job: JobRange,
  values: { serials: string; reason: string },
  compact = false,
  errors: FieldErrors = {},
): Html {
  const id = `v-${job.id}`;
  const labelClass = compact ? 'skip' : '';
  const invalid = (name: string) =>
    errors[name] ? html` aria-invalid="true" aria-describedby="${id}-${name}-err"` : '';
  const error = (name: string) =>
    errors[name] ? html`<div class="err" id="${id}-${name}-err" role="alert">${errors[name]}</div>` : '';
  return html`<div class="field"><label class="${labelClass}" for="${id}-serials">Sê-ri cần vô hiệu (trong dải ${job.firstSerial}–${job.lastSerial})</label>
<input id="${id}-serials" name="serials" value="${values.serials}" placeholder="${job.firstSerial}, ${job.firstSerial + 1}-${Math.min(job.lastSerial, job.firstSerial + 4)}" autocomplete="off" required${invalid('serials')} style="${compact ? 'width:12rem' : ''}">
${error('serials')}</div>
<div class="field"><label class="${labelClass}" for="${id}-reason">Lý do</label><input id="${id}-reason" name="reason" value="${values.reason}" required${invalid('reason')} style="${compact ? 'width:8rem' : ''}">
${error('reason')}</div>`;
}

const jobLine = (job: JobSummary) =>
  html`Lệnh in ${job.product} – lô ${job.lot}: ${job.quantity} tem, sê-ri ${job.firstSerial}–${job.lastSerial}.`;

/** The void form again, with what was wrong: nothing has been voided. */
export function voidFormView(
  job: JobSummary,
  values: { serials: string; reason: string },
  csrf: string,
  message: string,
  errors: FieldErrors,
): Html {
  return html`<form class="card" method="post" action="/console/print/jobs/${job.id}/void" novalidate>
<p class="error"${Object.values(errors).includes(message) ? '' : html` role="alert"`}>${Object.values(errors).includes(message) ? 'Chưa vô hiệu tem nào: sửa ô được đánh dấu.' : message}</p><p>${jobLine(job)}</p><input type="hidden" name="_csrf" value="${csrf}">
${voidFields(job, values, false, errors)}<button type="submit">Vô hiệu tem</button></form>
<p><a href="/console/print/jobs/${job.id}">‹ Quay lại lệnh in</a></p>`;
}

/**
 * The step between asking and voiding, rendered by the server so it works without script: how
 * many stamps, which serials, the reason, and a second POST that carries `confirm=1`.
 */
export function voidConfirmView(
  job: JobSummary,
  plan: { spans: SerialSpan[]; count: number; alreadyVoid: number; reason: string },
  csrf: string,
): Html {
  const serials = plan.spans.map(spanText).join(', ');
  return html`<form class="card" method="post" action="/console/print/jobs/${job.id}/void" data-void-confirm>
<h2>Vô hiệu ${plan.count} tem?</h2><p>${jobLine(job)}</p>
<p>Các sê-ri sẽ bị vô hiệu (${plan.count} tem):</p>
<ul data-void-serials>${plan.spans.map((s) => html`<li>${spanText(s)}${s.first === s.last ? '' : ` (${s.last - s.first + 1} tem)`}</li>`)}</ul>
<p>Lý do: ${plan.reason}</p>
${plan.alreadyVoid > 0 ? html`<p class="hint">${plan.alreadyVoid} tem trong số này đã bị vô hiệu từ trước.</p>` : ''}
<p><strong>Không hoàn tác được:</strong> khi quét, các tem này hiện là tem đã bị vô hiệu; sản phẩm mang chúng không được bán.</p>
<input type="hidden" name="_csrf" value="${csrf}"><input type="hidden" name="serials" value="${serials}">
<input type="hidden" name="reason" value="${plan.reason}"><input type="hidden" name="confirm" value="1">
<button type="submit">Vô hiệu ${plan.count} tem</button> <a href="/console/print/jobs/${job.id}">Không, quay lại</a></form>`;
}
