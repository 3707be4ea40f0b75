import { asc, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { signingKeys } from '../db/schema';
import type { PrivateSigningJwk } from './key-ring';

export type KeyState = 'active' | 'retired' | 'compromised';
export type KeyRow = {
  kid: string;
  publicJwk: JsonWebKey;
  state: KeyState;
  privateKeySealed: string | null;
  signsStamps: boolean;
};

/**
 * The whole signing_keys table (a handful of rows). `signsStamps`: the active key, or a retired
 * one that issued a range. A retired key that never issued a range has no genuine stamp, so an
 * outage verdict never trusts it (such keys were left by commands of earlier versions).
 */
export function loadKeyRows(db: Db): Promise<KeyRow[]> {
  return db
    .select({
      kid: signingKeys.kid,
      publicJwk: signingKeys.publicJwk,
      state: signingKeys.state,
      privateKeySealed: signingKeys.privateKeySealed,
      // Spelled out: inside a select, drizzle writes columns unqualified, and `kid = kid` would match any range.
      signsStamps: sql<boolean>`(signing_keys.state = 'active' or (signing_keys.state = 'retired'
      and exists (select 1 from stamp_ranges r where r.kid = signing_keys.kid)))`,
    })
    .from(signingKeys)
    .orderBy(asc(signingKeys.createdAt), asc(signingKeys.kid));
}

/** Short kids (K1, K2, …) keep the printed code small; the JWKS publishes the same kid. */
export function nextKid(taken: string[]): string {
  const numbers = taken
    .map((kid) => /^K(\d+)$/.exec(kid)?.[1])
    .filter(Boolean)
    .map(Number);
  return `K${Math.max(0, ...numbers) + 1}`;
}

/** SIGNING_KEY (a Workers secret, or an env var on Node): a private Ed25519 JWK with a short kid. */
export function parseSigningKeySecret(secret: string): PrivateSigningJwk {
  let jwk: PrivateSigningJwk;
  try {
    jwk = JSON.parse(secret) as PrivateSigningJwk;
  } catch {
    throw new Error('SIGNING_KEY is not JSON');
  }
  if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || !jwk.d || !jwk.x || !/^[0-9A-Z]{1,8}$/.test(jwk.kid ?? '')) {
    throw new Error('SIGNING_KEY must be a private Ed25519 JWK with a kid of 1–8 of [0-9A-Z]');
  }
  return jwk;
}

export function publicPart(jwk: PrivateSigningJwk): JsonWebKey & { kid: string } {
  return { kty: jwk.kty, crv: jwk.crv, x: jwk.x, kid: jwk.kid, alg: 'EdDSA', use: 'sig' } as JsonWebKey & {
    kid: string;
  };
}

/** Same kid, same public key: a private half may be matched to a published row only then. */
export function samePublicKey(jwk: PrivateSigningJwk, row: { kid: string; publicJwk: JsonWebKey }): boolean {
  return jwk.kid === row.kid && jwk.x === (row.publicJwk as { x?: string }).x;
}
