import { and, desc, eq, isNull } from 'drizzle-orm';
import { apiTokens, enrolments } from '../../db/schema';
import { appendAudit } from '../audit/append-audit';
import { withTransaction, type ServiceContext } from '../shared/context';
import { conflict, notFound } from '../shared/errors';
import { authorize } from '../shared/policy';
import { withoutSecret } from '../shared/without-secret';

export async function listApiTokens(ctx: ServiceContext) {
  authorize(ctx.actor, 'token.read');
  const rows = await ctx.db.select().from(apiTokens).orderBy(desc(apiTokens.createdAt)).limit(500);
  return rows.map(withoutSecret);
}

/** Revoking is immediate: the next request with the token is a 401. */
export async function revokeApiToken(ctx: ServiceContext, id: string) {
  authorize(ctx.actor, 'token.revoke');
  return withTransaction(ctx, async (tx) => {
    const [before] = await tx.db.select().from(apiTokens).where(eq(apiTokens.id, id)).for('update');
    if (!before) throw notFound('mã truy cập');
    if (before.revokedAt) throw conflict('Mã truy cập đã bị thu hồi.');
    const [after] = await tx.db.update(apiTokens).set({ revokedAt: ctx.now() }).where(eq(apiTokens.id, id)).returning();
    // A stolen token's unused invitations die with it, as a disabled person's do.
    await tx.db.update(enrolments).set({ withdrawnAt: ctx.now() })
      .where(and(eq(enrolments.createdBy, id), isNull(enrolments.usedAt), isNull(enrolments.withdrawnAt)));
    const [beforeVisible, afterVisible] = [withoutSecret(before), withoutSecret(after!)];
    await appendAudit(tx, { action: 'token.revoke', entity: 'api_token', entityId: id, before: beforeVisible, after: afterVisible });
    return afterVisible;
  });
}
