import { z } from 'zod';
import { eq } from 'drizzle-orm';
import { signingKeys } from '../../db/schema';
import { generateSigningJwk } from '../../keys/generate-key';
import { openPrivateKey, sealPrivateKey } from '../../keys/key-encryption';
import { nextKid, publicPart } from '../../keys/key-rows';
import { appendAudit } from '../audit/append-audit';
import { withTransaction } from '../shared/context';
import { conflict, notFound } from '../shared/errors';
import { service } from '../shared/service';

/**
 * New stamps are signed with a new key; the old one is retired and stays in the JWKS, so every
 * stamp it signed keeps verifying. The private half is sealed into the same row, in the same
 * transaction: every instance can sign with it as soon as it commits, and a crash leaves either
 * the old active key or the new one, never an active key nobody holds. On an empty table this
 * creates the first key (a Workers-only deployment starts this way).
 */
export const rotateSigningKey = service({
  action: 'keys.rotate',
  input: z.object({}),
  run: async ({ ctx }) => {
    const keks = await ctx.keys.sealingKeys();
    const result = await withTransaction(ctx, async (tx) => {
      // Row locks: two rotations queue instead of both picking the next kid.
      const keys = await tx.db.select().from(signingKeys).for('update');
      const active = keys.find((k) => k.state === 'active');
      // A KEK that cannot open the current key is not the one the other instances hold: sealing the
      // new key under it would leave them unable to sign.
      if (active?.privateKeySealed) await openPrivateKey(keks, active.kid, active.privateKeySealed);
      const jwk = await generateSigningJwk(nextKid(keys.map((k) => k.kid)));
      const retired = await tx.db
        .update(signingKeys)
        .set({ state: 'retired', stateChangedAt: ctx.now() })
        .where(eq(signingKeys.state, 'active'))
        .returning({ kid: signingKeys.kid });
      await tx.db.insert(signingKeys).values({
        kid: jwk.kid,
        publicJwk: publicPart(jwk),
        state: 'active',
        privateKeySealed: await sealPrivateKey(keks, jwk),
      });
      await appendAudit(tx, {
        action: 'keys.rotate',
        entity: 'signing_key',
        entityId: jwk.kid,
        before: { active: retired.map((r) => r.kid) },
        after: { active: jwk.kid },
      });
      return { kid: jwk.kid, retired: retired.map((r) => r.kid) };
    });
    ctx.keys.markStale();
    return result;
  },
});

/**
 * Every stamp signed by a compromised key verifies as `forged` from the next request on: online
 * verdicts read the key's state with the stamp, this instance's outage copy drops it now, and the
 * other instances' copies within KEY_REFRESH_SECONDS.
 */
export const markKeyCompromised = service({
  action: 'keys.rotate',
  input: z.object({ kid: z.string().min(1).max(64) }),
  run: async ({ ctx, input: { kid } }) => {
    const after = await withTransaction(ctx, async (tx) => {
      const [before] = await tx.db.select().from(signingKeys).where(eq(signingKeys.kid, kid)).for('update');
      if (!before) throw notFound(`khóa ${kid}`);
      if (before.state === 'active')
        throw conflict('Hãy xoay khóa (keys rotate) trước khi đánh dấu khóa đang dùng là bị lộ.');
      const [changed] = await tx.db
        .update(signingKeys)
        .set({ state: 'compromised', stateChangedAt: ctx.now() })
        .where(eq(signingKeys.kid, kid))
        .returning();
      await appendAudit(tx, {
        action: 'keys.compromise',
        entity: 'signing_key',
        entityId: kid,
        before: auditable(before),
        after: auditable(changed!),
      });
      return changed!;
    });
    ctx.keys.noteCompromised(kid);
    return auditable(after);
  },
});

/** The sealed private half stays out of audit entries and answers. */
function auditable<T extends { privateKeySealed: string | null }>(row: T): Omit<T, 'privateKeySealed'> {
  const { privateKeySealed: _sealed, ...rest } = row;
  return rest;
}
