import { Hono } from 'hono';
import type { AppEnv } from '../../app-env';
import { formatVietnameseDate } from '../../domain/calendar';
import { listExpiringCertificates } from '../../services/lifecycle/list-expiring';
import { PROBLEM_TEXT } from '../../services/reports/inputs';
import { closeReport, listReports } from '../../services/reports/report-queue';
import { serviceContext } from '../context';
import { html } from '../../../web/view';
import { formFailure, postedForm, render, requirePerson } from './shared';

/** Work lists: the consumer report queue and the renewal notices. */
export const queuePages = new Hono<AppEnv>();
for (const path of ['/console/reports', '/console/reports/*', '/console/expiring']) queuePages.use(path, requirePerson);

async function reportsPage(c: Parameters<typeof serviceContext>[0], problem?: { message: string; status: 200 | 400 | 403 | 404 | 409 | 422 }) {
  const state = c.req.query('state') === 'closed' ? 'closed' : 'open';
  const items = await listReports(serviceContext(c), { state });
  const csrf = c.var.session!.csrfToken;
  return render(c, 'Phản ánh của người tiêu dùng', html`
${problem ? html`<p class="error" role="alert">${problem.message}</p>` : ''}${c.req.query('closed') ? html`<p class="notice" role="status">Đã đóng phản ánh.</p>` : ''}
<p>${state === 'open' ? html`Đang mở · <a href="/console/reports?state=closed">Đã đóng</a>` : html`<a href="/console/reports">Đang mở</a> · Đã đóng`}</p>
${items.length === 0 ? html`<p role="status">Không có phản ánh nào.</p>` : ''}
${items.map((r) => html`<section class="card" aria-labelledby="r-${r.id}"><h2 id="r-${r.id}">${PROBLEM_TEXT.vi[r.problem]} · ${r.createdAt.toISOString().slice(0, 16).replace('T', ' ')}</h2>
<p>${r.details}</p><dl><dt>Tem</dt><dd><code>${r.code}</code> (kết quả khi báo: ${r.verdictStatus})</dd>
${r.productId ? html`<dt>Sản phẩm</dt><dd><a href="/console/inspect/products/${r.productId}">Xem hồ sơ sản phẩm</a></dd>` : ''}
${r.placeOfPurchase ? html`<dt>Nơi mua</dt><dd>${r.placeOfPurchase}</dd>` : ''}${r.contact ? html`<dt>Liên hệ</dt><dd>${r.contact}</dd>` : ''}</dl>
<h3>Lịch sử quét tem (${r.scans.length})</h3>${r.scans.length ? html`<ul>${r.scans.map((s) => html`<li>${s.scannedAt.toISOString().slice(0, 16).replace('T', ' ')} – ${s.place ?? 'không rõ nơi'}</li>`)}</ul>` : html`<p class="hint">Chưa có lượt quét nào.</p>`}
${r.state === 'open' ? html`<form method="post" action="/console/reports/${r.id}/close"><input type="hidden" name="_csrf" value="${csrf}">
<div class="field"><label for="n-${r.id}">Đã xử lý thế nào</label><input id="n-${r.id}" name="note" required></div><button type="submit">Đóng phản ánh</button></form>`
    : html`<p class="hint">Đã đóng: ${r.closedNote}</p>`}</section>`)}`, problem?.status);
}

queuePages.get('/console/reports', (c) => reportsPage(c));
queuePages.post('/console/reports/:id/close', async (c) => {
  const form = await postedForm(c);
  const note = String(form.note ?? '').trim();
  try {
    await closeReport({ ctx: serviceContext(c), id: c.req.param('id'), note: note || '—' });
    return c.redirect('/console/reports?closed=1', 303);
  } catch (error) {
    return reportsPage(c, formFailure(error));
  }
});

queuePages.get('/console/expiring', async (c) => {
  const items = await listExpiringCertificates(serviceContext(c));
  return render(c, 'Chứng nhận sắp hết hạn', html`<p>Giấy chứng nhận hết hạn trong 30 ngày tới hoặc đã hết hạn mà chưa được đánh giá lại.
Cơ quan cấp phải thông báo cho chủ thể ít nhất 30 ngày trước khi hết hạn.</p>
<table><thead><tr><th scope="col">Sản phẩm</th><th scope="col">Chủ thể</th><th scope="col">Số chứng nhận</th><th scope="col">Hết hạn</th><th scope="col">Tình trạng</th></tr></thead>
<tbody>${items.map((i) => html`<tr><td>${i.productName}</td><td>${i.subjectName}</td><td>${i.number}</td><td>${formatVietnameseDate(i.validUntil)}</td>
<td>${i.expired ? html`<strong class="err">Đã hết hạn</strong>` : `Còn ${i.daysLeft} ngày`}</td></tr>`)}</tbody></table>
${items.length === 0 ? html`<p role="status">Không có chứng nhận nào cần gia hạn.</p>` : ''}`);
});
