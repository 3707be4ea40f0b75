import { and, eq, isNull } from 'drizzle-orm';
import { apiTokens, enrolments, people, sessions } from '../../db/schema';
import { appendAudit } from '../audit/append-audit';
import { withTransaction, type ServiceContext } from '../shared/context';
import { conflict, notFound } from '../shared/errors';
import { authorize } from '../shared/policy';
import { authorizePowerOver } from './power-over';

export type PersonRef = { personId: string };

/** Loads a person for a change of power: whoever acts must also be able to grant that person's role. */
async function personInReach(tx: ServiceContext, action: 'person.disable' | 'person.enable', personId: string) {
  const [person] = await tx.db.select().from(people).where(eq(people.id, personId)).for('update');
  if (!person) throw notFound('người dùng');
  authorizePowerOver(tx.actor, action, person, 'người dùng');
  return person;
}

/**
 * Off-boards a person at once: every session ends (the next request reads as signed out), their
 * passkeys stop signing in (both check `disabledAt`), and the tokens they created and the links
 * they issued and nobody used are revoked, so nothing they handed out outlives them. Their
 * records and audit stay.
 */
export async function disablePerson({ ctx, input }: { ctx: ServiceContext; input: PersonRef }) {
  authorize(ctx.actor, 'person.disable');
  return withTransaction(ctx, async (tx) => {
    const before = await personInReach(tx, 'person.disable', input.personId);
    if (ctx.actor.kind === 'session' && ctx.actor.id === before.id)
      throw conflict('Bạn không thể tự vô hiệu hóa tài khoản của mình.');
    if (before.disabledAt) throw conflict('Người dùng này đã bị vô hiệu hóa.');
    const now = ctx.now();
    const [after] = await tx.db.update(people).set({ disabledAt: now }).where(eq(people.id, before.id)).returning();
    const ended = await tx.db
      .update(sessions)
      .set({ revokedAt: now })
      .where(and(eq(sessions.personId, before.id), isNull(sessions.revokedAt)))
      .returning({ id: sessions.id });
    const tokensRevoked = await tx.db
      .update(apiTokens)
      .set({ revokedAt: now })
      .where(and(eq(apiTokens.createdBy, before.id), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id });
    const withdrawn = await tx.db
      .update(enrolments)
      .set({ withdrawnAt: now })
      .where(and(eq(enrolments.createdBy, before.id), isNull(enrolments.usedAt), isNull(enrolments.withdrawnAt)))
      .returning({ id: enrolments.id });
    await appendAudit(tx, {
      action: 'person.disable',
      entity: 'person',
      entityId: before.id,
      before,
      after: {
        ...after,
        sessionsEnded: ended.length,
        invitationsWithdrawn: withdrawn.map((w) => w.id),
        tokensRevoked: tokensRevoked.map((t) => t.id),
      },
    });
    return {
      person: after!,
      sessionsEnded: ended.length,
      invitationsWithdrawn: withdrawn.length,
      tokensRevoked: tokensRevoked.length,
    };
  });
}

/** Gives a disabled person their access back; they sign in again with their own passkeys. */
export async function enablePerson({ ctx, input }: { ctx: ServiceContext; input: PersonRef }) {
  authorize(ctx.actor, 'person.enable');
  return withTransaction(ctx, async (tx) => {
    const before = await personInReach(tx, 'person.enable', input.personId);
    if (!before.disabledAt) throw conflict('Người dùng này đang hoạt động.');
    const [after] = await tx.db.update(people).set({ disabledAt: null }).where(eq(people.id, before.id)).returning();
    await appendAudit(tx, { action: 'person.enable', entity: 'person', entityId: before.id, before, after });
    return { person: after! };
  });
}
