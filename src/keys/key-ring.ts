import { importJWK, type JWK } from 'jose';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { signingKeys } from '../db/schema';
import { BoundedLru } from '../domain/bounded-lru';
import { formatStampCode, signStamp, signStampWith, verifyStampSignature, type StampCode } from '../domain/stamp-codec';
import { KeyEncryptionError, openPrivateKey, type KekSet } from './key-encryption';
import { loadKeyRows, type KeyRow, type KeyState } from './key-rows';

export type PrivateSigningJwk = JWK & { kid: string; d: string };
export type Signer = { kid: string; privateKey: CryptoKey; signStamp: (serial: number) => Promise<string> };
export type NativeSigner = (jwk: PrivateSigningJwk) => (input: Uint8Array) => Uint8Array;

export type KeyRingOptions = {
  /** The key-encryption keys, read lazily (a Worker has no startup); null: this process never signs. */
  keks: () => Promise<KekSet | null>;
  /** SIGNING_KEY: signs only for the kid the database publishes with the same public key. */
  external?: PrivateSigningJwk[];
  /** How old the copy of the signing_keys table may get before the next use reloads it. */
  refreshSeconds: number;
  /** Optional synchronous Ed25519 (Node's crypto), several times faster for printing thousands of stamps. */
  nativeSigner?: NativeSigner;
  /** How many checked signatures to remember (default KeyRing.VERIFIED_MAX). */
  signatureCacheSize?: number;
};

/** A stamp key's public JWK from its `x`: every stamp key is Ed25519 (DESIGN.md, "Stamps"). */
export function ed25519PublicJwk(x: string): JsonWebKey {
  return { kty: 'OKP', crv: 'Ed25519', x };
}

/**
 * This instance's copy of the signing_keys table: every key's state and its sealed private half.
 * It reloads when older than `refreshSeconds` and on a kid it does not know, so a rotation or a
 * compromise made by another instance (or the CLI) is seen within seconds, without a restart.
 * Online verdicts never depend on the copy: they read the key state with the stamp. The copy
 * serves signing, the JWKS, and signature-only verdicts while the database is unreachable.
 */
export class KeyRing {
  private rows = new Map<string, KeyRow>();
  private loadedAt: number | null = null;
  private loading: Promise<void> | null = null;
  /** Keys whose stamps can be genuine (active, or retired with issued ranges): all an outage may trust. */
  private readonly trusted = new Map<string, JsonWebKey>();
  private readonly signers = new Map<string, Promise<Signer>>();
  private readonly imported = new Map<string, Promise<CryptoKey>>();
  /**
   * Codes whose signature already checked out against a public key, least recently used first
   * out. A signature that holds against a key holds forever, so a hit may skip Ed25519; whether
   * the key is still trusted (a compromise) is never cached: callers read the key's state live.
   * Measured by `npm run bench` (signature_cache_memory): about 0.3 KB an entry.
   */
  private readonly verified: BoundedLru<string, true>;
  static readonly VERIFIED_MAX = 50_000;

  constructor(private readonly options: KeyRingOptions) {
    this.verified = new BoundedLru(options.signatureCacheSize ?? KeyRing.VERIFIED_MAX);
  }

  /** Reloads the copy now; concurrent callers share one query. */
  async refresh(db: Db): Promise<void> {
    this.loading ??= loadKeyRows(db)
      .then((rows) => {
        this.rows = new Map(rows.map((row) => [row.kid, row]));
        this.trusted.clear();
        for (const row of rows) if (row.signsStamps) this.trusted.set(row.kid, row.publicJwk);
        this.loadedAt = Date.now();
      })
      .finally(() => {
        this.loading = null;
      });
    return this.loading;
  }

  /** The cheap check every verification makes: one clock read unless the copy is too old. */
  async refreshIfStale(db: Db): Promise<void> {
    if (this.loadedAt === null || Date.now() - this.loadedAt >= this.options.refreshSeconds * 1000)
      await this.refresh(db);
  }

  /** Seconds since the copy was last read from the database; null if it never was. */
  ageSeconds(): number | null {
    return this.loadedAt === null ? null : Math.floor((Date.now() - this.loadedAt) / 1000);
  }

  /** After this instance rotates or compromises a key: the next use reads the table again. */
  markStale(): void {
    this.loadedAt = null;
  }

  /** Active and retired keys as last read: what the JWKS publishes. */
  published(): { kid: string; jwk: JsonWebKey; state: 'active' | 'retired' }[] {
    return [...this.rows.values()].flatMap((r) =>
      r.state === 'compromised' ? [] : [{ kid: r.kid, jwk: r.publicJwk, state: r.state }],
    );
  }

  /** What an online verdict just read about a key; a compromise seen here wins at once. */
  rememberPublished(kid: string, jwk: JsonWebKey, state: KeyState, signsStamps: boolean): void {
    if (state === 'compromised') this.trusted.delete(kid);
    else if (
      (signsStamps || state === 'active') &&
      (this.trusted.get(kid) as { x?: string } | undefined)?.x !== (jwk as { x?: string }).x
    ) {
      this.trusted.set(kid, jwk);
    }
  }

  /** Called by the instance that marks a key compromised: it stops trusting the key before anyone else. */
  noteCompromised(kid: string): void {
    this.trusted.delete(kid);
    this.markStale();
  }

  /** The key a signature-only verdict may check a stamp against; none for a key never seen trusted. */
  lastKnownKey(kid: string): JsonWebKey | undefined {
    return this.trusted.get(kid);
  }

  /** The active key's signer. The active kid is read from the database: signing is never stale. */
  async activeSigner(db: Db): Promise<Signer> {
    const [active] = await db
      .select({ kid: signingKeys.kid })
      .from(signingKeys)
      .where(eq(signingKeys.state, 'active'))
      .limit(1);
    if (!active) throw new Error('The database has no active signing key: run `npm run cli -- keys rotate` once');
    const signer = await this.signerFor(active.kid, db);
    if (!signer) throw new Error(`No private key is available for the active signing key ${active.kid}`);
    return signer;
  }

  /** Any key the database knows with a private half here, active or retired (older ranges keep their key). */
  async signerFor(kid: string, db?: Db): Promise<Signer | null> {
    if (db && (!this.rows.has(kid) || this.loadedAt === null)) await this.refresh(db);
    const row = this.rows.get(kid);
    if (!row) return null;
    // Keyed by the public key, not the sealed text: a `keys rewrap` elsewhere re-seals the same key,
    // and this instance keeps signing with what it opened, whatever KEK it was started with.
    const cacheKey = `${kid}|${(row.publicJwk as { x?: string }).x}`;
    let signer = this.signers.get(cacheKey);
    if (!signer) {
      const jwk = await this.privateJwk(row);
      if (!jwk) return null;
      signer = this.makeSigner(jwk);
      this.signers.set(cacheKey, signer);
    }
    return signer;
  }

  /** The KEKs new private keys are sealed under; a process without them cannot create keys. */
  async sealingKeys(): Promise<KekSet> {
    const keks = await this.options.keks();
    if (!keks)
      throw new KeyEncryptionError(
        'KEY_ENCRYPTION_KEY is not set (nor DATA_DIR/key-encryption-key): set it to the key the running service uses',
      );
    return keks;
  }

  /** Opens the private half of a row: sealed in the database, or SIGNING_KEY when it matches. */
  async privateJwk(row: KeyRow): Promise<PrivateSigningJwk | null> {
    if (row.privateKeySealed) return openPrivateKey(await this.sealingKeys(), row.kid, row.privateKeySealed);
    const x = (row.publicJwk as { x?: string }).x;
    return this.options.external?.find((jwk) => jwk.kid === row.kid && jwk.x === x) ?? null;
  }

  /**
   * Whether the stamp's signature holds against this public key; says nothing of the key's state.
   * `text`, when given, must be the text `code` was parsed from: it names the code in the cache
   * without encoding the signature again.
   */
  async verifyStamp(code: StampCode, jwk: JsonWebKey, text = formatStampCode(code)): Promise<boolean> {
    const memoKey = `${(jwk as { x?: string }).x}|${text}`;
    if (this.verified.get(memoKey)) return true;
    const ok = await verifyStampSignature(
      code,
      await this.importOnce(`public:${(jwk as { x?: string }).x}`, jwk as JWK),
    );
    if (ok) this.verified.set(memoKey, true);
    return ok;
  }

  /** How many checked signatures this instance remembers (at most VERIFIED_MAX). */
  get verifiedCount(): number {
    return this.verified.size;
  }

  private async makeSigner(jwk: PrivateSigningJwk): Promise<Signer> {
    const privateKey = await this.importOnce(`private:${jwk.kid}:${jwk.x}`, jwk);
    if (this.options.nativeSigner) {
      const sign = this.options.nativeSigner(jwk);
      return { kid: jwk.kid, privateKey, signStamp: async (serial) => signStampWith(sign, jwk.kid, serial) };
    }
    return { kid: jwk.kid, privateKey, signStamp: (serial) => signStamp(privateKey, jwk.kid, serial) };
  }

  /** Imports a key once per process; the key material behind a kid and x never changes. */
  private importOnce(cacheKey: string, jwk: JWK): Promise<CryptoKey> {
    let key = this.imported.get(cacheKey);
    if (!key) {
      key = importJWK(jwk, 'EdDSA') as Promise<CryptoKey>;
      this.imported.set(cacheKey, key);
    }
    return key;
  }
}
