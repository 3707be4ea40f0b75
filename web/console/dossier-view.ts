import { formatVietnameseDate } from '../../src/domain/calendar';
import { latestOpenDecision } from '../../src/domain/certificate-lifecycle';
import { GROUNDS_VI, REVOCATION_GROUNDS } from '../../src/services/lifecycle/inputs';
import { EVENT_VI, type ProductDossier } from '../../src/services/inspections/product-dossier';
import { renderField, type Field } from './forms';
import { html, type Html } from '../view';

const d = (iso: string | null | undefined) => (iso ? formatVietnameseDate(iso) : '—');
const STATUS_VI: Record<string, string> = { active: 'Hiệu lực', suspended: 'Đình chỉ', revoked: 'Đã thu hồi' };

/** The fields every decision carries: date, reason, legal basis, deciding body, and its inspection. */
function decisionFields(prefix: string, inspections: ProductDossier['inspections']): Html {
  const fields: Field[] = [
    { name: 'effectiveOn', label: 'Ngày hiệu lực', type: 'date', required: true },
    { name: 'reason', label: 'Lý do', type: 'text', required: true },
    { name: 'basis', label: 'Căn cứ (số quyết định, biên bản)', type: 'text', required: true },
    { name: 'decidedBy', label: 'Cơ quan quyết định', type: 'text', required: true },
    { name: 'inspectionId', label: 'Theo lần kiểm tra', type: 'select',
      options: inspections.map((i) => ({ value: i.id, label: `${d(i.inspectedOn)} – ${i.agency} (${i.result === 'pass' ? 'đạt' : 'vi phạm'})` })) },
  ];
  // Ids must be unique on a page with several forms: prefix each field's id.
  return html`${fields.map((f) => renderField(f, '', undefined, prefix))}`;
}

const hidden = (csrf: string) => html`<input type="hidden" name="_csrf" value="${csrf}">`;

export function certificatesSection(dossier: ProductDossier, csrf: string, mayAct: boolean): Html {
  return html`<h2 id="certs">Giấy chứng nhận</h2>${dossier.certificates.map((c) => html`<section class="card" aria-labelledby="cert-${c.id}">
<h3 id="cert-${c.id}">${c.number} · ${'★'.repeat(c.stars)} · ${c.expired && c.status === 'active' ? 'Hết hạn' : STATUS_VI[c.status]}</h3>
<p>Quyết định ${c.decisionNumber} ngày ${d(c.decisionDate)} (${c.issuerName}); hiệu lực ${d(c.validFrom)} – ${d(c.validUntil)}.
${c.statusReason ? html`<br>Thay đổi gần nhất ${d(c.statusChangedOn)}: ${c.statusReason} (${c.statusBasis})` : ''}</p>
${mayAct && c.status !== 'revoked' ? html`<details><summary>Đình chỉ, khôi phục hoặc thu hồi</summary>
<form method="post" action="/console/inspect/certificates/${c.id}/status" data-step-up>${hidden(csrf)}
<div class="field"><label for="a-${c.id}">Thao tác</label><select id="a-${c.id}" name="action" required>
${c.status === 'active' ? html`<option value="suspend">Đình chỉ (chờ kết quả kiểm tra)</option>` : html`<option value="reinstate">Khôi phục</option>`}
<option value="revoke">Thu hồi giấy chứng nhận</option></select></div>
<div class="field"><label for="g-${c.id}">Căn cứ thu hồi (chỉ khi thu hồi)</label><select id="g-${c.id}" name="grounds">
${REVOCATION_GROUNDS.map((g) => html`<option value="${g}">${GROUNDS_VI[g]}</option>`)}</select></div>
${decisionFields(`c-${c.id}`, dossier.inspections)}<button type="submit">Ghi quyết định</button></form></details>` : ''}
<ol class="hint">${c.events.map((e) => html`<li>${d(e.effectiveOn)} – ${EVENT_VI[e.kind] ?? e.kind}${e.basis ? ` (${e.basis})` : ''}${e.reason ? `: ${e.reason}` : ''}</li>`)}</ol>
${mayAct ? correctionForm(`/console/inspect/certificates/${c.id}/corrections`, `cc-${c.id}`, latestOpenDecision(c.events), csrf) : ''}
</section>`)}`;
}

function correctionForm(action: string, prefix: string, event: { id: number; kind: string } | undefined, csrf: string): Html {
  if (!event) return html``;
  return html`<details><summary>Đính chính quyết định ${EVENT_VI[event.kind] ?? event.kind} gần nhất</summary>
<form method="post" action="${action}" data-step-up>${hidden(csrf)}<input type="hidden" name="eventId" value="${event.id}">
${decisionFields(prefix, [])}<button type="submit">Ghi quyết định đính chính</button></form></details>`;
}

export function batchesSection(dossier: ProductDossier, csrf: string, mayAct: boolean): Html {
  return html`<h2 id="batches">Lô hàng</h2><table><thead><tr><th scope="col">Lô</th><th scope="col">Ngày sản xuất</th><th scope="col">Tem đã in</th>
<th scope="col">Trạng thái</th><th scope="col">Thu hồi lô</th></tr></thead><tbody>${dossier.batches.map((b) => html`<tr><td>${b.lot}</td><td>${d(b.productionDate)}</td>
<td>${b.ranges.map((r) => `${r.firstSerial}–${r.lastSerial}`).join(', ') || '—'}</td>
<td>${b.recalledOn ? html`<strong class="err">Đã thu hồi ${d(b.recalledOn)}</strong>` : 'Bình thường'}</td>
<td>${mayAct && !b.recalledOn ? html`<details><summary>Thu hồi lô ${b.lot}</summary><form method="post" action="/console/inspect/batches/${b.id}/recall" data-step-up>
${hidden(csrf)}${decisionFields(`b-${b.id}`, dossier.inspections)}<button type="submit">Thu hồi lô</button></form></details>` : ''}
${mayAct && b.recalledOn ? correctionForm(`/console/inspect/batches/${b.id}/corrections`, `bc-${b.id}`, latestOpenDecision(b.events), csrf) : ''}</td></tr>`)}</tbody></table>`;
}

export function areasSection(dossier: ProductDossier, csrf: string, mayAct: boolean): Html {
  if (dossier.areas.length === 0) return html``;
  return html`<h2 id="areas">Vùng nguyên liệu</h2>${dossier.areas.map((a) => html`<section class="card" aria-labelledby="area-${a.id}">
<h3 id="area-${a.id}">${a.name}${a.officialCode ? ` (${a.officialCode})` : ''}</h3>
<p>${a.standards.map((s) => `${s.name}: hết hạn ${d(s.expiresOn)}`).join(' · ') || 'Chưa khai báo tiêu chuẩn.'}</p>
${a.flags.map((f) => html`<p class="err">Đã ghi nhận ${d(f.flaggedOn)}: tiêu chuẩn ${f.standard} hết hiệu lực. ${f.reason}</p>`)}
${mayAct ? html`<details><summary>Ghi nhận tiêu chuẩn hết hiệu lực</summary><form method="post" action="/console/inspect/areas/${a.id}/flags" data-step-up>${hidden(csrf)}
<input type="hidden" name="productId" value="${dossier.product.id}">
<div class="field"><label for="s-${a.id}">Tiêu chuẩn</label><select id="s-${a.id}" name="standard" required>${a.standards.map((s) => html`<option>${s.name}</option>`)}<option>Khác</option></select></div>
<div class="field"><label for="o-${a.id}">Từ ngày</label><input id="o-${a.id}" type="date" name="flaggedOn" required></div>
<div class="field"><label for="r-${a.id}">Lý do</label><input id="r-${a.id}" name="reason" required></div>
<button type="submit">Ghi nhận</button></form></details>` : ''}</section>`)}`;
}

export function inspectionForm(dossier: ProductDossier, csrf: string): Html {
  const fields: Field[] = [
    { name: 'target', label: 'Đối tượng kiểm tra', type: 'select', required: true, options: [
      { value: `product:${dossier.product.id}`, label: `Sản phẩm: ${dossier.product.name}` },
      { value: `subject:${dossier.subject.id}`, label: `Chủ thể: ${dossier.subject.name}` },
      ...dossier.batches.map((b) => ({ value: `batch:${b.id}`, label: `Lô ${b.lot}` })),
    ] },
    { name: 'inspectedOn', label: 'Ngày kiểm tra', type: 'date', required: true },
    { name: 'agency', label: 'Cơ quan kiểm tra', type: 'text', required: true },
    { name: 'result', label: 'Kết quả', type: 'select', required: true, options: [{ value: 'pass', label: 'Đạt' }, { value: 'violations', label: 'Có vi phạm' }] },
  ];
  return html`<details class="card" id="new-inspection"><summary><h2 style="display:inline">Ghi nhận kiểm tra</h2></summary>
<form method="post" action="/console/inspect/products/${dossier.product.id}/inspections">${hidden(csrf)}
${fields.map((f) => renderField(f, ''))}
<div class="field"><label for="f-findings">Kết quả kiểm tra, phát hiện</label><textarea id="f-findings" name="findings" rows="3" required></textarea></div>
<div class="field"><label for="f-samples">Mẫu đã lấy (mỗi dòng: mã mẫu; mô tả; kết quả)</label><textarea id="f-samples" name="samples" rows="2"></textarea></div>
<div class="field"><label for="f-attachments">Tệp đính kèm (mỗi dòng: tên; đường dẫn hoặc SHA-256)</label><textarea id="f-attachments" name="attachments" rows="2"></textarea></div>
<button type="submit">Lưu biên bản</button></form></details>`;
}

export function timelineSection(dossier: ProductDossier): Html {
  return html`<h2 id="timeline">Dòng thời gian</h2><ol class="card">${dossier.timeline.map((t) => html`<li><strong>${d(t.on)}</strong> ${t.title}${
    t.basis ? ` (${t.basis})` : ''}${t.detail ? html`<br><span class="hint">${t.detail}</span>` : ''}</li>`)}</ol>`;
}

export function scansAndReports(dossier: ProductDossier): Html {
  return html`<h2 id="scans">Lượt quét theo nơi quét</h2><table><thead><tr><th scope="col">Nơi</th><th scope="col">Số lượt</th></tr></thead>
<tbody>${dossier.scansByPlace.map((s) => html`<tr><td>${s.place ?? 'Không rõ'}</td><td>${s.n}</td></tr>`)}</tbody></table>
<h2 id="reports">Phản ánh của người tiêu dùng</h2>${dossier.reports.length ? html`<ul>${dossier.reports.map((r) => html`<li>${d(r.createdAt.toISOString().slice(0, 10))} – ${r.details}
(${r.state === 'open' ? 'đang mở' : 'đã đóng'})</li>`)}</ul>` : html`<p class="hint">Chưa có phản ánh.</p>`}`;
}
