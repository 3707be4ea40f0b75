import { and, desc, eq, isNull } from 'drizzle-orm';
import { apiTokens, enrolments } from '../../db/schema';
import { appendAudit } from '../audit/append-audit';
import { withTransaction } from '../shared/context';
import { conflict, notFound } from '../shared/errors';
import { z } from 'zod';
import { service } from '../shared/service';
import { withoutSecret } from '../shared/without-secret';

export const listApiTokens = service({
  action: 'token.read',
  input: z.object({}),
  run: async ({ ctx }) => {
    const rows = await ctx.db.select().from(apiTokens).orderBy(desc(apiTokens.createdAt)).limit(500);
    return rows.map(withoutSecret);
  },
});

/** Revoking is immediate: the next request with the token is a 401. */
export const revokeApiToken = service({
  action: 'token.revoke',
  input: z.object({ id: z.uuid() }),
  run: ({ ctx, input: { id } }) =>
    withTransaction(ctx, async (tx) => {
      const [before] = await tx.db.select().from(apiTokens).where(eq(apiTokens.id, id)).for('update');
      if (!before) throw notFound('mã truy cập');
      if (before.revokedAt) throw conflict('Mã truy cập đã bị thu hồi.');
      const [after] = await tx.db
        .update(apiTokens)
        .set({ revokedAt: ctx.now() })
        .where(eq(apiTokens.id, id))
        .returning();
      // A stolen token's unused invitations die with it, as a disabled person's do.
      await tx.db
        .update(enrolments)
        .set({ withdrawnAt: ctx.now() })
        .where(and(eq(enrolments.createdBy, id), isNull(enrolments.usedAt), isNull(enrolments.withdrawnAt)));
      const [beforeVisible, afterVisible] = [withoutSecret(before), withoutSecret(after!)];
      await appendAudit(tx, {
        action: 'token.revoke',
        entity: 'api_token',
        entityId: id,
        before: beforeVisible,
        after: afterVisible,
      });
      return afterVisible;
    }),
});
