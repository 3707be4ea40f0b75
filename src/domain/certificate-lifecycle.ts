import type { CertificateTimeState } from './certificate-dates';

export type CertificateStatus = 'active' | 'suspended' | 'revoked';
export type StatusAction = 'suspend' | 'reinstate' | 'revoke';

/**
 * Which stored status each action leads to, or why it is refused. Revocation is final; an
 * expired certificate can only be revoked (e.g. for misuse of the mark), not suspended.
 */
export function nextCertificateStatus(
  current: CertificateStatus,
  time: CertificateTimeState,
  action: StatusAction,
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
  if (current === 'revoked')
    return 'Giấy chứng nhận đã bị thu hồi: sản phẩm phải đăng ký đánh giá mới, không đánh giá lại.';
  if (supersededBy) return 'Giấy chứng nhận này đã được thay thế sau một lần đánh giá lại.';
  return null;
}

/** Decisions that can be corrected: certificate state changes and batch recalls. */
const CORRECTABLE = new Set(['suspended', 'reinstated', 'revoked', 'recalled']);

type TimelineEvent = { id: number; kind: string; correctsEventId: number | null };

/**
 * Only the latest correctable decision not yet corrected can be corrected, so a timeline always
 * reads in order. Works for certificate and batch events alike.
 */
export function latestOpenDecision<E extends TimelineEvent>(events: E[]): E | undefined {
  const corrected = new Set(events.map((e) => e.correctsEventId));
  return events.filter((e) => CORRECTABLE.has(e.kind) && !corrected.has(e.id)).sort((a, b) => b.id - a.id)[0];
}

export type StatusEvent = TimelineEvent & { fromStatus: CertificateStatus | null };

/**
 * Decisions can be corrected (a wrong suspension, a revocation quashed on appeal). The correction
 * is a new event that restores the state before the mistaken one.
 */
export function correctionOutcome(
  target: StatusEvent,
  events: StatusEvent[],
): { ok: true; status: CertificateStatus } | { ok: false; reason: string } {
  if (!CORRECTABLE.has(target.kind))
    return { ok: false, reason: 'Chỉ sửa được quyết định đình chỉ, khôi phục hoặc thu hồi.' };
  if (events.some((e) => e.correctsEventId === target.id))
    return { ok: false, reason: 'Quyết định này đã được sửa trước đó.' };
  if (latestOpenDecision(events)?.id !== target.id)
    return { ok: false, reason: 'Chỉ sửa được quyết định gần nhất của giấy chứng nhận.' };
  if (!target.fromStatus) return { ok: false, reason: 'Không xác định được trạng thái trước quyết định này.' };
  return { ok: true, status: target.fromStatus };
}
