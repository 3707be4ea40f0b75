import { eq } from 'drizzle-orm';
import { signingKeys } from '../../db/schema';
import { generateSigningJwk, nextKid } from '../../keys/generate-key';
import { publicPart, type PrivateSigningJwk } from '../../keys/key-ring';
import { appendAudit } from '../audit/append-audit';
import { withTransaction, type ServiceContext } from '../shared/context';
import { conflict, notFound } from '../shared/errors';
import { authorize } from '../shared/policy';

/**
 * New stamps are signed with a new key; the old one is retired and stays in the JWKS, so every
 * stamp it signed keeps verifying. `persist` stores the private half before the database commits:
 * a crash in between leaves an unused key on disk, never an active key nobody can sign with.
 */
export async function rotateSigningKey({ ctx, persist }: { ctx: ServiceContext; persist: (jwk: PrivateSigningJwk) => Promise<void> }) {
  authorize(ctx.actor, 'keys.rotate');
  return withTransaction(ctx, async (tx) => {
    const jwk = await generateSigningJwk(await nextKid(tx.db));
    await persist(jwk);
    const retired = await tx.db.update(signingKeys).set({ state: 'retired', stateChangedAt: ctx.now() })
      .where(eq(signingKeys.state, 'active')).returning({ kid: signingKeys.kid });
    await tx.db.insert(signingKeys).values({ kid: jwk.kid, publicJwk: publicPart(jwk), state: 'active' });
    await appendAudit(tx, { action: 'keys.rotate', entity: 'signing_key', entityId: jwk.kid, before: { active: retired.map((r) => r.kid) }, after: { active: jwk.kid } });
    return { kid: jwk.kid, retired: retired.map((r) => r.kid) };
  });
}

/** Every stamp signed by a compromised key verifies as `forged` from the next request on. */
export async function markKeyCompromised({ ctx, kid }: { ctx: ServiceContext; kid: string }) {
  authorize(ctx.actor, 'keys.rotate');
  return withTransaction(ctx, async (tx) => {
    const [before] = await tx.db.select().from(signingKeys).where(eq(signingKeys.kid, kid)).for('update');
    if (!before) throw notFound(`khóa ${kid}`);
    if (before.state === 'active') throw conflict('Hãy xoay khóa (keys rotate) trước khi đánh dấu khóa đang dùng là bị lộ.');
    const [after] = await tx.db.update(signingKeys).set({ state: 'compromised', stateChangedAt: ctx.now() })
      .where(eq(signingKeys.kid, kid)).returning();
    await appendAudit(tx, { action: 'keys.compromise', entity: 'signing_key', entityId: kid, before, after });
    return after!;
  });
}
