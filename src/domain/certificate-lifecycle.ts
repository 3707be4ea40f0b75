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

/**
 * A re-evaluation issues a new certificate that supersedes this one. A revoked certificate is
 * final: the producer registers anew, and that is a new rating decision, not a re-evaluation.
 */
export function reevaluationRefusal(current: CertificateStatus, supersededBy: string | null): string | null {
  if (current === 'revoked') return 'Giấy chứng nhận đã bị thu hồi: sản phẩm phải đăng ký đánh giá mới, không đánh giá lại.';
  if (supersededBy) return 'Giấy chứng nhận này đã được thay thế sau một lần đánh giá lại.';
  return null;
}

export type StatusEvent = { id: number; kind: string; fromStatus: CertificateStatus | null; correctedBy: number | null };

/**
 * Decisions can be corrected (a wrong suspension, a revocation quashed on appeal). The correction
 * is a new event that restores the state before the mistaken one. Only the latest uncorrected
 * state change can be corrected, so the timeline always reads in order.
 */
export function correctionOutcome(
  target: StatusEvent, latestOpen: StatusEvent | undefined,
): { ok: true; status: CertificateStatus } | { ok: false; reason: string } {
  if (!['suspended', 'reinstated', 'revoked'].includes(target.kind)) {
    return { ok: false, reason: 'Chỉ sửa được quyết định đình chỉ, khôi phục hoặc thu hồi.' };
  }
  if (target.correctedBy !== null) return { ok: false, reason: 'Quyết định này đã được sửa trước đó.' };
  if (latestOpen?.id !== target.id) return { ok: false, reason: 'Chỉ sửa được quyết định gần nhất của giấy chứng nhận.' };
  if (!target.fromStatus) return { ok: false, reason: 'Không xác định được trạng thái trước quyết định này.' };
  return { ok: true, status: target.fromStatus };
}
