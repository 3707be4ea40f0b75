import { eq } from 'drizzle-orm';
import { batchEvents, batches, certificateEvents, certificates } from '../../db/schema';
import { withoutSearchText } from '../../db/search-text';
import { correctionOutcome, latestOpenDecision } from '../../domain/certificate-lifecycle';
import { appendAudit } from '../audit/append-audit';
import { withTransaction, type ServiceContext } from '../shared/context';
import { conflict, notFound } from '../shared/errors';
import { actorLabel, authorize } from '../shared/policy';
import type { CorrectionInput } from './inputs';
import { batchTarget, certificateTarget } from './load-targets';

/**
 * Corrects the latest suspension, reinstatement or revocation of a certificate: a `corrected`
 * event that names the mistaken one and restores the state before it. Nothing is deleted; the
 * timeline shows both the mistake and its correction with their decisions.
 */
export async function correctCertificateEvent({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: CorrectionInput & { certificateId: string };
}) {
  authorize(ctx.actor, 'lifecycle.correct', await certificateTarget(ctx.db, input.certificateId));
  return withTransaction(ctx, async (tx) => {
    const [before] = await tx.db
      .select(withoutSearchText(certificates))
      .from(certificates)
      .where(eq(certificates.id, input.certificateId))
      .for('update');
    const events = await tx.db
      .select()
      .from(certificateEvents)
      .where(eq(certificateEvents.certificateId, input.certificateId));
    const target = events.find((e) => e.id === input.eventId);
    if (!target) throw notFound('quyết định cần sửa');
    const outcome = correctionOutcome(target, events);
    if (!outcome.ok) throw conflict(outcome.reason);

    const [after] = await tx.db
      .update(certificates)
      .set({
        status: outcome.status,
        statusChangedOn: input.effectiveOn,
        statusReason: `Đính chính: ${input.reason}`,
        statusBasis: input.basis,
      })
      .where(eq(certificates.id, input.certificateId))
      .returning(withoutSearchText(certificates));
    const [event] = await tx.db
      .insert(certificateEvents)
      .values({
        certificateId: input.certificateId,
        kind: 'corrected',
        effectiveOn: input.effectiveOn,
        reason: input.reason,
        basis: input.basis,
        decidedBy: input.decidedBy,
        fromStatus: before!.status,
        toStatus: outcome.status,
        correctsEventId: target.id,
        actor: actorLabel(ctx.actor),
      })
      .returning();
    await appendAudit(tx, {
      action: 'certificate.correct',
      entity: 'certificate',
      entityId: input.certificateId,
      before,
      after: { ...after, event },
    });
    return { certificate: after!, event: event! };
  });
}

/** Lifts a recall made by mistake: a `recall_corrected` event naming the recall. */
export async function correctRecall({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: CorrectionInput & { batchId: string };
}) {
  authorize(ctx.actor, 'lifecycle.correct', await batchTarget(ctx.db, input.batchId));
  return withTransaction(ctx, async (tx) => {
    const [before] = await tx.db
      .select(withoutSearchText(batches))
      .from(batches)
      .where(eq(batches.id, input.batchId))
      .for('update');
    const events = await tx.db.select().from(batchEvents).where(eq(batchEvents.batchId, input.batchId));
    const target = events.find((e) => e.id === input.eventId);
    if (!target) throw notFound('quyết định cần sửa');
    if (target.kind !== 'recalled' || latestOpenDecision(events)?.id !== target.id || !before!.recalledOn) {
      throw conflict('Chỉ sửa được quyết định thu hồi lô đang có hiệu lực.');
    }

    const [after] = await tx.db
      .update(batches)
      .set({ recalledOn: null, recallReason: null, recallBasis: null })
      .where(eq(batches.id, input.batchId))
      .returning(withoutSearchText(batches));
    const [event] = await tx.db
      .insert(batchEvents)
      .values({
        batchId: input.batchId,
        kind: 'recall_corrected',
        effectiveOn: input.effectiveOn,
        reason: input.reason,
        basis: input.basis,
        decidedBy: input.decidedBy,
        correctsEventId: target.id,
        actor: actorLabel(ctx.actor),
      })
      .returning();
    await appendAudit(tx, {
      action: 'batch.correct_recall',
      entity: 'batch',
      entityId: input.batchId,
      before,
      after: { ...after, event },
    });
    return { batch: after!, event: event! };
  });
}
