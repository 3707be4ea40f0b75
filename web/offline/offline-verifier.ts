/**
 * Verifies stamps with no network: from the published JWKS and the last signed status list.
 * It gives the same status as the online verdict for everything the list covers, and says how
 * old its knowledge is (`asOf`, the list's issue time). The retailer intake page bundles it;
 * it has no I/O of its own, so the caller decides where the JWKS and list come from.
 */
import { compactVerify, decodeProtectedHeader, importJWK, type JWK } from 'jose';
import { extractStampCode, parseStampCode, verifyStampSignature } from '../../src/domain/stamp-codec';
import { STATUS_LIST_TYP, statusFromList, type StatusListPayload } from '../../src/domain/status-list';
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
  asOf: string;
  listVersion: number;
};

async function keyFor(jwks: Jwks, kid: string): Promise<CryptoKey | null> {
  const jwk = jwks.keys.find((k) => k.kid === kid && k.crv === 'Ed25519');
  return jwk ? ((await importJWK(jwk, 'EdDSA')) as CryptoKey) : null;
}

/** Checks the list's signature against the JWKS before trusting a byte of it. */
export async function openStatusList(jws: string, jwks: Jwks): Promise<StatusListPayload> {
  const header = decodeProtectedHeader(jws);
  if (header.typ !== STATUS_LIST_TYP || typeof header.kid !== 'string') throw new Error('not an OCOP status list');
  const key = await keyFor(jwks, header.kid);
  if (!key) throw new Error(`status list signed with unknown key ${header.kid}`);
  const { payload } = await compactVerify(jws, key, { algorithms: ['EdDSA'] });
  return JSON.parse(new TextDecoder().decode(payload)) as StatusListPayload;
}

export class OfflineVerifier {
  private readonly keys = new Map<string, Promise<CryptoKey | null>>();

  constructor(private readonly jwks: Jwks, private readonly list: StatusListPayload) {}

  get asOf(): string {
    return new Date(this.list.iat * 1000).toISOString();
  }

  async verify(input: string): Promise<OfflineVerdict> {
    const text = extractStampCode(input);
    const code = text ? parseStampCode(text) : null;
    const base = { code: text ?? String(input).slice(0, 200), serial: code?.serial ?? null, kid: code?.kid ?? null,
      offline: true as const, asOf: this.asOf, listVersion: this.list.version };
    if (!code) return { ...base, status: 'forged', forgedReason: 'malformed' };
    if (!this.keys.has(code.kid)) this.keys.set(code.kid, keyFor(this.jwks, code.kid));
    const key = await this.keys.get(code.kid)!;
    // A compromised key is dropped from the JWKS, so its stamps land here as forged too.
    if (!key) return { ...base, status: 'forged', forgedReason: 'unknown_key' };
    if (!(await verifyStampSignature(code, key))) return { ...base, status: 'forged', forgedReason: 'bad_signature' };
    return { ...base, status: statusFromList(this.list, code.kid, code.serial) };
  }
}
