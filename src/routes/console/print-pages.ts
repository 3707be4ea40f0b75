import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../app-env';
import { previewSheetSvg } from '../../labels/preview-svg';
import { LABEL_TEMPLATES } from '../../labels/templates';
import { createPrintJob, partsOf } from '../../services/printing/create-print-job';
import { batchLabelContent, loadPrintJob } from '../../services/printing/load-print-context';
import { listPrintJobs } from '../../services/printing/list-print-jobs';
import { voidSerials } from '../../services/stamps/void-serials';
import { listRegistry } from '../../services/registry/read-registry';
import { serviceContext } from '../context';
import { printBody, voidBody } from '../shared/printing-inputs';
import { renderForm, type Field } from '../../../web/console/forms';
import { html } from '../../../web/view';
import { formFailure, parseWith, postedForm, render, requirePerson } from './shared';

/** Producers print label sheets: choose, preview, print, download in parts, void misprints. */
export const printPages = new Hono<AppEnv>();
printPages.use('/console/print', requirePerson);
printPages.use('/console/print/*', requirePerson);

async function batchOptions(c: Context<AppEnv>) {
  const ctx = serviceContext(c);
  const [batchPage, productPage] = await Promise.all([listRegistry(ctx, 'batches', { page: 1, pageSize: 100 }), listRegistry(ctx, 'products', { page: 1, pageSize: 100 })]);
  const names = new Map((productPage.items as { id: string; name: string }[]).map((p) => [p.id, p.name]));
  return (batchPage.items as { id: string; lot: string; productId: string }[]).map((b) => ({ value: b.id, label: `${names.get(b.productId) ?? ''} – lô ${b.lot}` }));
}

const templateOptions = [...LABEL_TEMPLATES.values()].map((t) => ({ value: t.id, label: `${t.name} (${t.grid.columns * t.grid.rows}/tờ)` }));
const printFields = (batchChoices: { value: string; label: string }[]): Field[] => [
  { name: 'batch', label: 'Sản phẩm và lô', type: 'select', required: true, options: batchChoices },
  { name: 'template', label: 'Mẫu nhãn (khổ giấy)', type: 'select', required: true, options: templateOptions },
  { name: 'quantity', label: 'Số tem cần in', type: 'number', required: true, hint: 'Không vượt quá số sản phẩm đã khai báo của lô.' },
];

async function printPage(c: Context<AppEnv>, extra: { values?: Record<string, unknown>; errors?: Record<string, string>; message?: string; status?: 200 | 400 | 403 | 404 | 409 | 422 } = {}) {
  const values: Record<string, unknown> = { template: 'a4-3x8-70x37', ...c.req.query(), ...extra.values };
  const choices = await batchOptions(c);
  const jobs = await listPrintJobs(serviceContext(c), { limit: 50 });
  const csrf = c.var.session!.csrfToken;
  const preview = values.batch && values.template
    ? html`<figure class="card"><img src="/console/print/preview.svg?batch=${String(values.batch)}&amp;template=${String(values.template)}" alt="Xem trước tờ nhãn đầu tiên" style="max-width:100%;max-height:28rem;border:1px solid #ccc"><figcaption class="hint">Tờ đầu tiên; mã QR ở đây là mẫu, chưa phải tem thật.</figcaption></figure>`
    : '';
  return render(c, 'In tem nhãn', html`
${c.req.query('voided') ? html`<p class="notice" role="status">Đã hủy các tem đã chọn: khi quét, chúng hiện "Tem đã bị hủy".</p>` : ''}
${renderForm({ action: '/console/print', fields: printFields(choices), values, errors: extra.errors ?? {}, csrf, submit: 'In tem', message: extra.message,
    // One key per rendered form: pressing "In tem" twice, or retrying after a dropped connection, gives the same job.
    hidden: { idempotencyKey: crypto.randomUUID() },
    secondary: html`<button class="secondary" type="submit" formmethod="get" formaction="/console/print" formnovalidate>Xem trước</button>` })}
${preview}
<h2>Lịch sử in</h2><table><thead><tr><th scope="col">Thời điểm</th><th scope="col">Sản phẩm, lô</th><th scope="col">Số tem</th><th scope="col">Sê-ri</th><th scope="col">Tải về</th><th scope="col">Hủy tem in lỗi</th></tr></thead>
<tbody>${jobs.map((j) => html`<tr><td>${j.createdAt.toISOString().slice(0, 16).replace('T', ' ')}</td><td>${j.product} – ${j.lot}</td><td>${j.quantity}</td><td>${j.firstSerial}–${j.lastSerial}</td>
<td><a href="/console/print/jobs/${j.id}">Tải về (${j.parts.length} phần)</a></td>
<td><form method="post" action="/console/print/void" class="toolbar"><input type="hidden" name="_csrf" value="${csrf}">
<label class="skip" for="v-${j.id}-first">Sê-ri đầu</label><input id="v-${j.id}-first" name="firstSerial" inputmode="numeric" size="8" value="${j.firstSerial}" style="width:7rem">
<label class="skip" for="v-${j.id}-last">Sê-ri cuối</label><input id="v-${j.id}-last" name="lastSerial" inputmode="numeric" size="8" value="${j.firstSerial}" style="width:7rem">
<label class="skip" for="v-${j.id}-reason">Lý do</label><input id="v-${j.id}-reason" name="reason" value="In lỗi" style="width:8rem"><button class="secondary" type="submit">Hủy</button></form></td></tr>`)}</tbody></table>`, extra.status);
}

printPages.get('/console/print', (c) => printPage(c));

printPages.post('/console/print', async (c) => {
  const form = await postedForm(c);
  const values = { batch: String(form.batch ?? ''), template: String(form.template ?? ''), quantity: String(form.quantity ?? '') };
  try {
    const input = parseWith(printBody, { quantity: Number(values.quantity), template: values.template, idempotencyKey: String(form.idempotencyKey ?? crypto.randomUUID()) });
    const { job } = await createPrintJob({ ctx: serviceContext(c), input: { ...input, batchId: values.batch } });
    return c.redirect(`/console/print/jobs/${job.id}`, 303);
  } catch (error) {
    const failure = formFailure(error);
    return printPage(c, { values, errors: failure.fields, message: failure.message, status: failure.status });
  }
});

printPages.get('/console/print/jobs/:id', async (c) => {
  const row = await loadPrintJob(serviceContext(c), c.req.param('id'));
  const parts = partsOf(row.job);
  return render(c, `Lệnh in: ${row.product.name} – lô ${row.batch.lot}`, html`<div class="card">
<p>${row.job.quantity} tem, sê-ri ${row.range.firstSerial}–${row.range.lastSerial}, mẫu ${LABEL_TEMPLATES.get(row.job.templateId)?.name ?? row.job.templateId}.
Tải lại bất cứ lúc nào: tệp luôn giống hệt.</p>
<ul>${parts.map((p) => html`<li><a href="/api/v1/print-jobs/${row.job.id}/parts/${p.part}.pdf" download data-part>Phần ${p.part} (${p.labels} tem, PDF)</a></li>`)}</ul>
${parts.length > 1 ? html`<button type="button" data-download-all>Tải tất cả ${parts.length} phần</button>
<p><label for="dl-progress">Tiến độ tải</label> <progress id="dl-progress" max="${parts.length}" value="0"></progress> <span role="status" aria-live="polite"></span></p>` : ''}
</div><p><a href="/console/print">‹ Quay lại trang in</a></p>`);
});

printPages.post('/console/print/void', async (c) => {
  const form = await postedForm(c);
  try {
    const input = parseWith(voidBody, { firstSerial: Number(form.firstSerial), lastSerial: Number(form.lastSerial), reason: String(form.reason ?? '') });
    await voidSerials({ ctx: serviceContext(c), input });
    return c.redirect('/console/print?voided=1', 303);
  } catch (error) {
    const failure = formFailure(error);
    return printPage(c, { message: failure.message, status: failure.status });
  }
});

printPages.get('/console/print/preview.svg', async (c) => {
  const template = LABEL_TEMPLATES.get(c.req.query('template') ?? '');
  const batchId = c.req.query('batch') ?? '';
  if (!template || !/^[0-9a-f-]{36}$/.test(batchId)) return c.text('Chọn lô và mẫu nhãn.', 400);
  const ctx = serviceContext(c);
  const content = await batchLabelContent(ctx, batchId);
  c.header('Content-Type', 'image/svg+xml');
  c.header('Cache-Control', 'private, max-age=60');
  return c.body(previewSheetSvg(template, content, `${ctx.config.PUBLIC_ORIGIN}/S/MAU-XEM-TRUOC`));
});
