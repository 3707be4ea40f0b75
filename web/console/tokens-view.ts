import type { Role } from '../../src/services/shared/policy';
import { vietnamTime } from '../format';
import { html, type Html } from '../view';
import { vi } from '../words/vi';
import { renderForm, type FieldErrors, type Option } from './forms';
import { scopeLabel } from './people-view';
import { scopeFields } from './scope-fields';

export type TokenRow = {
  id: string;
  name: string;
  role: Role;
  provinceCode: string | null;
  subjectId: string | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
};

export type TokensPage = {
  tokens: TokenRow[];
  csrf: string;
  subjects: Option[];
  /** The retailer organisations a retailer's account may belong to. */
  organisations?: Option[];
  secret?: string;
  values?: Record<string, unknown>;
  errors?: FieldErrors;
  message?: string;
};

/** API tokens: the new secret once, every token with its scope, and the form to create one. */
export function tokensView(p: TokensPage): Html {
  return html`
${p.secret ? html`<div class="notice" role="status"><p>Mã truy cập mới (chỉ hiển thị một lần):</p><p><code data-new-token>${p.secret}</code></p></div>` : ''}
<table><thead><tr><th scope="col">Tên</th><th scope="col">Vai trò</th><th scope="col">Phạm vi</th><th scope="col">Hết hạn</th><th scope="col">Trạng thái</th></tr></thead>
<tbody>${p.tokens.map(
    (
      t,
    ) => html`<tr><td>${t.name}</td><td>${vi.roles[t.role]}</td><td>${scopeLabel(t)}</td><td>${t.expiresAt ? vietnamTime(t.expiresAt) : '—'}</td>
<td>${t.revokedAt ? html`Đã thu hồi (${vietnamTime(t.revokedAt)})` : html`<form method="post" action="/console/tokens/${t.id}/revoke"><input type="hidden" name="_csrf" value="${p.csrf}"><button class="secondary" type="submit">Thu hồi<span class="skip"> ${t.name}</span></button></form>`}</td></tr>`,
  )}</tbody></table>
<h2>Tạo mã truy cập</h2>${renderForm({
    action: '/console/tokens',
    fields: scopeFields(p.subjects, p.organisations),
    values: p.values ?? {},
    errors: p.errors ?? {},
    csrf: p.csrf,
    submit: 'Tạo mã truy cập',
    message: p.message,
    stepUp: true,
  })}`;
}
