import { exportJWK, generateKeyPair } from 'jose';
import { count } from 'drizzle-orm';
import type { Db } from '../db/client';
import { signingKeys } from '../db/schema';
import type { PrivateSigningJwk } from './key-ring';

/** Short kids (K1, K2, …) keep the printed code small; the JWKS publishes the same kid. */
export async function nextKid(db: Db): Promise<string> {
  const [row] = await db.select({ n: count() }).from(signingKeys);
  return `K${(row?.n ?? 0) + 1}`;
}

export async function generateSigningJwk(kid: string): Promise<PrivateSigningJwk> {
  const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  const jwk = await exportJWK(privateKey);
  return { ...jwk, kid, alg: 'EdDSA' } as PrivateSigningJwk;
}
