import { eq } from 'drizzle-orm';
import { batches } from '../../db/schema';
import { appendAudit } from '../audit/append-audit';
import { withTransaction, type ServiceContext } from '../shared/context';
import { conflict, notFound } from '../shared/errors';
import { authorize } from '../shared/policy';
import { productTarget } from '../registry/load-scope';

export type RecallInput = { batchId: string; recalledOn: string; reason: string; basis: string };

/** A recall marks every stamp of the batch `recalled` from the next verification on. */
export async function recallBatch({ ctx, input }: { ctx: ServiceContext; input: RecallInput }) {
  const [found] = await ctx.db.select({ productId: batches.productId }).from(batches).where(eq(batches.id, input.batchId));
  if (!found) throw notFound('lô hàng');
  authorize(ctx.actor, 'batch.recall', await productTarget(ctx.db, found.productId));
  return withTransaction(ctx, async (tx) => {
    const [before] = await tx.db.select().from(batches).where(eq(batches.id, input.batchId)).for('update');
    if (before!.recalledOn) throw conflict('Lô hàng đã bị thu hồi.');
    const [after] = await tx.db.update(batches)
      .set({ recalledOn: input.recalledOn, recallReason: input.reason, recallBasis: input.basis })
      .where(eq(batches.id, input.batchId)).returning();
    await appendAudit(tx, { action: 'batch.recall', entity: 'batch', entityId: input.batchId, before, after });
    return after!;
  });
}
