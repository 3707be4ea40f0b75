import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { signingKeys } from '../db/schema';
import { generateSigningJwk, nextKid } from './generate-key';
import { readKeyFile, writeKeyFile } from './file-key-store';
import { createPrivateKey, sign } from 'node:crypto';
import { KeyRing, parseSigningKeySecret, publicPart, type PrivateSigningJwk } from './key-ring';

/** Node's synchronous Ed25519: the same signatures as WebCrypto, without the async overhead. */
function nodeEd25519(jwk: PrivateSigningJwk) {
  const key = createPrivateKey({ key: jwk as never, format: 'jwk' });
  return (input: Uint8Array) => new Uint8Array(sign(null, input, key));
}

/**
 * First start on Node: use SIGNING_KEY if given, else the key file, else generate one. Any held
 * key the database does not know yet is published as active (a fresh database, same DATA_DIR).
 */
export async function loadNodeKeyRing(db: Db, dataDir: string, signingKeySecret?: string): Promise<KeyRing> {
  let held = signingKeySecret ? [parseSigningKeySecret(signingKeySecret)] : readKeyFile(dataDir);
  if (held.length === 0) {
    held = [await generateSigningJwk(await nextKid(db))];
    writeKeyFile(dataDir, held);
  }
  const known = new Set((await db.select({ kid: signingKeys.kid }).from(signingKeys)).map((k) => k.kid));
  const [active] = await db.select().from(signingKeys).where(eq(signingKeys.state, 'active')).limit(1);
  const unknown = held.filter((jwk) => !known.has(jwk.kid));
  for (const [i, jwk] of unknown.entries()) {
    const becomesActive = !active && i === unknown.length - 1;
    await db.insert(signingKeys).values({ kid: jwk.kid, publicJwk: publicPart(jwk), state: becomesActive ? 'active' : 'retired' });
  }
  const ring = new KeyRing(held, nodeEd25519);
  for (const key of await db.select().from(signingKeys)) ring.rememberPublished(key.kid, key.publicJwk, key.state);
  return ring;
}
