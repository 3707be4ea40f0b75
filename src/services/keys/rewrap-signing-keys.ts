import { eq } from 'drizzle-orm';
import { signingKeys } from '../../db/schema';
import { openPrivateKey, sealedUnder, sealPrivateKey, type KekSet } from '../../keys/key-encryption';
import { appendAudit } from '../audit/append-audit';
import { withTransaction, type ServiceContext } from '../shared/context';
import { authorize } from '../shared/policy';

/**
 * Rotating the key-encryption key: every stored private key is opened with any of `keks` and
 * sealed again under the first, in one transaction, so the table is never half old, half new.
 * Returns the KEK id now in use and the kids re-sealed (those already under it are left alone).
 */
export async function rewrapSigningKeys({ ctx, input }: { ctx: ServiceContext; input: { keks: KekSet } }) {
  authorize(ctx.actor, 'keys.rotate');
  const { keks } = input;
  const result = await withTransaction(ctx, async (tx) => {
    const rows = await tx.db
      .select({ kid: signingKeys.kid, sealed: signingKeys.privateKeySealed })
      .from(signingKeys)
      .for('update');
    const rewrapped: { kid: string; from: string }[] = [];
    for (const row of rows) {
      if (!row.sealed || sealedUnder(row.sealed) === keks.primary.id) continue;
      const jwk = await openPrivateKey(keks, row.kid, row.sealed);
      await tx.db
        .update(signingKeys)
        .set({ privateKeySealed: await sealPrivateKey(keks, jwk) })
        .where(eq(signingKeys.kid, row.kid));
      rewrapped.push({ kid: row.kid, from: sealedUnder(row.sealed) });
    }
    if (rewrapped.length > 0) {
      await appendAudit(tx, {
        action: 'keys.rewrap',
        entity: 'signing_key',
        entityId: rewrapped.map((r) => r.kid).join(','),
        before: { kek: [...new Set(rewrapped.map((r) => r.from))] },
        after: { kek: keks.primary.id },
      });
    }
    return { kekId: keks.primary.id, rewrapped: rewrapped.map((r) => r.kid) };
  });
  ctx.keys.markStale();
  return result;
}
