import { z } from 'zod';
import { and, count, desc, eq, max } from 'drizzle-orm';
import { passkeys, people, sessions } from '../../db/schema';
import { appendAudit } from '../audit/append-audit';
import { withTransaction, type ServiceContext } from '../shared/context';
import { conflict, notFound, unauthorized } from '../shared/errors';
import { listScope } from '../shared/policy';
import { service } from '../shared/service';

/**
 * People inside the actor's jurisdiction (an authority sees its province's people), with their
 * state and when they last signed in: what an office needs to see who holds power.
 */
export const listPeople = service({
  action: 'person.read',
  input: z.object({}),
  run: async ({ ctx }) => {
    const scope = listScope(ctx.actor, 'person.read');
    const lastSignIn = ctx.db
      .select({ personId: sessions.personId, at: max(sessions.createdAt).as('last_sign_in_at') })
      .from(sessions)
      .groupBy(sessions.personId)
      .as('last_sign_in');
    const rows = await ctx.db
      .select({ person: people, lastSignInAt: lastSignIn.at })
      .from(people)
      .leftJoin(lastSignIn, eq(lastSignIn.personId, people.id))
      .where(scope.provinceCode ? eq(people.provinceCode, scope.provinceCode) : undefined)
      .orderBy(desc(people.createdAt))
      .limit(500);
    return rows.map((r) => ({ ...r.person, lastSignInAt: r.lastSignInAt ? new Date(r.lastSignInAt) : null }));
  },
});

function self(ctx: ServiceContext): string {
  if (ctx.actor.kind !== 'session') throw unauthorized();
  return ctx.actor.id;
}

/** The signed-in person's passkeys: names and when each was added and last used. */
export const listMyPasskeys = service({
  action: 'passkey.list',
  input: z.object({}),
  run: async ({ ctx }) =>
    ctx.db
      .select({ id: passkeys.id, name: passkeys.name, createdAt: passkeys.createdAt, lastUsedAt: passkeys.lastUsedAt })
      .from(passkeys)
      .where(eq(passkeys.personId, self(ctx)))
      .orderBy(passkeys.createdAt),
});

/** A person removes one of their own passkeys, never the last one (that would lock them out). */
export const removeMyPasskey = service({
  action: 'passkey.remove',
  input: z.object({ passkeyId: z.string().min(1).max(1024) }),
  run: async ({ ctx, input: { passkeyId } }) => {
    const personId = self(ctx);
    return withTransaction(ctx, async (tx) => {
      const [own] = await tx.db
        .select()
        .from(passkeys)
        .where(and(eq(passkeys.id, passkeyId), eq(passkeys.personId, personId)))
        .for('update');
      if (!own) throw notFound('passkey');
      const [left] = await tx.db.select({ n: count() }).from(passkeys).where(eq(passkeys.personId, personId));
      if ((left?.n ?? 0) <= 1) throw conflict('Không thể xóa passkey cuối cùng: hãy thêm passkey khác trước.');
      await tx.db.delete(passkeys).where(eq(passkeys.id, passkeyId));
      await appendAudit(tx, {
        action: 'passkey.remove',
        entity: 'person',
        entityId: personId,
        before: { id: own.id, name: own.name },
      });
    });
  },
});
