import type { listExpiringCertificates } from '../../src/services/lifecycle/list-expiring';
import type { listReports } from '../../src/services/reports/report-queue';
import type { VerdictStatus } from '../../src/domain/verdict';
import { reportReference } from '../../src/domain/report-reference';
import { vietnamDate, vietnamTime } from '../format';
import { STATUS_TEXT } from '../i18n';
import { html, type Html } from '../view';
import { vi } from '../words/vi';

type ReportItem = Awaited<ReturnType<typeof listReports>>[number];
type ExpiringItem = Awaited<ReturnType<typeof listExpiringCertificates>>[number];

const verdictWords = (status: string) => STATUS_TEXT.vi[status as VerdictStatus]?.title ?? status;

/** The consumer report queue: each report with the stamp's scan history and the form that closes it. */
export function reportsView(p: {
  state: 'open' | 'closed';
  items: ReportItem[];
  csrf: string;
  closed: boolean;
  problem?: string;
}): Html {
  return html`
${p.problem ? html`<p class="error" role="alert">${p.problem}</p>` : ''}${p.closed ? html`<p class="notice" role="status">${vi.messages.reportClosed}</p>` : ''}
<p>${p.state === 'open' ? html`Đang mở · <a href="/console/reports?state=closed">Đã đóng</a>` : html`<a href="/console/reports">Đang mở</a> · Đã đóng`}</p>
${p.items.length === 0 ? html`<p role="status">Không có phản ánh nào.</p>` : ''}
${p.items.map(
  (
    r,
  ) => html`<section class="card" aria-labelledby="r-${r.id}"><h2 id="r-${r.id}">${vi.problems[r.problem]} · ${vietnamTime(r.createdAt)} · ${reportReference(r.id)}</h2>
<p>${r.details}</p><dl><dt>Tem</dt><dd><code>${r.code}</code> (kết quả khi báo: ${verdictWords(r.verdictStatus)})</dd>
${r.productId ? html`<dt>Sản phẩm</dt><dd><a href="/console/inspect/products/${r.productId}">Xem hồ sơ sản phẩm</a></dd>` : ''}
${r.placeOfPurchase ? html`<dt>Nơi mua</dt><dd>${r.placeOfPurchase}</dd>` : ''}${r.contact ? html`<dt>Liên hệ</dt><dd>${r.contact}</dd>` : ''}</dl>
<h3>Lịch sử quét tem (${r.scans.length})</h3>${r.scans.length ? html`<ul>${r.scans.map((s) => html`<li>${vietnamTime(s.scannedAt)} – ${s.place ?? 'không rõ nơi'}</li>`)}</ul>` : html`<p class="hint">Chưa có lượt quét nào.</p>`}
${
  r.state === 'open'
    ? html`<form method="post" action="/console/reports/${r.id}/close"><input type="hidden" name="_csrf" value="${p.csrf}">
<div class="field"><label for="n-${r.id}">Đã xử lý thế nào</label><input id="n-${r.id}" name="note" required></div><button type="submit">Đóng phản ánh</button></form>`
    : html`<p class="hint">Đã đóng${r.closedAt ? ` lúc ${vietnamTime(r.closedAt)}` : ''}: ${r.closedNote}</p>`
}</section>`,
)}`;
}

/** Renewal notices: certificates expiring within 30 days, or expired and not re-evaluated. */
export function expiringView(items: ExpiringItem[]): Html {
  return html`<p>Giấy chứng nhận hết hạn trong 30 ngày tới hoặc đã hết hạn mà chưa được đánh giá lại.
Cơ quan cấp phải thông báo cho chủ thể ít nhất 30 ngày trước khi hết hạn.</p>
<table><thead><tr><th scope="col">Sản phẩm</th><th scope="col">Chủ thể</th><th scope="col">Số chứng nhận</th><th scope="col">Hết hạn</th><th scope="col">Tình trạng</th></tr></thead>
<tbody>${items.map(
    (
      i,
    ) => html`<tr><td>${i.productName}</td><td>${i.subjectName}</td><td>${i.number}</td><td>${vietnamDate(i.validUntil)}</td>
<td>${i.expired ? html`<strong class="err">Đã hết hạn</strong>` : `Còn ${i.daysLeft} ngày`}</td></tr>`,
  )}</tbody></table>
${items.length === 0 ? html`<p role="status">Không có chứng nhận nào cần gia hạn.</p>` : ''}`;
}
