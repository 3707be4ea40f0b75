/**
 * The console scripts' calls to the API and what they say when something fails. Every message a
 * person reads is Vietnamese: the server's own (already Vietnamese) or one of ours for what the
 * browser or @simplewebauthn/browser refused, whose messages are English.
 */
import { browserSupportsWebAuthn, WebAuthnError } from '@simplewebauthn/browser';

import { csrf } from './csrf';

/** A refusal from our server: its message is written for people. */
class ServerRefusal extends Error {}

export async function api(path: string, body: unknown): Promise<Record<string, unknown>> {
  const res = await fetch(path, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', 'x-csrf-token': csrf() },
    body: JSON.stringify(body),
  });
  const data = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  if (!res.ok)
    throw new ServerRefusal(
      (data.error as { message?: string } | undefined)?.message ??
        `Máy chủ từ chối yêu cầu (mã ${res.status}). Vui lòng thử lại.`,
    );
  return data;
}

export function say(target: Element | null, message: string, isError = true): void {
  if (!target) return;
  target.textContent = message;
  target.classList.toggle('error', isError);
}

const UNSUPPORTED =
  'Thiết bị này không tạo được loại passkey hệ thống cần (có xác minh bằng vân tay, khuôn mặt hoặc mã PIN). Hãy dùng điện thoại hoặc máy tính khác.';

const WEBAUTHN_WORDS: Partial<Record<WebAuthnError['code'], string>> = {
  ERROR_CEREMONY_ABORTED: 'Đã dừng xác thực passkey.',
  ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED:
    'Thiết bị này đã có passkey của tài khoản bạn rồi. Để thêm passkey, hãy dùng một thiết bị hoặc khóa bảo mật khác.',
  ERROR_AUTHENTICATOR_MISSING_DISCOVERABLE_CREDENTIAL_SUPPORT: UNSUPPORTED,
  ERROR_AUTHENTICATOR_MISSING_USER_VERIFICATION_SUPPORT: UNSUPPORTED,
  ERROR_AUTHENTICATOR_NO_SUPPORTED_PUBKEYCREDPARAMS_ALG: UNSUPPORTED,
  ERROR_INVALID_DOMAIN: 'Trang này không mở từ địa chỉ chính thức của hệ thống, nên không dùng được passkey.',
  ERROR_INVALID_RP_ID: 'Trang này không mở từ địa chỉ chính thức của hệ thống, nên không dùng được passkey.',
};

/** What went wrong, in words a person can act on. */
export function friendly(error: unknown): string {
  if (error instanceof ServerRefusal) return error.message;
  if (error instanceof WebAuthnError)
    return WEBAUTHN_WORDS[error.code] ?? 'Thiết bị không hoàn tất được passkey. Vui lòng thử lại.';
  if (error instanceof Error && error.name === 'NotAllowedError') return 'Đã hủy hoặc hết thời gian xác thực passkey.';
  if (!browserSupportsWebAuthn())
    return 'Trình duyệt này không hỗ trợ passkey. Hãy dùng Chrome, Safari, Edge hoặc Firefox bản mới.';
  if (error instanceof TypeError) return 'Không kết nối được máy chủ. Hãy kiểm tra mạng rồi thử lại.';
  return 'Có lỗi không mong muốn. Vui lòng tải lại trang và thử lại.';
}
