import { eq } from 'drizzle-orm';
import { certificateEvents, certificates } from '../../db/schema';
import { withoutSearchText } from '../../db/search-text';
import { vietnamToday } from '../../domain/calendar';
import { certificateTimeState } from '../../domain/certificate-dates';
import { nextCertificateStatus, type StatusAction } from '../../domain/certificate-lifecycle';
import { appendAudit } from '../audit/append-audit';
import { withTransaction, type ServiceContext } from '../shared/context';
import { conflict } from '../shared/errors';
import { actorLabel, authorize } from '../shared/policy';
import type { DecisionInput, RevokeInput } from './inputs';
import { certificateTarget, checkInspection } from './load-targets';

const EVENT = { suspend: 'suspended', reinstate: 'reinstated', revoke: 'revoked' } as const;

export type StatusChangeInput = DecisionInput & { certificateId: string } & (
    | { action: 'suspend' | 'reinstate' }
    | { action: 'revoke'; grounds: RevokeInput['grounds'] }
  );

/**
 * Suspends, reinstates or revokes. The row keeps the latest state for the verdict; the event
 * table keeps every change with its date, reason, grounds, deciding body and decision number.
 * The verdict reads the row in the same database, so the change shows on the next request
 * after commit, on every channel.
 */
export async function changeCertificateStatus({ ctx, input }: { ctx: ServiceContext; input: StatusChangeInput }) {
  const target = await certificateTarget(ctx.db, input.certificateId);
  authorize(ctx.actor, `certificate.${input.action}` as const, target);
  await checkInspection(ctx.db, input.inspectionId, target.subjectId);

  return withTransaction(ctx, async (tx) => {
    const [before] = await tx.db
      .select(withoutSearchText(certificates))
      .from(certificates)
      .where(eq(certificates.id, input.certificateId))
      .for('update');
    const time = certificateTimeState(before!.validFrom, before!.validUntil, vietnamToday(ctx.now()));
    const next = nextCertificateStatus(before!.status, time, input.action as StatusAction);
    if (!next.ok) throw conflict(next.reason);
    const [after] = await tx.db
      .update(certificates)
      .set({
        status: next.status,
        statusChangedOn: input.effectiveOn,
        statusReason: input.reason,
        statusBasis: input.basis,
      })
      .where(eq(certificates.id, input.certificateId))
      .returning(withoutSearchText(certificates));
    const [event] = await tx.db
      .insert(certificateEvents)
      .values({
        certificateId: input.certificateId,
        kind: EVENT[input.action],
        effectiveOn: input.effectiveOn,
        reason: input.reason,
        basis: input.basis,
        decidedBy: input.decidedBy,
        grounds: input.action === 'revoke' ? input.grounds : null,
        fromStatus: before!.status,
        toStatus: next.status,
        inspectionId: input.inspectionId ?? null,
        actor: actorLabel(ctx.actor),
      })
      .returning();
    await appendAudit(tx, {
      action: `certificate.${input.action}`,
      entity: 'certificate',
      entityId: input.certificateId,
      before,
      after: { ...after, event },
    });
    return { certificate: after!, event: event! };
  });
}
