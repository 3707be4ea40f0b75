import type { listInspections } from '../../src/services/inspections/list-inspections';
import type { ProductDossier } from '../../src/services/inspections/product-dossier';
import type { SearchHit } from '../../src/services/inspections/search';
import { PROVINCES } from '../../src/data/provinces';
import { vietnamDate } from '../format';
import { html, type Html } from '../view';
import { vi } from '../words/vi';
import { areasSection, batchesSection, certificatesSection, inspectionForm, scansAndReports, timelineSection } from './dossier-view';
import type { May } from './layout';

type RecentInspection = Awaited<ReturnType<typeof listInspections>>[number];

/** Hậu kiểm: one search box over everything an inspector may hold, and the latest inspections. */
export function inspectSearchView(q: string, hits: SearchHit[] | null, recent: RecentInspection[]): Html {
  return html`<form class="toolbar" method="get" action="/console/inspect" role="search"><div class="field">
<label for="q">Tìm theo mã tem hoặc đường dẫn, số sê-ri, sản phẩm, chủ thể, số chứng nhận hoặc số lô</label>
<input id="q" name="q" type="search" value="${q}" style="max-width:40rem"></div><button type="submit">Tìm</button></form>
${hits ? html`<h2>Kết quả</h2>${hits.length ? html`<ul>${hits.map((h) => html`<li><a href="/console/inspect/products/${h.productId}">${h.productName}</a> – ${h.subjectName} (${PROVINCES[h.provinceCode]?.vi ?? vi.messages.province(h.provinceCode)})</li>`)}</ul>`
    : html`<p role="status">Không tìm thấy sản phẩm nào trong phạm vi của bạn.</p>`}` : ''}
<h2>Lần kiểm tra gần đây</h2><table><thead><tr><th scope="col">Ngày</th><th scope="col">Chủ thể, sản phẩm</th><th scope="col">Cơ quan</th><th scope="col">Kết quả</th></tr></thead>
<tbody>${recent.map((r) => html`<tr><td>${vietnamDate(r.inspection.inspectedOn)}</td><td>${r.subjectName}${r.productName ? html` – <a href="/console/inspect/products/${r.inspection.productId}">${r.productName}</a>` : ''}</td>
<td>${r.inspection.agency}</td><td>${r.inspection.result === 'pass' ? 'Đạt' : 'Có vi phạm'}</td></tr>`)}</tbody></table>`;
}

export type DossierProblem = { message: string; fields: Record<string, string> };

/** A refused field by the words of its label, not its code. */
const FIELD_LABELS: Record<string, string> = {
  action: 'Thao tác', grounds: 'Căn cứ thu hồi', effectiveOn: 'Ngày hiệu lực', reason: 'Lý do', basis: 'Căn cứ (số quyết định, biên bản)',
  decidedBy: 'Cơ quan quyết định', inspectionId: 'Theo lần kiểm tra', standard: 'Tiêu chuẩn', flaggedOn: 'Từ ngày',
  inspectedOn: 'Ngày kiểm tra', agency: 'Cơ quan kiểm tra', findings: 'Kết quả kiểm tra, phát hiện', result: 'Kết quả',
};

/** A product's dossier: what was just recorded or refused, then every section, with the forms the role may use. */
export function dossierView(dossier: ProductDossier, csrf: string, may: May, done: boolean, problem?: DossierProblem): Html {
  const fieldList = Object.entries(problem?.fields ?? {});
  return html`
${done ? html`<p class="notice" role="status">${vi.messages.recorded}</p>` : ''}
${problem ? html`<div class="error" role="alert"><p>${problem.message}</p>${fieldList.length ? html`<ul>${fieldList.map(([k, v]) => html`<li>${FIELD_LABELS[k] ?? k}: ${v}</li>`)}</ul>` : ''}</div>` : ''}
<p><a href="#certs">Chứng nhận</a> · <a href="#batches">Lô hàng</a> · <a href="#areas">Vùng nguyên liệu</a> · <a href="#inspections">Kiểm tra</a> · <a href="#scans">Lượt quét</a> · <a href="#reports">Phản ánh</a> · <a href="#timeline">Dòng thời gian</a></p>
${certificatesSection(dossier, csrf, may('certificate.revoke'))}
${batchesSection(dossier, csrf, may('batch.recall'))}
${areasSection(dossier, csrf, may('area.flag'))}
<h2 id="inspections">Các lần kiểm tra</h2><ul>${dossier.inspections.map((i) => html`<li>${vietnamDate(i.inspectedOn)} – ${i.agency}: ${vi.inspectionResults[i.result]}. ${i.findings}</li>`)}</ul>
${may('inspection.record') ? inspectionForm(dossier, csrf) : ''}
${scansAndReports(dossier)}${timelineSection(dossier)}`;
}
