import { eq } from 'drizzle-orm';
import { compactVerify, decodeProtectedHeader, importJWK, type JWK } from 'jose';
import { signingKeys } from '../../db/schema';
import type { VerdictStatus } from '../../domain/verdict';
import type { ServiceContext } from '../shared/context';
import { RECEIPT_TYP, type ReceiptPayload } from './receipt';

/**
 * What checking a stored receipt found. `key_compromised`: the signature holds, but the key that
 * made it was later marked compromised, so anyone could have made it; `invalid`: it does not hold
 * (or is not a receipt of this id), and nothing it says may be shown as signed.
 */
export type ReceiptSignature = 'valid' | 'key_compromised' | 'invalid';

export type ReceiptItem = {
  code: string;
  serial: number | null;
  status: VerdictStatus;
  suspicious: boolean;
  scannedAt: Date;
  /** What the phone showed when it read the code offline, if it did. */
  offlineStatus: VerdictStatus | null;
};

/** A receipt as people read it: everything comes from the signed payload, never from other rows. */
export type CheckedReceipt = {
  id: string;
  kid: string;
  signature: ReceiptSignature;
  verifyUrl: string;
  retailerName: string;
  pointOfSale: string;
  provinceCode: string;
  sessionId: string;
  startedAt: Date;
  finishedAt: Date;
  issuedAt: Date;
  summary: Partial<Record<VerdictStatus, number>>;
  items: ReceiptItem[];
};

/** The public address that checks a receipt: what its printed QR holds. */
export function receiptCheckUrl(ctx: ServiceContext, id: string): string {
  return `${ctx.config.PUBLIC_ORIGIN}/receipts/${id}`;
}

/**
 * Checks a receipt's JWS against the key its header names, as the signing_keys table holds it now
 * (a compromise made after signing counts), and reads it. The stored text is checked, not trusted:
 * a row edited in the database fails here exactly as a forged file would.
 */
export async function checkReceiptJws(ctx: ServiceContext, id: string, jws: string): Promise<CheckedReceipt> {
  let kid = '';
  let signature: ReceiptSignature = 'invalid';
  let payload: ReceiptPayload | null = null;
  try {
    const header = decodeProtectedHeader(jws);
    kid = typeof header.kid === 'string' ? header.kid : '';
    const [key] = await ctx.db
      .select({ jwk: signingKeys.publicJwk, state: signingKeys.state })
      .from(signingKeys)
      .where(eq(signingKeys.kid, kid));
    if (key && header.typ === RECEIPT_TYP) {
      const verified = await compactVerify(jws, await importJWK(key.jwk as JWK, 'EdDSA'), { algorithms: ['EdDSA'] });
      const read = JSON.parse(new TextDecoder().decode(verified.payload)) as ReceiptPayload;
      if (read.jti === id) {
        payload = read;
        signature = key.state === 'compromised' ? 'key_compromised' : 'valid';
      }
    }
  } catch {
    // A signature that does not verify, or a text that is not a JWS: `invalid`, said in words by the page.
  }
  return {
    id,
    kid,
    signature,
    verifyUrl: receiptCheckUrl(ctx, id),
    retailerName: payload?.retailer.name ?? '',
    pointOfSale: payload?.retailer.pointOfSale ?? '',
    provinceCode: payload?.retailer.provinceCode ?? '',
    sessionId: payload?.session.id ?? '',
    startedAt: new Date(payload?.session.startedAt ?? 0),
    finishedAt: new Date(payload?.session.finishedAt ?? 0),
    issuedAt: new Date((payload?.iat ?? 0) * 1000),
    summary: payload?.summary ?? {},
    items: (payload?.items ?? []).map((i) => ({
      code: i.code,
      serial: i.serial,
      status: i.status,
      suspicious: i.suspicious,
      scannedAt: new Date(i.scannedAt),
      offlineStatus: i.offline?.status ?? null,
    })),
  };
}
