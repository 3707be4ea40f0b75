import { latestOpenDecision } from '../../src/domain/certificate-lifecycle';
import type { ProductDossier, TimelineEntry } from '../../src/services/inspections/product-dossier';
import { vietnamDate } from '../format';
import { renderField, type Field } from './forms';
import { html, type Html } from '../view';
import { vi } from '../words/vi';
import type { InspectionResult, LifecycleEvent } from '../words/types';

const d = (date: string | Date | null | undefined) => (date ? vietnamDate(date) : '—');
const eventWords = (kind: string) => vi.events[kind as LifecycleEvent] ?? kind;

/** The fields every decision carries: date, reason, legal basis, deciding body, and its inspection. */
function decisionFields(prefix: string, inspections: ProductDossier['inspections']): Html {
  const fields: Field[] = [
    { name: 'effectiveOn', label: 'Ngày hiệu lực', type: 'date', required: true },
    { name: 'reason', label: 'Lý do', type: 'text', required: true },
    { name: 'basis', label: 'Căn cứ (số quyết định, biên bản)', type: 'text', required: true },
    { name: 'decidedBy', label: 'Cơ quan quyết định', type: 'text', required: true },
    {
      name: 'inspectionId',
      label: 'Theo lần kiểm tra',
      type: 'select',
      options: inspections.map((i) => ({
        value: i.id,
        label: `${d(i.inspectedOn)} – ${i.agency} (${vi.inspectionResults[i.result]})`,
      })),
    },
  ];
  // Ids must be unique on a page with several forms: prefix each field's id.
  return html`${fields.map((f) => renderField(f, '', undefined, prefix))}`;
}

const hidden = (csrf: string) => html`<input type="hidden" name="_csrf" value="${csrf}">`;

/** No choice is made for the person: a decision's action and grounds start unchosen. */
const choose = html`<option value="" selected>— Chọn —</option>`;

export function certificatesSection(dossier: ProductDossier, csrf: string, mayAct: boolean): Html {
  // What the step-up dialog restates before anything is sent.
  const decision = (verb: string, number: string) =>
    `${verb} giấy chứng nhận số ${number} của sản phẩm ${dossier.product.name}`;
  return html`<h2 id="certs">Giấy chứng nhận</h2>${dossier.certificates.map(
    (c) => html`<section class="card" aria-labelledby="cert-${c.id}">
<h3 id="cert-${c.id}">${c.number} · ${'★'.repeat(c.stars)} · ${vi.certificateStates[c.expired && c.status === 'active' ? 'expired' : c.status]}</h3>
<p>Quyết định ${c.decisionNumber} ngày ${d(c.decisionDate)} (${c.issuerName}); hiệu lực ${d(c.validFrom)} – ${d(c.validUntil)}.
${c.statusReason ? html`<br>Thay đổi gần nhất ${d(c.statusChangedOn)}: ${c.statusReason} (${c.statusBasis})` : ''}</p>
${
  mayAct && c.status !== 'revoked'
    ? html`<details><summary>Đình chỉ, khôi phục hoặc thu hồi</summary>
<form method="post" action="/console/inspect/certificates/${c.id}/status" data-step-up>${hidden(csrf)}
<div class="field"><label for="a-${c.id}">Thao tác</label><select id="a-${c.id}" name="action" required>${choose}
${
  c.status === 'active'
    ? html`<option value="suspend" data-decision="${decision('Đình chỉ', c.number)}">Đình chỉ (chờ kết quả kiểm tra)</option>`
    : html`<option value="reinstate" data-decision="${decision('Khôi phục', c.number)}">Khôi phục</option>`
}
<option value="revoke" data-decision="${decision('Thu hồi', c.number)}">Thu hồi giấy chứng nhận</option></select></div>
<div class="field"><label for="g-${c.id}">Căn cứ thu hồi (chỉ khi thu hồi)</label><select id="g-${c.id}" name="grounds" data-only-for="action=revoke">${choose}
${Object.entries(vi.grounds).map(([g, words]) => html`<option value="${g}">${words}</option>`)}</select></div>
${decisionFields(`c-${c.id}`, dossier.inspections)}<button type="submit">Ghi quyết định</button></form></details>`
    : ''
}
<ol class="hint">${c.events.map((e) => html`<li>${d(e.effectiveOn)} – ${eventWords(e.kind)}${e.basis ? ` (${e.basis})` : ''}${e.reason ? `: ${e.reason}` : ''}</li>`)}</ol>
${
  mayAct
    ? correctionForm(
        `/console/inspect/certificates/${c.id}/corrections`,
        `cc-${c.id}`,
        latestOpenDecision(c.events),
        csrf,
        `giấy chứng nhận số ${c.number} của sản phẩm ${dossier.product.name}`,
      )
    : ''
}
</section>`,
  )}`;
}

function correctionForm(
  action: string,
  prefix: string,
  event: { id: number; kind: string } | undefined,
  csrf: string,
  about: string,
): Html {
  if (!event) return html``;
  return html`<details><summary>Đính chính quyết định ${eventWords(event.kind)} gần nhất</summary>
<form method="post" action="${action}" data-step-up data-decision="Đính chính quyết định ${eventWords(event.kind)} gần nhất đối với ${about}">${hidden(csrf)}<input type="hidden" name="eventId" value="${event.id}">
${decisionFields(prefix, [])}<button type="submit">Ghi quyết định đính chính</button></form></details>`;
}

export function batchesSection(dossier: ProductDossier, csrf: string, mayAct: boolean): Html {
  return html`<h2 id="batches">Lô hàng</h2><table><thead><tr><th scope="col">Lô</th><th scope="col">Ngày sản xuất</th><th scope="col">Tem đã in</th>
<th scope="col">Trạng thái</th><th scope="col">Thu hồi lô</th></tr></thead><tbody>${dossier.batches.map(
    (b) => html`<tr><td>${b.lot}</td><td>${d(b.productionDate)}</td>
<td>${b.ranges.map((r) => `${r.firstSerial}–${r.lastSerial}`).join(', ') || '—'}</td>
<td>${b.recalledOn ? html`<strong class="err">Đã thu hồi ${d(b.recalledOn)}</strong>` : 'Bình thường'}</td>
<td>${
      mayAct && !b.recalledOn
        ? html`<details><summary>Thu hồi lô ${b.lot}</summary><form method="post" action="/console/inspect/batches/${b.id}/recall" data-step-up data-decision="Thu hồi lô ${b.lot} của sản phẩm ${dossier.product.name}">
${hidden(csrf)}${decisionFields(`b-${b.id}`, dossier.inspections)}<button type="submit">Thu hồi lô</button></form></details>`
        : ''
    }
${
  mayAct && b.recalledOn
    ? correctionForm(
        `/console/inspect/batches/${b.id}/corrections`,
        `bc-${b.id}`,
        latestOpenDecision(b.events),
        csrf,
        `lô ${b.lot} của sản phẩm ${dossier.product.name}`,
      )
    : ''
}</td></tr>`,
  )}</tbody></table>`;
}

export function areasSection(dossier: ProductDossier, csrf: string, mayAct: boolean): Html {
  if (dossier.areas.length === 0) return html``;
  return html`<h2 id="areas">Vùng nguyên liệu</h2>${dossier.areas.map(
    (a) => html`<section class="card" aria-labelledby="area-${a.id}">
<h3 id="area-${a.id}">${a.name}${a.officialCode ? ` (${a.officialCode})` : ''}</h3>
<p>${a.standards.map((s) => `${s.name}: hết hạn ${d(s.expiresOn)}`).join(' · ') || 'Chưa khai báo tiêu chuẩn.'}</p>
${a.flags.map((f) => html`<p class="err">Đã ghi nhận ${d(f.flaggedOn)}: tiêu chuẩn ${f.standard} hết hiệu lực. ${f.reason}</p>`)}
${
  mayAct
    ? html`<details><summary>Ghi nhận tiêu chuẩn hết hiệu lực</summary><form method="post" action="/console/inspect/areas/${a.id}/flags" data-step-up data-decision="Ghi nhận tiêu chuẩn hết hiệu lực của vùng nguyên liệu ${a.name}">${hidden(csrf)}
<input type="hidden" name="productId" value="${dossier.product.id}">
<div class="field"><label for="s-${a.id}">Tiêu chuẩn</label><select id="s-${a.id}" name="standard" required>${a.standards.map((s) => html`<option>${s.name}</option>`)}<option>Khác</option></select></div>
<div class="field"><label for="o-${a.id}">Từ ngày</label><input id="o-${a.id}" type="date" name="flaggedOn" required></div>
<div class="field"><label for="r-${a.id}">Lý do</label><input id="r-${a.id}" name="reason" required></div>
<button type="submit">Ghi nhận</button></form></details>`
    : ''
}</section>`,
  )}`;
}

export function inspectionForm(dossier: ProductDossier, csrf: string): Html {
  const fields: Field[] = [
    {
      name: 'target',
      label: 'Đối tượng kiểm tra',
      type: 'select',
      required: true,
      options: [
        { value: `product:${dossier.product.id}`, label: `Sản phẩm: ${dossier.product.name}` },
        { value: `subject:${dossier.subject.id}`, label: `Chủ thể: ${dossier.subject.name}` },
        ...dossier.batches.map((b) => ({ value: `batch:${b.id}`, label: `Lô ${b.lot}` })),
      ],
    },
    { name: 'inspectedOn', label: 'Ngày kiểm tra', type: 'date', required: true },
    { name: 'agency', label: 'Cơ quan kiểm tra', type: 'text', required: true },
    {
      name: 'result',
      label: 'Kết quả',
      type: 'select',
      required: true,
      options: [
        { value: 'pass', label: 'Đạt' },
        { value: 'violations', label: 'Có vi phạm' },
      ],
    },
  ];
  return html`<details class="card" id="new-inspection"><summary><h2 style="display:inline">Ghi nhận kiểm tra</h2></summary>
<form method="post" action="/console/inspect/products/${dossier.product.id}/inspections">${hidden(csrf)}
${fields.map((f) => renderField(f, ''))}
<div class="field"><label for="f-findings">Kết quả kiểm tra, phát hiện</label><textarea id="f-findings" name="findings" rows="3" required></textarea></div>
<div class="field"><label for="f-samples">Mẫu đã lấy (mỗi dòng: mã mẫu; mô tả; kết quả)</label><textarea id="f-samples" name="samples" rows="2"></textarea></div>
<div class="field"><label for="f-attachments">Tệp đính kèm (mỗi dòng: tên; đường dẫn hoặc SHA-256)</label><textarea id="f-attachments" name="attachments" rows="2"></textarea></div>
<button type="submit">Lưu biên bản</button></form></details>`;
}

/** A timeline step in words: the service gives codes and facts, the vocabulary makes the sentence. */
function timelineTitle(t: TimelineEntry): string {
  const [scope, code] = t.kind.split('.') as [string, string | undefined];
  if (scope === 'certificate') return vi.timeline.certificate(t.about, eventWords(t.event ?? code ?? ''));
  if (scope === 'batch') return vi.timeline.batch(t.about, eventWords(t.event ?? code ?? ''));
  if (t.kind === 'stamps.issued' && t.serials)
    return vi.timeline.stampsIssued(t.about, t.serials.last - t.serials.first + 1);
  if (scope === 'inspection')
    return vi.timeline.inspection(vi.inspectionResults[code as InspectionResult] ?? code ?? '', t.about);
  if (t.kind === 'area.flagged') return vi.timeline.areaFlagged(t.about);
  if (t.kind === 'report' && t.state) return vi.timeline.report(vi.reportStates[t.state]);
  return t.kind;
}

export function timelineSection(dossier: ProductDossier): Html {
  return html`<h2 id="timeline">Dòng thời gian</h2><ol class="card">${dossier.timeline.map((t) => {
    const detail = t.serials ? vi.timeline.serials(t.serials.first, t.serials.last) : t.detail;
    return html`<li><strong>${d(t.on)}</strong> ${timelineTitle(t)}${t.basis ? ` (${t.basis})` : ''}${detail ? html`<br><span class="hint">${detail}</span>` : ''}</li>`;
  })}</ol>`;
}

export function scansAndReports(dossier: ProductDossier): Html {
  return html`<h2 id="scans">Lượt quét theo nơi quét</h2><table><thead><tr><th scope="col">Nơi</th><th scope="col">Số lượt</th></tr></thead>
<tbody>${dossier.scansByPlace.map((s) => html`<tr><td>${s.place ?? 'Không rõ'}</td><td>${s.n}</td></tr>`)}</tbody></table>
<h2 id="reports">Phản ánh của người tiêu dùng</h2>${
    dossier.reports.length
      ? html`<ul>${dossier.reports.map(
          (r) => html`<li>${d(r.createdAt)} – ${r.details}
(${vi.reportStates[r.state]})</li>`,
        )}</ul>`
      : html`<p class="hint">Chưa có phản ánh.</p>`
  }`;
}
