import { Hono } from 'hono';
import type { AppEnv } from '../../app-env';
import { createEnrolment } from '../../services/auth/enrolment';
import { listAudit } from '../../services/audit/list-audit';
import { listPeople } from '../../services/people/manage-people';
import { listRegistry } from '../../services/registry/read-registry';
import { createApiToken } from '../../services/tokens/create-token';
import { listApiTokens, revokeApiToken } from '../../services/tokens/manage-tokens';
import { ROLES } from '../../services/shared/policy';
import { inviteInput, tokenInput } from '../admin';
import { serviceContext } from '../context';
import { PROVINCES } from '../../data/provinces';
import { formToInput, renderForm, type Field } from '../../../web/console/forms';
import { html } from '../../../web/view';
import { formFailure, parseWith, postedForm, render, requirePerson } from './shared';

const ROLE_OPTIONS = ROLES.map((r) => ({ value: r, label: { retailer: 'Nhà bán lẻ', producer: 'Nhà sản xuất', inspector: 'Thanh tra', authority: 'Cơ quan quản lý', admin: 'Quản trị' }[r] }));
const PROVINCE_OPTIONS = [{ value: 'central', label: 'Trung ương (toàn quốc)' }, ...Object.entries(PROVINCES).map(([value, p]) => ({ value, label: `${value} – ${p.vi}` }))];
const scopeFields = (subjects: { value: string; label: string }[]): Field[] => [
  { name: 'name', label: 'Họ tên / tên', type: 'text', required: true },
  { name: 'role', label: 'Vai trò', type: 'select', required: true, options: ROLE_OPTIONS },
  { name: 'provinceCode', label: 'Phạm vi', type: 'select', options: PROVINCE_OPTIONS, hint: 'Thanh tra và cơ quan quản lý: một tỉnh hoặc trung ương.' },
  { name: 'subjectId', label: 'Chủ thể (chỉ với nhà sản xuất)', type: 'select', options: subjects },
];

/** People and invitations, API tokens, and the audit log. */
export const adminPages = new Hono<AppEnv>();
for (const path of ['/console/people', '/console/people/*', '/console/tokens', '/console/tokens/*', '/console/audit']) adminPages.use(path, requirePerson);

async function subjectOptions(c: Parameters<typeof serviceContext>[0]) {
  const page = await listRegistry(serviceContext(c), 'subjects', { page: 1, pageSize: 100 }).catch(() => ({ items: [] }));
  return (page.items as { id: string; name: string }[]).map((s) => ({ value: s.id, label: s.name }));
}

async function peoplePage(c: Parameters<typeof serviceContext>[0], extra: { link?: string; values?: Record<string, unknown>; errors?: Record<string, string>; message?: string; status?: 200 | 400 | 403 | 404 | 409 | 422 } = {}) {
  const people = await listPeople(serviceContext(c));
  return render(c, 'Người dùng', html`
${extra.link ? html`<div class="notice" role="status"><p>Gửi liên kết đăng ký này cho người được mời (dùng một lần, hết hạn sau 24 giờ):</p><p><code data-enrolment-link>${extra.link}</code></p></div>` : ''}
<table><thead><tr><th scope="col">Tên</th><th scope="col">Vai trò</th><th scope="col">Tỉnh</th></tr></thead>
<tbody>${people.map((p) => html`<tr><td>${p.name}</td><td>${p.role}</td><td>${p.provinceCode ?? 'Trung ương'}</td></tr>`)}</tbody></table>
<h2>Mời người dùng</h2>${renderForm({ action: '/console/people/invite', fields: scopeFields(await subjectOptions(c)), values: extra.values ?? {}, errors: extra.errors ?? {},
    csrf: c.var.session!.csrfToken, submit: 'Tạo liên kết đăng ký', message: extra.message })}`, extra.status);
}

adminPages.get('/console/people', (c) => peoplePage(c));
adminPages.post('/console/people/invite', async (c) => {
  const input = formToInput(scopeFields([]), await postedForm(c));
  try {
    const { link } = await createEnrolment({ ctx: serviceContext(c), input: parseWith(inviteInput, input) });
    return peoplePage(c, { link });
  } catch (error) {
    const failure = formFailure(error);
    return peoplePage(c, { values: input, errors: failure.fields, message: failure.message, status: failure.status });
  }
});

async function tokensPage(c: Parameters<typeof serviceContext>[0], extra: { secret?: string; values?: Record<string, unknown>; errors?: Record<string, string>; message?: string; status?: 200 | 400 | 403 | 404 | 409 | 422 } = {}) {
  const tokens = await listApiTokens(serviceContext(c));
  const csrf = c.var.session!.csrfToken;
  return render(c, 'Mã truy cập (API)', html`
${extra.secret ? html`<div class="notice" role="status"><p>Mã truy cập mới (chỉ hiển thị một lần):</p><p><code data-new-token>${extra.secret}</code></p></div>` : ''}
<table><thead><tr><th scope="col">Tên</th><th scope="col">Vai trò</th><th scope="col">Phạm vi</th><th scope="col">Hết hạn</th><th scope="col">Trạng thái</th></tr></thead>
<tbody>${tokens.map((t) => html`<tr><td>${t.name}</td><td>${t.role}</td><td>${t.provinceCode ?? 'Trung ương'}</td><td>${t.expiresAt?.toISOString().slice(0, 10) ?? '—'}</td>
<td>${t.revokedAt ? 'Đã thu hồi' : html`<form method="post" action="/console/tokens/${t.id}/revoke"><input type="hidden" name="_csrf" value="${csrf}"><button class="secondary" type="submit">Thu hồi<span class="skip"> ${t.name}</span></button></form>`}</td></tr>`)}</tbody></table>
<h2>Tạo mã truy cập</h2>${renderForm({ action: '/console/tokens', fields: scopeFields(await subjectOptions(c)), values: extra.values ?? {}, errors: extra.errors ?? {},
    csrf, submit: 'Tạo mã truy cập', message: extra.message, stepUp: true })}`, extra.status);
}

adminPages.get('/console/tokens', (c) => tokensPage(c));
adminPages.post('/console/tokens', async (c) => {
  const input = formToInput(scopeFields([]), await postedForm(c));
  try {
    const ctx = serviceContext(c);
    const { days, ...rest } = parseWith(tokenInput, input);
    const created = await createApiToken({ ctx, input: { ...rest, expiresAt: new Date(ctx.now().getTime() + days * 86_400_000) } });
    return tokensPage(c, { secret: created.token });
  } catch (error) {
    const failure = formFailure(error);
    return tokensPage(c, { values: input, errors: failure.fields, message: failure.message, status: failure.status });
  }
});
adminPages.post('/console/tokens/:id/revoke', async (c) => {
  try {
    await revokeApiToken(serviceContext(c), c.req.param('id'));
    return c.redirect('/console/tokens', 303);
  } catch (error) {
    const failure = formFailure(error);
    return tokensPage(c, { message: failure.message, status: failure.status });
  }
});

adminPages.get('/console/audit', async (c) => {
  const q = c.req.query();
  const before = Number(q.before) || undefined;
  const rows = await listAudit(serviceContext(c), { action: q.action || undefined, entity: q.entity || undefined, actor: q.actor || undefined, before, limit: 50 });
  const filter = (name: string, label: string) => html`<div class="field"><label for="a-${name}">${label}</label><input id="a-${name}" name="${name}" value="${q[name] ?? ''}"></div>`;
  const older = rows.length === 50 ? `/console/audit?${new URLSearchParams({ ...q, before: String(rows.at(-1)!.id) })}` : null;
  return render(c, 'Nhật ký kiểm toán', html`<form class="toolbar" method="get" action="/console/audit">${filter('action', 'Hành động')}${filter('entity', 'Đối tượng')}${filter('actor', 'Người thực hiện')}<button type="submit">Lọc</button></form>
<table><thead><tr><th scope="col">#</th><th scope="col">Thời điểm</th><th scope="col">Người thực hiện</th><th scope="col">Hành động</th><th scope="col">Đối tượng</th></tr></thead>
<tbody>${rows.map((r) => html`<tr><td>${r.id}</td><td>${r.at.toISOString().replace('T', ' ').slice(0, 19)}</td><td>${r.actor}</td><td>${r.action}</td><td>${r.entity} <code>${r.entityId}</code></td></tr>`)}</tbody></table>
${older ? html`<p><a href="${older}">Cũ hơn ›</a></p>` : ''}`);
});
