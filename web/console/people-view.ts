import { PROVINCES } from '../../src/data/provinces';
import type { Role } from '../../src/services/shared/policy';
import { vietnamTime } from '../format';
import { html, type Html } from '../view';

export const ROLE_VI: Record<Role, string> = { retailer: 'Nhà bán lẻ', producer: 'Nhà sản xuất', inspector: 'Thanh tra', authority: 'Cơ quan quản lý', admin: 'Quản trị' };

type ScopeRow = { role: Role; provinceCode: string | null; subjectId: string | null };
export type PersonRow = ScopeRow & { id: string; name: string; disabledAt: Date | null; lastSignInAt: Date | null };
export type InvitationRow = ScopeRow & { id: string; name: string; expiresAt: Date };

/** A scope in words: the province by name, "toàn quốc" for central, the subject for a producer. */
export function scopeLabel(row: ScopeRow): string {
  if (row.role === 'producer') return `Chủ thể ${row.provinceCode ? `(${PROVINCES[row.provinceCode]?.vi ?? row.provinceCode})` : ''}`.trim();
  if (row.provinceCode === null) return 'Trung ương (toàn quốc)';
  return PROVINCES[row.provinceCode]?.vi ?? `Tỉnh ${row.provinceCode}`;
}

const action = (href: string, csrf: string, label: string, who: string, stepUp: boolean) =>
  html`<form method="post" action="${href}"${stepUp ? html` data-step-up` : ''}><input type="hidden" name="_csrf" value="${csrf}"><button class="secondary" type="submit">${label}<span class="skip"> ${who}</span></button></form>`;

/** Who holds power here: state, scope and last sign-in, with the actions to take it away or back. */
export function peopleTable(people: PersonRow[], csrf: string, selfId: string | null): Html {
  return html`<table><caption class="skip">Người dùng trong phạm vi của bạn</caption>
<thead><tr><th scope="col">Tên</th><th scope="col">Vai trò</th><th scope="col">Phạm vi</th><th scope="col">Đăng nhập gần nhất</th><th scope="col">Trạng thái</th><th scope="col">Thao tác</th></tr></thead>
<tbody>${people.map((p) => html`<tr><td>${p.name}</td><td>${ROLE_VI[p.role]}</td><td>${scopeLabel(p)}</td>
<td>${p.lastSignInAt ? vietnamTime(p.lastSignInAt) : 'Chưa đăng nhập'}</td>
<td>${p.disabledAt ? html`<strong>Đã vô hiệu hóa</strong> (${vietnamTime(p.disabledAt)})` : 'Đang hoạt động'}</td>
<td>${p.id === selfId ? '—' : p.disabledAt ? action(`/console/people/${p.id}/enable`, csrf, 'Kích hoạt lại', p.name, true)
    : action(`/console/people/${p.id}/disable`, csrf, 'Vô hiệu hóa', p.name, true)}</td></tr>`)}</tbody></table>`;
}

export function invitationsTable(invitations: InvitationRow[], csrf: string): Html {
  if (invitations.length === 0) return html`<p>Không có lời mời nào đang chờ.</p>`;
  return html`<table><caption class="skip">Lời mời chưa dùng</caption>
<thead><tr><th scope="col">Tên</th><th scope="col">Vai trò</th><th scope="col">Phạm vi</th><th scope="col">Hết hạn</th><th scope="col">Thao tác</th></tr></thead>
<tbody>${invitations.map((e) => html`<tr><td>${e.name}</td><td>${ROLE_VI[e.role]}</td><td>${scopeLabel(e)}</td><td>${vietnamTime(e.expiresAt)}</td>
<td>${action(`/console/enrolments/${e.id}/withdraw`, csrf, 'Thu hồi lời mời', e.name, false)}</td></tr>`)}</tbody></table>`;
}
