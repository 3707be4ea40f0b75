import { Hono } from 'hono';
import type { AppEnv } from '../../app-env';
import { setSessionCookie } from '../../middleware/authenticate';
import { rateLimit } from '../../middleware/rate-limit';
import { endSession } from '../../services/auth/sessions';
import { listMyPasskeys, removeMyPasskey } from '../../services/people/manage-people';
import { serviceContext } from '../context';
import { CONSOLE_SCRIPT } from '../../../web/generated/console-script';
import { roleMay } from '../../../web/console/layout';
import { html } from '../../../web/view';
import { formFailure, render, requirePerson } from './shared';

/** Signing in and out, enrolment from a link, the home page and one's own passkeys. */
export const accountPages = new Hono<AppEnv>();

accountPages.get('/console/app.js', (c) => {
  c.header('Content-Type', 'text/javascript; charset=utf-8');
  c.header('Cache-Control', 'no-cache');
  return c.body(CONSOLE_SCRIPT);
});

accountPages.get('/console/sign-in', rateLimit('sign-in'), (c) => render(c, 'Đăng nhập', html`
<form class="card" data-passkey="sign-in"><p>Đăng nhập bằng passkey đã đăng ký trên thiết bị này (vân tay, khuôn mặt, mã PIN hoặc khóa bảo mật).
Hệ thống không dùng mật khẩu.</p><p role="status" aria-live="polite"></p><button type="submit">Đăng nhập bằng passkey</button></form>
<p class="hint">Chưa có passkey? Hãy dùng liên kết đăng ký một lần do cơ quan quản lý gửi cho bạn.</p>`));

accountPages.get('/enroll', rateLimit('enrol'), (c) => render(c, 'Đăng ký passkey', html`
<form class="card" data-passkey="enrol"><div class="notice" data-enrolment-preview role="status" aria-live="polite">Đang kiểm tra liên kết…</div>
<p>Liên kết này chỉ dùng được một lần và hết hạn sau 24 giờ.</p>
<div class="field"><label for="passkeyName">Tên passkey *</label><input id="passkeyName" name="passkeyName" required value="Điện thoại của tôi" aria-describedby="pk-hint">
<div class="hint" id="pk-hint">Để phân biệt khi bạn có nhiều thiết bị.</div></div>
<p role="status" aria-live="polite"></p><button type="submit">Tạo passkey và đăng nhập</button></form>`));

accountPages.get('/console', requirePerson, (c) => {
  const actor = c.var.actor;
  return render(c, `Xin chào, ${c.var.session?.personName ?? ''}`, html`<div class="card"><p>Chọn một mục trong thanh điều hướng.</p><ul>
${roleMay(actor, 'subject.create') ? html`<li><a href="/console/subjects/new">Đăng ký chủ thể mới</a></li>` : ''}
${roleMay(actor, 'certificate.create') ? html`<li><a href="/console/certificates/new">Ghi nhận giấy chứng nhận OCOP</a></li>` : ''}
${roleMay(actor, 'batch.create') ? html`<li><a href="/console/batches/new">Khai báo lô hàng</a></li>` : ''}
${roleMay(actor, 'person.invite') ? html`<li><a href="/console/people">Mời người dùng</a></li>` : ''}
${roleMay(actor, 'intake.record') ? html`<li><a href="/console/intake/">Nhận hàng: quét và kiểm tra tem khi hàng về</a></li>` : ''}
${roleMay(actor, 'copy.read') ? html`<li><a href="/console/suspicious">Tem nghi sao chép trong tỉnh</a></li>` : ''}</ul></div>`);
});

accountPages.post('/console/sign-out', requirePerson, async (c) => {
  await endSession(serviceContext(c), c.var.session!.id);
  setSessionCookie(c, '', 0);
  return c.redirect('/console/sign-in', 303);
});

accountPages.get('/console/passkeys', requirePerson, async (c) => {
  const keys = await listMyPasskeys(serviceContext(c));
  const csrf = c.var.session!.csrfToken;
  return render(c, 'Passkey của tôi', html`<table><thead><tr><th scope="col">Tên</th><th scope="col">Tạo lúc</th><th scope="col">Dùng lần cuối</th><th scope="col">Thao tác</th></tr></thead>
<tbody>${keys.map((k) => html`<tr><td>${k.name}</td><td>${k.createdAt.toISOString().slice(0, 16).replace('T', ' ')}</td><td>${k.lastUsedAt?.toISOString().slice(0, 16).replace('T', ' ') ?? '—'}</td>
<td><form method="post" action="/console/passkeys/${encodeURIComponent(k.id)}/remove"><input type="hidden" name="_csrf" value="${csrf}">
<button class="secondary" type="submit">Xóa<span class="skip"> ${k.name}</span></button></form></td></tr>`)}</tbody></table>
${c.req.query('error') ? html`<p class="error" role="alert">${c.req.query('error')}</p>` : ''}
<form class="card" data-passkey="add"><h2>Thêm passkey</h2><div class="field"><label for="passkeyName">Tên passkey *</label>
<input id="passkeyName" name="passkeyName" required value="Máy tính"></div><p role="status" aria-live="polite"></p><button type="submit">Thêm passkey</button></form>`);
});

accountPages.post('/console/passkeys/:id/remove', requirePerson, async (c) => {
  try {
    await removeMyPasskey(serviceContext(c), decodeURIComponent(c.req.param('id')));
    return c.redirect('/console/passkeys', 303);
  } catch (error) {
    return c.redirect(`/console/passkeys?error=${encodeURIComponent(formFailure(error).message)}`, 303);
  }
});
