import { importJWK, type JWK } from 'jose';
import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import { signingKeys } from '../db/schema';
import { formatStampCode, signStamp, signStampWith, verifyStampSignature, type StampCode } from '../domain/stamp-codec';

export type PrivateSigningJwk = JWK & { kid: string; d: string };
export type Signer = { kid: string; privateKey: CryptoKey; signStamp: (serial: number) => Promise<string> };

/**
 * Private keys held by this process (from DATA_DIR or a secret) plus a cache of imported public
 * keys. Key *state* is never cached: verification reads it with the stamp, so marking a key
 * compromised takes effect on the next request.
 */
export class KeyRing {
  private readonly privateJwks = new Map<string, PrivateSigningJwk>();
  private readonly imported = new Map<string, Promise<CryptoKey>>();
  /**
   * Stamps whose signature already checked out, oldest first. A signature over a given key is
   * valid forever, so remembering it is safe; whether the key is still trusted is read from the
   * database on every request. Repeated scans of one stamp skip the Ed25519 work.
   */
  private readonly verified = new Map<string, true>();
  private static readonly VERIFIED_MAX = 50_000;

  /** Last published keys seen (kid → JWK), for signature-only verdicts while the database is down. */
  private readonly lastKnownPublic = new Map<string, JsonWebKey>();

  /**
   * @param nativeSigner optional synchronous Ed25519 (Node's crypto), several times faster than
   * WebCrypto for printing thousands of stamps; the output is the same signature.
   */
  constructor(privateJwks: PrivateSigningJwk[], private readonly nativeSigner?: (jwk: PrivateSigningJwk) => (input: Uint8Array) => Uint8Array) {
    for (const jwk of privateJwks) {
      this.privateJwks.set(jwk.kid, jwk);
      this.lastKnownPublic.set(jwk.kid, publicPart(jwk));
    }
  }

  rememberPublished(kid: string, jwk: JsonWebKey, state: 'active' | 'retired' | 'compromised'): void {
    if (state === 'compromised') this.lastKnownPublic.delete(kid);
    else this.lastKnownPublic.set(kid, jwk);
  }

  lastKnownKey(kid: string): JsonWebKey | undefined {
    return this.lastKnownPublic.get(kid);
  }

  holds(kid: string): boolean {
    return this.privateJwks.has(kid);
  }

  add(jwk: PrivateSigningJwk): void {
    this.privateJwks.set(jwk.kid, jwk);
  }

  /** The active key that this process can sign with. */
  async activeSigner(db: Db): Promise<Signer> {
    const active = await db.select({ kid: signingKeys.kid }).from(signingKeys).where(eq(signingKeys.state, 'active'));
    const kid = active.map((k) => k.kid).find((k) => this.privateJwks.has(k));
    const signer = kid ? await this.signerFor(kid) : null;
    if (!signer) throw new Error('No private key is available for the active signing key');
    return signer;
  }

  /** Any held key, active or retired: stamps of older ranges are re-derived with their own key. */
  async signerFor(kid: string): Promise<Signer | null> {
    const jwk = this.privateJwks.get(kid);
    if (!jwk) return null;
    const privateKey = await this.importOnce(`private:${kid}`, jwk);
    if (this.nativeSigner) {
      const sign = this.nativeSigner(jwk);
      return { kid, privateKey, signStamp: async (serial) => signStampWith(sign, kid, serial) };
    }
    return { kid, privateKey, signStamp: (serial) => signStamp(privateKey, kid, serial) };
  }

  /** Imports a published key once per process; the key material of a kid never changes. */
  publicKey(kid: string, jwk: JsonWebKey): Promise<CryptoKey> {
    return this.importOnce(`public:${kid}:${(jwk as { x?: string }).x}`, jwk as JWK);
  }

  async verifyStamp(code: StampCode, jwk: JsonWebKey): Promise<boolean> {
    const memoKey = `${(jwk as { x?: string }).x}|${formatStampCode(code)}`;
    if (this.verified.has(memoKey)) return true;
    const ok = await verifyStampSignature(code, await this.publicKey(code.kid, jwk));
    if (ok) {
      if (this.verified.size >= KeyRing.VERIFIED_MAX) this.verified.delete(this.verified.keys().next().value!);
      this.verified.set(memoKey, true);
    }
    return ok;
  }

  private importOnce(cacheKey: string, jwk: JWK): Promise<CryptoKey> {
    let key = this.imported.get(cacheKey);
    if (!key) {
      key = importJWK(jwk, 'EdDSA') as Promise<CryptoKey>;
      this.imported.set(cacheKey, key);
    }
    return key;
  }
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
  const { d: _d, ...rest } = jwk;
  return { kty: rest.kty, crv: rest.crv, x: rest.x, kid: jwk.kid, alg: 'EdDSA', use: 'sig' } as JsonWebKey & { kid: string };
}

export async function publishedKeys(db: Db) {
  return db.select().from(signingKeys).where(inArray(signingKeys.state, ['active', 'retired']));
}
