import { Hono } from 'hono';
import type { AppEnv } from '../../app-env';
import { listAudit } from '../../services/audit/list-audit';
import { createApiToken } from '../../services/tokens/create-token';
import { listApiTokens, revokeApiToken } from '../../services/tokens/manage-tokens';
import { tokenInput } from '../shared/people-inputs';
import { serviceContext } from '../context';
import { formToInput, renderForm } from '../../../web/console/forms';
import { ROLE_VI, scopeLabel } from '../../../web/console/people-view';
import { vietnamTime } from '../../../web/format';
import { html } from '../../../web/view';
import { scopeFields, subjectOptions } from './scope-fields';
import { formFailure, parseWith, postedForm, render, requirePerson } from './shared';

/** API tokens and the audit log (people live in people-pages.ts). */
export const adminPages = new Hono<AppEnv>();
for (const path of ['/console/tokens', '/console/tokens/*', '/console/audit']) adminPages.use(path, requirePerson);

async function tokensPage(c: Parameters<typeof serviceContext>[0], extra: { secret?: string; values?: Record<string, unknown>; errors?: Record<string, string>; message?: string; status?: 200 | 400 | 403 | 404 | 409 | 422 } = {}) {
  const tokens = await listApiTokens(serviceContext(c));
  const csrf = c.var.session!.csrfToken;
  return render(c, 'Mã truy cập (API)', html`
${extra.secret ? html`<div class="notice" role="status"><p>Mã truy cập mới (chỉ hiển thị một lần):</p><p><code data-new-token>${extra.secret}</code></p></div>` : ''}
<table><thead><tr><th scope="col">Tên</th><th scope="col">Vai trò</th><th scope="col">Phạm vi</th><th scope="col">Hết hạn</th><th scope="col">Trạng thái</th></tr></thead>
<tbody>${tokens.map((t) => html`<tr><td>${t.name}</td><td>${ROLE_VI[t.role]}</td><td>${scopeLabel(t)}</td><td>${t.expiresAt ? vietnamTime(t.expiresAt) : '—'}</td>
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
