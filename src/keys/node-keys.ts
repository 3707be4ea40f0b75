import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { signingKeys } from '../db/schema';
import { generateSigningJwk, nextKid } from './generate-key';
import { readKeyFile, writeKeyFile } from './file-key-store';
import { KeyRing, publicPart, type PrivateSigningJwk } from './key-ring';

export function parseSigningKeySecret(secret: string): PrivateSigningJwk {
  const jwk = JSON.parse(secret) as PrivateSigningJwk;
  if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || !jwk.d || !jwk.x || !/^[0-9A-Z]{1,8}$/.test(jwk.kid ?? '')) {
    throw new Error('SIGNING_KEY must be a private Ed25519 JWK with a kid of 1–8 of [0-9A-Z]');
  }
  return jwk;
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
  return new KeyRing(held);
}
