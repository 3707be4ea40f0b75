import type { VerdictStatus } from '../../domain/verdict';

/** The `typ` of a receipt's JWS header: a receipt never passes for a status list, nor the reverse. */
export const RECEIPT_TYP = 'ocop-intake-receipt+jwt';

/**
 * What a receipt says: who received what, where and when, and the service's verdict on each
 * code at recording time. Signed as a compact JWS; anyone can check it against the JWKS.
 */
export type ReceiptPayload = {
  iss: string;
  /** The intake id; also the receipt's URL under /api/v1/intakes. */
  jti: string;
  iat: number;
  retailer: { id: string; name: string; provinceCode: string; pointOfSale: string };
  session: { id: string; startedAt: string; finishedAt: string };
  summary: Partial<Record<VerdictStatus, number>>;
  items: {
    code: string;
    serial: number | null;
    status: VerdictStatus;
    suspicious: boolean;
    scannedAt: string;
    offline?: { status: VerdictStatus; asOf: string | null };
  }[];
};
