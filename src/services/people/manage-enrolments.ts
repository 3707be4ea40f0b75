import { z } from 'zod';
import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import { enrolments } from '../../db/schema';
import { appendAudit } from '../audit/append-audit';
import { withTransaction, type ServiceContext } from '../shared/context';
import { conflict, notFound } from '../shared/errors';
import { authorize, listScope } from '../shared/policy';
import { withoutSecret } from '../shared/without-secret';
import { authorizePowerOver } from './power-over';
import { service } from '../shared/service';

/** Invitations nobody has used yet, inside the caller's jurisdiction; never their secrets. */
export const listPendingEnrolments = service({
  action: 'person.read',
  input: z.object({}),
  run: async ({ ctx }) => {
    const scope = listScope(ctx.actor, 'person.read');
    const rows = await ctx.db
      .select()
      .from(enrolments)
      .where(
        and(
          isNull(enrolments.usedAt),
          isNull(enrolments.withdrawnAt),
          gt(enrolments.expiresAt, ctx.now()),
          scope.provinceCode ? eq(enrolments.provinceCode, scope.provinceCode) : undefined,
        ),
      )
      .orderBy(desc(enrolments.expiresAt))
      .limit(500);
    return rows.map(withoutSecret);
  },
});

/** Kills an unused invitation: its link stops working at once. */
export async function withdrawEnrolment({ ctx, input }: { ctx: ServiceContext; input: { enrolmentId: string } }) {
  authorize(ctx.actor, 'enrolment.withdraw');
  return withTransaction(ctx, async (tx) => {
    const [before] = await tx.db.select().from(enrolments).where(eq(enrolments.id, input.enrolmentId)).for('update');
    if (!before) throw notFound('lời mời');
    authorizePowerOver(tx.actor, 'enrolment.withdraw', before, 'lời mời'); // only whoever could have issued it
    if (before.usedAt || before.withdrawnAt) throw conflict('Lời mời này đã được dùng hoặc đã bị thu hồi.');
    const [after] = await tx.db
      .update(enrolments)
      .set({ withdrawnAt: ctx.now() })
      .where(eq(enrolments.id, before.id))
      .returning();
    await appendAudit(tx, {
      action: 'enrolment.withdraw',
      entity: 'enrolment',
      entityId: before.id,
      before: withoutSecret(before),
      after: withoutSecret(after!),
    });
    return withoutSecret(after!);
  });
}
