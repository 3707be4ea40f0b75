import { eq } from 'drizzle-orm';
import { batchEvents, batches } from '../../db/schema';
import { withoutSearchText } from '../../db/search-text';
import { appendAudit } from '../audit/append-audit';
import { withTransaction, type ServiceContext } from '../shared/context';
import { conflict } from '../shared/errors';
import { actorLabel, authorize } from '../shared/policy';
import type { DecisionInput } from './inputs';
import { batchTarget, checkInspection } from './load-targets';

export type RecallInput = DecisionInput & { batchId: string };

/** A recall marks every stamp of the batch `recalled` from the next verification on. */
export async function recallBatch({ ctx, input }: { ctx: ServiceContext; input: RecallInput }) {
  const target = await batchTarget(ctx.db, input.batchId);
  authorize(ctx.actor, 'batch.recall', target);
  await checkInspection(ctx.db, input.inspectionId, target.subjectId);
  return withTransaction(ctx, async (tx) => {
    const [before] = await tx.db
      .select(withoutSearchText(batches))
      .from(batches)
      .where(eq(batches.id, input.batchId))
      .for('update');
    if (before!.recalledOn) throw conflict('Lô hàng đã bị thu hồi.');
    const [after] = await tx.db
      .update(batches)
      .set({ recalledOn: input.effectiveOn, recallReason: input.reason, recallBasis: input.basis })
      .where(eq(batches.id, input.batchId))
      .returning(withoutSearchText(batches));
    const [event] = await tx.db
      .insert(batchEvents)
      .values({
        batchId: input.batchId,
        kind: 'recalled',
        effectiveOn: input.effectiveOn,
        reason: input.reason,
        basis: input.basis,
        decidedBy: input.decidedBy,
        inspectionId: input.inspectionId ?? null,
        actor: actorLabel(ctx.actor),
      })
      .returning();
    await appendAudit(tx, {
      action: 'batch.recall',
      entity: 'batch',
      entityId: input.batchId,
      before,
      after: { ...after, event },
    });
    return { batch: after!, event: event! };
  });
}
