import type { ProductDossier } from '../../src/services/inspections/product-dossier';
import { vietnamDate } from '../format';
import { html, type Html } from '../view';
import { vi } from '../words/vi';
import {
  areasSection,
  batchesSection,
  certificatesSection,
  inspectionForm,
  scansAndReports,
  timelineSection,
} from './dossier-view';
import type { May } from './layout';

export type DossierProblem = { message: string; fields: Record<string, string> };

/** A refused field by the words of its label, not its code. */
const FIELD_LABELS: Record<string, string> = {
  action: 'Thao tác',
  grounds: 'Căn cứ thu hồi',
  effectiveOn: 'Ngày hiệu lực',
  reason: 'Lý do',
  basis: 'Căn cứ (số quyết định, biên bản)',
  decidedBy: 'Cơ quan quyết định',
  inspectionId: 'Theo lần kiểm tra',
  standard: 'Tiêu chuẩn',
  flaggedOn: 'Từ ngày',
  inspectedOn: 'Ngày kiểm tra',
  agency: 'Cơ quan kiểm tra',
  findings: 'Kết quả kiểm tra, phát hiện',
  result: 'Kết quả',
};

/** A product's dossier: what was just recorded or refused, then every section, with the forms the role may use. */
export function dossierView(
  dossier: ProductDossier,
  csrf: string,
  may: May,
  done: boolean,
  problem?: DossierProblem,
): Html {
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
