import { z } from 'zod';
import { and, desc, eq } from 'drizzle-orm';
import { intakeReceipts, intakes } from '../../db/schema';
import { notFound } from '../shared/errors';
import { authorize, type Actor } from '../shared/policy';
import { service } from '../shared/service';

/** A retailer sees the receipts of its own account, newest first. */
function ownAccount(actor: Actor): string {
  authorize(actor, 'intake.read');
  return actor.kind === 'anonymous' ? '' : actor.id;
}

export const listIntakes = service({
  action: 'intake.read',
  input: z.object({ limit: z.number().int().min(1).max(500).default(100) }),
  run: async ({ ctx, input: { limit } }) => {
    const retailerId = ownAccount(ctx.actor);
    return ctx.db
      .select({
        id: intakes.id,
        pointOfSale: intakes.pointOfSale,
        sessionId: intakes.sessionId,
        startedAt: intakes.startedAt,
        recordedAt: intakes.recordedAt,
        itemCount: intakes.itemCount,
        summary: intakes.summary,
      })
      .from(intakes)
      .where(eq(intakes.retailerId, retailerId))
      .orderBy(desc(intakes.recordedAt))
      .limit(limit);
  },
});

/** The signed receipt, byte for byte as it was handed out. Someone else's id is simply not found. */
export const intakeReceipt = service({
  action: 'intake.read',
  input: z.object({ id: z.uuid() }),
  run: async ({ ctx, input: { id } }) => {
    const retailerId = ownAccount(ctx.actor);
    const [row] = await ctx.db
      .select({ jws: intakeReceipts.jws })
      .from(intakeReceipts)
      .innerJoin(intakes, eq(intakes.id, intakeReceipts.intakeId))
      .where(and(eq(intakes.id, id), eq(intakes.retailerId, retailerId)));
    if (!row) throw notFound('phiên nhận hàng');
    return row.jws;
  },
});
