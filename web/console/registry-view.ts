import { html, type Html } from '../view';
import { vi } from '../words/vi';
import type { EntitySpec } from './entity-specs';
import { renderForm, type Field, type FieldErrors } from './forms';
import type { May } from './layout';

export type RegistryListPage = { base: string; spec: EntitySpec; q: string | undefined; rows: Record<string, unknown>[]; total: number; page: number; pageSize: number; saved: boolean };

/** One registry entity's list: search, the add button and edit links for roles that may, and paging. */
export function registryListView(p: RegistryListPage, may: May): Html {
  const { base, spec } = p;
  const pages = Math.max(1, Math.ceil(p.total / p.pageSize));
  const link = (n: number) => `${base}?page=${n}${p.q ? `&q=${encodeURIComponent(p.q)}` : ''}`;
  const editable = spec.updateAction !== null && may(spec.updateAction);
  return html`
${p.saved ? html`<p class="notice" role="status">${vi.messages.saved}</p>` : ''}
<form class="toolbar" method="get" action="${base}" role="search"><div class="field"><label for="q">Tìm kiếm</label>
<input id="q" name="q" type="search" value="${p.q ?? ''}"></div><button type="submit">Tìm</button>
${may(spec.createAction) ? html`<a class="button" href="${base}/new">Thêm ${spec.singular}</a>` : ''}</form>
<table><caption class="hint">${p.total} kết quả · trang ${p.page}/${pages}</caption>
<thead><tr>${spec.columns.map((col) => html`<th scope="col">${col.label}</th>`)}<th scope="col"><span class="hint">Thao tác</span></th></tr></thead>
<tbody>${p.rows.map((row) => html`<tr>${spec.columns.map((col) => html`<td>${col.value(row)}</td>`)}
<td>${editable ? html`<a href="${base}/${String(row.id)}/edit">Sửa<span class="skip"> ${String(row.name ?? row.lot ?? row.number ?? '')}</span></a>` : ''}</td></tr>`)}</tbody></table>
<nav aria-label="Phân trang">${p.page > 1 ? html`<a href="${link(p.page - 1)}">‹ Trang trước</a> ` : ''}${p.page < pages ? html`<a href="${link(p.page + 1)}">Trang sau ›</a>` : ''}</nav>`;
}

/** The create or edit form of a registry record, with what the service refused beside its field. */
export function registryFormView(p: { action: string; fields: Field[]; values: Record<string, unknown>; errors?: FieldErrors; csrf: string; editing: boolean; message?: string }): Html {
  return renderForm({ action: p.action, fields: p.fields, values: p.values, errors: p.errors ?? {}, csrf: p.csrf,
    submit: p.editing ? 'Lưu thay đổi' : 'Lưu', message: p.message });
}
