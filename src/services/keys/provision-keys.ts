import { and, eq, isNull, sql } from 'drizzle-orm';
import { signingKeys } from '../../db/schema';
import { generateSigningJwk } from '../../keys/generate-key';
import { sealPrivateKey } from '../../keys/key-encryption';
import type { PrivateSigningJwk } from '../../keys/key-ring';
import { publicPart, samePublicKey } from '../../keys/key-rows';
import { appendAudit } from '../audit/append-audit';
import { withTransaction, type ServiceContext } from '../shared/context';
import { authorize } from '../shared/policy';

/** Serialises first starts: two instances with different SIGNING_KEYs must not both insert an active key. */
const FIRST_KEY_LOCK = 7_243_002;

/**
 * The first start of an empty database creates its first key (SIGNING_KEY's, when one is given).
 * Instances starting together on one empty database queue on a lock: the first inserts, the
 * others find the table no longer empty and create nothing. Returns the kid created, if any.
 */
export async function createFirstSigningKey({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { external?: PrivateSigningJwk };
}): Promise<string | null> {
  authorize(ctx.actor, 'keys.rotate');
  const keks = await ctx.keys.sealingKeys();
  const jwk = input.external ?? (await generateSigningJwk('K1'));
  return withTransaction(ctx, async (tx) => {
    await tx.db.execute(sql`select pg_advisory_xact_lock(${FIRST_KEY_LOCK})`);
    if ((await tx.db.select({ kid: signingKeys.kid }).from(signingKeys).limit(1)).length > 0) return null;
    await tx.db.insert(signingKeys).values({
      kid: jwk.kid,
      publicJwk: publicPart(jwk),
      state: 'active',
      privateKeySealed: await sealPrivateKey(keks, jwk),
    });
    await appendAudit(tx, {
      action: 'keys.create',
      entity: 'signing_key',
      entityId: jwk.kid,
      after: { active: jwk.kid, external: Boolean(input.external) },
    });
    return jwk.kid;
  });
}

/**
 * Upgrading an install whose private keys lived in DATA_DIR/signing-keys.json (or SIGNING_KEY):
 * each key the database already publishes without a private half is sealed into its row. A
 * private key the database does not publish is never published here: only `keys rotate` and the
 * first start create keys. Returns the kids imported.
 */
export async function importPrivateKeys({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { candidates: PrivateSigningJwk[]; source: string };
}): Promise<string[]> {
  authorize(ctx.actor, 'keys.rotate');
  const keks = await ctx.keys.sealingKeys();
  return withTransaction(ctx, async (tx) => {
    const rows = await tx.db.select().from(signingKeys).where(isNull(signingKeys.privateKeySealed)).for('update');
    const imported: string[] = [];
    for (const row of rows) {
      const jwk = input.candidates.find((candidate) => samePublicKey(candidate, row));
      if (!jwk) continue;
      await tx.db
        .update(signingKeys)
        .set({ privateKeySealed: await sealPrivateKey(keks, jwk) })
        .where(and(eq(signingKeys.kid, row.kid), isNull(signingKeys.privateKeySealed)));
      imported.push(row.kid);
    }
    if (imported.length > 0) {
      await appendAudit(tx, {
        action: 'keys.import',
        entity: 'signing_key',
        entityId: imported.join(','),
        after: { imported, source: input.source },
      });
    }
    return imported;
  });
}
