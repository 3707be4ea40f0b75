import { vietnamTime } from '../format';
import { html, type Html } from '../view';
import type { May } from './layout';

export function signInView(): Html {
  return html`
<form class="card" data-passkey="sign-in"><p>Đăng nhập bằng passkey đã đăng ký trên thiết bị này (vân tay, khuôn mặt, mã PIN hoặc khóa bảo mật).
Hệ thống không dùng mật khẩu.</p><p role="status" aria-live="polite"></p><button type="submit">Đăng nhập bằng passkey</button></form>
<p class="hint">Chưa có passkey? Hãy dùng liên kết đăng ký một lần do cơ quan quản lý gửi cho bạn.</p>`;
}

export function enrolView(): Html {
  return html`
<form class="card" data-passkey="enrol"><div class="notice" data-enrolment-preview role="status" aria-live="polite">Đang kiểm tra liên kết…</div>
<p>Liên kết này chỉ dùng được một lần và hết hạn sau 24 giờ.</p>
<div class="field"><label for="passkeyName">Tên passkey *</label><input id="passkeyName" name="passkeyName" required value="Điện thoại của tôi" aria-describedby="pk-hint">
<div class="hint" id="pk-hint">Để phân biệt khi bạn có nhiều thiết bị.</div></div>
<p role="status" aria-live="polite"></p><button type="submit">Tạo passkey và đăng nhập</button></form>`;
}

const SHORTCUTS = [
  { href: '/console/subjects/new', label: 'Đăng ký chủ thể mới', action: 'subject.create' },
  { href: '/console/certificates/new', label: 'Ghi nhận giấy chứng nhận OCOP', action: 'certificate.create' },
  { href: '/console/batches/new', label: 'Khai báo lô hàng', action: 'batch.create' },
  { href: '/console/people', label: 'Mời người dùng', action: 'person.invite' },
  { href: '/console/intake/', label: 'Nhận hàng: quét và kiểm tra tem khi hàng về', action: 'intake.record' },
  { href: '/console/suspicious', label: 'Tem nghi sao chép trong tỉnh', action: 'copy.read' },
] as const;

/** The home page: the shortcuts this person's role may use. */
export function homeView(may: May): Html {
  return html`<div class="card"><p>Chọn một mục trong thanh điều hướng.</p><ul>
${SHORTCUTS.filter((s) => may(s.action)).map((s) => html`<li><a href="${s.href}">${s.label}</a></li>`)}</ul></div>`;
}

export type PasskeyRow = { id: string; name: string; createdAt: Date; lastUsedAt: Date | null };

export function passkeysView(keys: PasskeyRow[], csrf: string, error: string | undefined): Html {
  return html`<table><thead><tr><th scope="col">Tên</th><th scope="col">Tạo lúc</th><th scope="col">Dùng lần cuối</th><th scope="col">Thao tác</th></tr></thead>
<tbody>${keys.map(
    (
      k,
    ) => html`<tr><td>${k.name}</td><td>${vietnamTime(k.createdAt)}</td><td>${k.lastUsedAt ? vietnamTime(k.lastUsedAt) : '—'}</td>
<td><form method="post" action="/console/passkeys/${encodeURIComponent(k.id)}/remove" data-step-up><input type="hidden" name="_csrf" value="${csrf}">
<button class="secondary" type="submit">Xóa<span class="skip"> ${k.name}</span></button></form></td></tr>`,
  )}</tbody></table>
${error ? html`<p class="error" role="alert">${error}</p>` : ''}
<form class="card" data-passkey="add"><h2>Thêm passkey</h2><div class="field"><label for="passkeyName">Tên passkey *</label>
<input id="passkeyName" name="passkeyName" required value="Máy tính"></div><p role="status" aria-live="polite"></p><button type="submit">Thêm passkey</button></form>`;
}
