import type { CertificateTimeState } from './certificate-dates';

export type CertificateStatus = 'active' | 'suspended' | 'revoked';
export type StatusAction = 'suspend' | 'reinstate' | 'revoke';

/**
 * Which stored status each action leads to, or why it is refused. Revocation is final; an
 * expired certificate can only be revoked (e.g. for misuse of the mark), not suspended.
 */
export function nextCertificateStatus(
  current: CertificateStatus, time: CertificateTimeState, action: StatusAction,
): { ok: true; status: CertificateStatus } | { ok: false; reason: string } {
  if (current === 'revoked') return { ok: false, reason: 'Giấy chứng nhận đã bị thu hồi: không thể thay đổi.' };
  if (action === 'revoke') return { ok: true, status: 'revoked' };
  if (action === 'suspend') {
    if (current === 'suspended') return { ok: false, reason: 'Giấy chứng nhận đang bị đình chỉ.' };
    if (time === 'expired') return { ok: false, reason: 'Giấy chứng nhận đã hết hạn: không thể đình chỉ.' };
    return { ok: true, status: 'suspended' };
  }
  if (current !== 'suspended') return { ok: false, reason: 'Chỉ khôi phục được giấy chứng nhận đang bị đình chỉ.' };
  return { ok: true, status: 'active' };
}
