import type { listInspections } from '../../src/services/inspections/list-inspections';
import type { SearchHit } from '../../src/services/inspections/search';
import { PROVINCES } from '../../src/data/provinces';
import { vietnamDate } from '../format';
import { html, type Html } from '../view';
import { vi } from '../words/vi';

type RecentInspection = Awaited<ReturnType<typeof listInspections>>[number];

export type SearchPage = {
  q: string;
  /** null: nothing searched yet. */
  hits: SearchHit[] | null;
  recent: RecentInspection[];
  /** Why the query could not be used (a NUL, broken Unicode): said beside the box. */
  problem?: string;
};

function hitView(h: SearchHit): Html {
  const where = h.matchedIn.map((kind) => vi.registry[kind].singular).join(', ');
  return html`<li><a href="/console/inspect/products/${h.productId}">${h.productName}</a> – ${h.subjectName} (${PROVINCES[h.provinceCode]?.vi ?? vi.messages.province(h.provinceCode)})${where ? html` <span class="hint">· ${vi.search.matchedIn} ${where}</span>` : ''}</li>`;
}

/** Hậu kiểm: one search box over everything an inspector may hold, and the latest inspections. */
export function inspectSearchView(p: SearchPage): Html {
  const described = p.problem ? 'q-hint q-err' : 'q-hint';
  return html`<form class="toolbar" method="get" action="/console/inspect" role="search"><div class="field">
<label for="q">${vi.search.label}</label>
<input id="q" name="q" type="search" value="${p.q}" maxlength="400" style="max-width:40rem" aria-describedby="${described}"${p.problem ? html` aria-invalid="true"` : ''}>
<span class="hint" id="q-hint">${vi.search.hint}</span>
${p.problem ? html`<span class="error" id="q-err" role="alert">${p.problem}</span>` : ''}</div>
<button type="submit">${vi.search.submit}</button></form>
${p.hits ? html`<h2>${vi.search.results}</h2>${p.hits.length ? html`<ul>${p.hits.map(hitView)}</ul>` : html`<p role="status">${vi.search.none}</p>`}` : ''}
<h2>Lần kiểm tra gần đây</h2><table><thead><tr><th scope="col">Ngày</th><th scope="col">Chủ thể, sản phẩm</th><th scope="col">Cơ quan</th><th scope="col">Kết quả</th></tr></thead>
<tbody>${p.recent.map(
    (
      r,
    ) => html`<tr><td>${vietnamDate(r.inspection.inspectedOn)}</td><td>${r.subjectName}${r.productName ? html` – <a href="/console/inspect/products/${r.inspection.productId}">${r.productName}</a>` : ''}</td>
<td>${r.inspection.agency}</td><td>${r.inspection.result === 'pass' ? 'Đạt' : 'Có vi phạm'}</td></tr>`,
  )}</tbody></table>`;
}
