import { eq } from 'drizzle-orm';
import { certificateEvents, certificates } from '../../db/schema';
import { vietnamToday } from '../../domain/calendar';
import { certificateTimeState } from '../../domain/certificate-dates';
import { nextCertificateStatus, type StatusAction } from '../../domain/certificate-lifecycle';
import { appendAudit } from '../audit/append-audit';
import { withTransaction, type ServiceContext } from '../shared/context';
import { conflict, notFound } from '../shared/errors';
import { actorLabel, authorize } from '../shared/policy';
import { productTarget } from '../registry/load-scope';

const EVENT = { suspend: 'suspended', reinstate: 'reinstated', revoke: 'revoked' } as const;

export type StatusChangeInput = { certificateId: string; action: StatusAction; effectiveOn: string; reason: string; basis: string };

/**
 * Suspends, reinstates or revokes. The row keeps the latest state for the verdict; the event
 * table keeps every change with its date, reason and decision number. The verdict reads the
 * row in the same database, so the change shows on the next request after commit.
 */
export async function changeCertificateStatus({ ctx, input }: { ctx: ServiceContext; input: StatusChangeInput }) {
  const [found] = await ctx.db.select({ productId: certificates.productId }).from(certificates).where(eq(certificates.id, input.certificateId));
  if (!found) throw notFound('giấy chứng nhận');
  authorize(ctx.actor, `certificate.${input.action}`, await productTarget(ctx.db, found.productId));

  return withTransaction(ctx, async (tx) => {
    const [before] = await tx.db.select().from(certificates).where(eq(certificates.id, input.certificateId)).for('update');
    const time = certificateTimeState(before!.validFrom, before!.validUntil, vietnamToday(ctx.now()));
    const next = nextCertificateStatus(before!.status, time, input.action);
    if (!next.ok) throw conflict(next.reason);
    const [after] = await tx.db.update(certificates).set({
      status: next.status, statusChangedOn: input.effectiveOn, statusReason: input.reason, statusBasis: input.basis,
    }).where(eq(certificates.id, input.certificateId)).returning();
    await tx.db.insert(certificateEvents).values({
      certificateId: input.certificateId, kind: EVENT[input.action], effectiveOn: input.effectiveOn,
      reason: input.reason, basis: input.basis, actor: actorLabel(ctx.actor),
    });
    await appendAudit(tx, { action: `certificate.${input.action}`, entity: 'certificate', entityId: input.certificateId, before, after });
    return after!;
  });
}
