import { PROVINCES } from '../../src/data/provinces';
import type { Role } from '../../src/services/shared/policy';
import { vietnamTime } from '../format';
import { html, type Html } from '../view';
import { vi } from '../words/vi';
import { renderForm, type FieldErrors, type Option } from './forms';
import { scopeFields } from './scope-fields';

type ScopeRow = { role: Role; provinceCode: string | null; subjectId: string | null };
export type PersonRow = ScopeRow & { id: string; name: string; disabledAt: Date | null; lastSignInAt: Date | null };
export type InvitationRow = ScopeRow & { id: string; name: string; expiresAt: Date };

/** A scope in words: the province by name, "toàn quốc" for central, the subject for a producer. */
export function scopeLabel(row: ScopeRow): string {
  if (row.role === 'producer')
    return `Chủ thể ${row.provinceCode ? `(${PROVINCES[row.provinceCode]?.vi ?? row.provinceCode})` : ''}`.trim();
  if (row.provinceCode === null) return vi.messages.scopeCentral;
  return PROVINCES[row.provinceCode]?.vi ?? vi.messages.province(row.provinceCode);
}

const action = (href: string, csrf: string, label: string, who: string, stepUp: boolean) =>
  html`<form method="post" action="${href}"${stepUp ? html` data-step-up` : ''}><input type="hidden" name="_csrf" value="${csrf}"><button class="secondary" type="submit">${label}<span class="skip"> ${who}</span></button></form>`;

/** Who holds power here: state, scope and last sign-in, with the actions to take it away or back. */
export function peopleTable(people: PersonRow[], csrf: string, selfId: string | null): Html {
  return html`<table><caption class="skip">Người dùng trong phạm vi của bạn</caption>
<thead><tr><th scope="col">Tên</th><th scope="col">Vai trò</th><th scope="col">Phạm vi</th><th scope="col">Đăng nhập gần nhất</th><th scope="col">Trạng thái</th><th scope="col">Thao tác</th></tr></thead>
<tbody>${people.map(
    (p) => html`<tr><td>${p.name}</td><td>${vi.roles[p.role]}</td><td>${scopeLabel(p)}</td>
<td>${p.lastSignInAt ? vietnamTime(p.lastSignInAt) : 'Chưa đăng nhập'}</td>
<td>${p.disabledAt ? html`<strong>Đã vô hiệu hóa</strong> (${vietnamTime(p.disabledAt)})` : 'Đang hoạt động'}</td>
<td>${
      p.id === selfId
        ? '—'
        : p.disabledAt
          ? action(`/console/people/${p.id}/enable`, csrf, 'Kích hoạt lại', p.name, true)
          : action(`/console/people/${p.id}/disable`, csrf, 'Vô hiệu hóa', p.name, true)
    }</td></tr>`,
  )}</tbody></table>`;
}

export function invitationsTable(invitations: InvitationRow[], csrf: string): Html {
  if (invitations.length === 0) return html`<p>Không có lời mời nào đang chờ.</p>`;
  return html`<table><caption class="skip">Lời mời chưa dùng</caption>
<thead><tr><th scope="col">Tên</th><th scope="col">Vai trò</th><th scope="col">Phạm vi</th><th scope="col">Hết hạn</th><th scope="col">Thao tác</th></tr></thead>
<tbody>${invitations.map(
    (
      e,
    ) => html`<tr><td>${e.name}</td><td>${vi.roles[e.role]}</td><td>${scopeLabel(e)}</td><td>${vietnamTime(e.expiresAt)}</td>
<td>${action(`/console/enrolments/${e.id}/withdraw`, csrf, 'Thu hồi lời mời', e.name, false)}</td></tr>`,
  )}</tbody></table>`;
}

export type PeoplePage = {
  people: PersonRow[];
  invitations: InvitationRow[];
  csrf: string;
  selfId: string | null;
  subjects: Option[];
  /** The retailer organisations a retailer's account may belong to. */
  organisations?: Option[];
  link?: string;
  notice?: string;
  message?: string;
  values?: Record<string, unknown>;
  errors?: FieldErrors;
};

/** The people page: a fresh link or what was just done, who holds power, pending invitations, and the invite form. */
export function peopleView(p: PeoplePage): Html {
  return html`
${p.link ? html`<div class="notice" role="status"><p>Gửi liên kết đăng ký này cho người được mời (dùng một lần, hết hạn sau 24 giờ):</p><p><code data-enrolment-link>${p.link}</code></p></div>` : ''}
${p.notice ? html`<div class="notice" role="status"><p>${p.notice}</p></div>` : ''}
${p.message && !p.values ? html`<p class="error" role="alert">${p.message}</p>` : ''}
${peopleTable(p.people, p.csrf, p.selfId)}
<h2>Lời mời đang chờ</h2>${invitationsTable(p.invitations, p.csrf)}
<h2>Mời người dùng</h2>
<p class="hint">Mời thanh tra, cơ quan quản lý hoặc quản trị viên cần xác thực lại bằng passkey.</p>
${renderForm({
  action: '/console/people/invite',
  fields: scopeFields(p.subjects, p.organisations),
  values: p.values ?? {},
  errors: p.errors ?? {},
  csrf: p.csrf,
  submit: 'Tạo liên kết đăng ký',
  message: p.values ? p.message : undefined,
  stepUp: true,
})}`;
}
