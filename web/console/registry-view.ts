import type { RegistryKind } from '../../src/domain/registry-entities';
import type { Action } from '../../src/services/shared/policy';
import { html, type Html } from '../view';
import { vi } from '../words/vi';
import { listColumns } from './entity-specs';
import { renderForm, type Field, type FieldErrors } from './forms';
import type { May } from './layout';

export type RegistryListPage = {
  kind: RegistryKind;
  /** The entity's policy actions, from its entry in the entity table. */
  actions: { creates: Action; updates: Action | null };
  q: string | undefined;
  rows: Record<string, unknown>[];
  total: number;
  page: number;
  pageSize: number;
  saved: boolean;
  /** Why the search could not be used (a NUL, broken Unicode, too long): said beside the box, nothing listed. */
  problem?: string;
};

/** One registry entity's list: search, the add button and edit links for roles that may, and paging. */
export function registryListView(p: RegistryListPage, may: May): Html {
  const base = `/console/${p.kind}`;
  const words = vi.registry[p.kind];
  const columns = listColumns(p.kind);
  const pages = Math.max(1, Math.ceil(p.total / p.pageSize));
  const link = (n: number) => `${base}?page=${n}${p.q ? `&q=${encodeURIComponent(p.q)}` : ''}`;
  const editable = p.actions.updates !== null && may(p.actions.updates);
  const described = p.problem ? 'q-hint q-err' : 'q-hint';
  return html`
${p.saved ? html`<p class="notice" role="status">${vi.messages.saved}</p>` : ''}
<form class="toolbar" method="get" action="${base}" role="search"><div class="field"><label for="q">Tìm ${words.singular}</label>
<input id="q" name="q" type="search" value="${p.q ?? ''}" maxlength="100" aria-describedby="${described}"${p.problem ? html` aria-invalid="true"` : ''}>
<span class="hint" id="q-hint">${vi.search.hint}</span>
${p.problem ? html`<span class="error" id="q-err" role="alert">${p.problem}</span>` : ''}</div>
<button type="submit">${vi.search.submit}</button>
${may(p.actions.creates) ? html`<a class="button" href="${base}/new">Thêm ${words.singular}</a>` : ''}</form>
<table><caption class="hint">${p.total} kết quả · trang ${p.page}/${pages}</caption>
<thead><tr>${columns.map((col) => html`<th scope="col">${col.label}</th>`)}<th scope="col"><span class="hint">Thao tác</span></th></tr></thead>
<tbody>${p.rows.map(
    (row) => html`<tr>${columns.map((col) => html`<td>${col.value(row)}</td>`)}
<td>${editable ? html`<a href="${base}/${String(row.id)}/edit">Sửa<span class="skip"> ${columns[0]!.value(row)}</span></a>` : ''}</td></tr>`,
  )}</tbody></table>
<nav aria-label="Phân trang">${p.page > 1 ? html`<a href="${link(p.page - 1)}">‹ Trang trước</a> ` : ''}${p.page < pages ? html`<a href="${link(p.page + 1)}">Trang sau ›</a>` : ''}</nav>`;
}

/** The create or edit form of a registry record, with what the service refused beside its field. */
export function registryFormView(p: {
  action: string;
  fields: Field[];
  values: Record<string, unknown>;
  errors?: FieldErrors;
  csrf: string;
  editing: boolean;
  message?: string;
}): Html {
  return renderForm({
    action: p.action,
    fields: p.fields,
    values: p.values,
    errors: p.errors ?? {},
    csrf: p.csrf,
    submit: p.editing ? 'Lưu thay đổi' : 'Lưu',
    message: p.message,
  });
}
