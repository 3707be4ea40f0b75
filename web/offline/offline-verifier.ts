/**
 * Verifies stamps with no network: from the published JWKS and the IETF Token Status Lists (one
 * per 2^20 serials, fetched once each and kept). It gives the online verdict's status for every
 * serial a list covers, and says how old its knowledge is (`asOf`, the list's issue time). It has
 * no I/O of its own: the caller says where the JWKS and each list come from (the intake page goes
 * through its service worker's cache).
 */
import { base64url, compactVerify, decodeProtectedHeader, importJWK, type JWK } from 'jose';
import { extractStampCode, parseStampCode, verifyStampSignature } from '../../src/domain/stamp-codec';
import {
  blockIndex,
  blockOf,
  INVALID_REASONS_CLAIM,
  readStatus,
  STATUS_LIST_JWT_TYP,
  statusListPath,
  verdictFromEntry,
  zlibInflate,
} from '../../src/domain/token-status-list';
import type { VerdictStatus } from '../../src/domain/verdict';

export type Jwks = { keys: (JWK & { kid?: string })[] };

export type OfflineVerdict = {
  status: VerdictStatus;
  code: string;
  serial: number | null;
  kid: string | null;
  forgedReason?: 'malformed' | 'bad_signature' | 'unknown_key';
  /** Always true: live status (a revocation after `asOf`) was not checked. */
  offline: true;
  /** The issue time of the list that decided (for a forged code, of the oldest list loaded); null when there was none. */
  asOf: string | null;
  /** The list is past the `exp` its issuer set: still read, because offline is the point, but said. */
  listExpired?: true;
};

/** One block's list, opened: statuses and reasons at 2 bits a serial. */
export type OpenedStatusList = {
  n: number;
  iat: number;
  exp: number | null;
  statuses: Uint8Array;
  reasons: Uint8Array | null;
};

type ListClaims = {
  sub?: unknown;
  iat?: unknown;
  exp?: unknown;
  status_list?: { bits?: unknown; lst?: unknown };
} & Record<string, unknown>;

async function keyFor(jwks: Jwks, kid: string): Promise<CryptoKey | null> {
  const jwk = jwks.keys.find((k) => k.kid === kid && k.crv === 'Ed25519');
  return jwk ? ((await importJWK(jwk, 'EdDSA')) as CryptoKey) : null;
}

async function bitsOf(list: { bits?: unknown; lst?: unknown } | undefined): Promise<Uint8Array | null> {
  if (list?.bits !== 2 || typeof list.lst !== 'string') return null;
  return zlibInflate(base64url.decode(list.lst));
}

/**
 * Checks a Status List Token against the JWKS before trusting a byte of it, and that it is the list
 * of block n (`sub` ends with its path: a genuine list of another block must not stand in for it).
 */
export async function openStatusList(jwt: string, jwks: Jwks, n: number): Promise<OpenedStatusList> {
  const header = decodeProtectedHeader(jwt);
  if (header.typ !== STATUS_LIST_JWT_TYP || typeof header.kid !== 'string') throw new Error('not a Token Status List');
  const key = await keyFor(jwks, header.kid);
  if (!key) throw new Error(`status list signed with unknown key ${header.kid}`);
  const { payload } = await compactVerify(jwt, key, { algorithms: ['EdDSA'] });
  const claims = JSON.parse(new TextDecoder().decode(payload)) as ListClaims;
  if (typeof claims.sub !== 'string' || !claims.sub.endsWith(statusListPath(n)) || typeof claims.iat !== 'number') {
    throw new Error(`not the status list of block ${n}`);
  }
  const statuses = await bitsOf(claims.status_list);
  if (!statuses) throw new Error('status_list is not 2 bits a serial');
  const reasons = await bitsOf(claims[INVALID_REASONS_CLAIM] as { bits?: unknown; lst?: unknown } | undefined);
  return { n, iat: claims.iat, exp: typeof claims.exp === 'number' ? claims.exp : null, statuses, reasons };
}

/** Where the verifier gets the list of block n (its JWT text), or null when there is none to be had. */
export type StatusListSource = (n: number) => Promise<string | null>;

export class OfflineVerifier {
  private readonly keys = new Map<string, Promise<CryptoKey | null>>();
  private readonly lists = new Map<number, Promise<OpenedStatusList | null>>();

  constructor(
    private readonly jwks: Jwks,
    private readonly source: StatusListSource,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Fetches and opens the list of block n once; a list that cannot be had or fails its checks is null. */
  list(n: number): Promise<OpenedStatusList | null> {
    const known = this.lists.get(n);
    if (known) return known;
    const list = this.source(n)
      .then((jwt) => (jwt ? openStatusList(jwt, this.jwks, n) : null))
      .catch(() => null)
      .then((opened) => {
        if (opened) this.oldestIat = Math.min(this.oldestIat ?? opened.iat, opened.iat);
        // A miss is not remembered: the next scan may find the network (or the cache) again.
        else this.lists.delete(n);
        return opened;
      });
    this.lists.set(n, list);
    return list;
  }

  private oldestIat: number | null = null;

  /** The issue time of the oldest list loaded so far, or null before any. */
  get asOf(): string | null {
    return this.oldestIat === null ? null : new Date(this.oldestIat * 1000).toISOString();
  }

  async verify(input: string): Promise<OfflineVerdict> {
    const text = extractStampCode(input);
    const code = text ? parseStampCode(text) : null;
    const base = {
      code: text ?? String(input).slice(0, 200),
      serial: code?.serial ?? null,
      kid: code?.kid ?? null,
      offline: true as const,
    };
    // Forged needs no list, only the JWKS; its knowledge is as old as the rest of this verifier's.
    if (!code) return { ...base, status: 'forged', forgedReason: 'malformed', asOf: this.asOf };
    if (!this.keys.has(code.kid)) this.keys.set(code.kid, keyFor(this.jwks, code.kid));
    const key = await this.keys.get(code.kid)!;
    // A compromised key is dropped from the JWKS, so its stamps land here as forged too.
    if (!key) return { ...base, status: 'forged', forgedReason: 'unknown_key', asOf: this.asOf };
    if (!(await verifyStampSignature(code, key)))
      return { ...base, status: 'forged', forgedReason: 'bad_signature', asOf: this.asOf };
    const list = await this.list(blockOf(code.serial));
    // No list: the signature is genuine, but nothing says the serial was issued.
    if (!list) return { ...base, status: 'unknown', asOf: null };
    const index = blockIndex(code.serial);
    const status = verdictFromEntry(
      readStatus(list.statuses, index),
      list.reasons ? readStatus(list.reasons, index) : null,
    );
    const expired = list.exp !== null && list.exp * 1000 <= this.now().getTime();
    return {
      ...base,
      status,
      asOf: new Date(list.iat * 1000).toISOString(),
      ...(expired ? { listExpired: true as const } : {}),
    };
  }
}
