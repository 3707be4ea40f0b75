import { CompactSign, compactVerify, base64url } from 'jose';
import { base32Decode, base32Encode } from './base32';

/**
 * A stamp code is `{kid}-{serial}-{signature}`:
 * - kid: the signing key's id, 1–8 of [0-9A-Z];
 * - serial: decimal, no leading zero;
 * - signature: the 64-byte Ed25519 signature in unpadded base32 (103 characters).
 * The signature is that of the compact JWS whose protected header is exactly
 * {"alg":"EdDSA","kid":"<kid>","typ":"ocop-stamp"} and whose payload is exactly {"sn":<serial>}.
 * So anyone with the JWKS can rebuild `header.payload.signature` and check it with any JOSE tool.
 * Every character is in the QR alphanumeric set, and the whole code reads case-insensitively.
 */
export type StampCode = { kid: string; serial: number; signature: Uint8Array };

export const STAMP_TYP = 'ocop-stamp';
const SIGNATURE_CHARS = 103;
const CODE_PATTERN = /^([0-9A-Z]{1,8})-([1-9][0-9]{0,14})-([A-Z2-7]{103})$/;
const encoder = new TextEncoder();

export function stampProtectedHeader(kid: string) {
  return { alg: 'EdDSA', kid, typ: STAMP_TYP } as const;
}

export function stampPayload(serial: number): Uint8Array {
  return encoder.encode(JSON.stringify({ sn: serial }));
}

/** Never throws: anything that is not exactly a well-formed code is null. */
export function parseStampCode(input: string): StampCode | null {
  if (typeof input !== 'string' || input.length > 160) return null;
  const m = CODE_PATTERN.exec(input.toUpperCase());
  if (!m) return null;
  const serial = Number(m[2]);
  const signature = base32Decode(m[3]!);
  if (!Number.isSafeInteger(serial) || !signature || signature.length !== 64) return null;
  return { kid: m[1]!, serial, signature };
}

export function formatStampCode(code: StampCode): string {
  const sig = base32Encode(code.signature);
  if (sig.length !== SIGNATURE_CHARS) throw new Error('an Ed25519 signature is 64 bytes');
  return `${code.kid}-${code.serial}-${sig}`;
}

/** The standard compact JWS that a stamp code stands for. */
export function toCompactJws(code: StampCode): string {
  const header = base64url.encode(JSON.stringify(stampProtectedHeader(code.kid)));
  return `${header}.${base64url.encode(stampPayload(code.serial))}.${base64url.encode(code.signature)}`;
}

/** The exact bytes an Ed25519 signature of a stamp covers: the JWS signing input. */
export function stampSigningInput(kid: string, serial: number): Uint8Array {
  return encoder.encode(
    `${base64url.encode(JSON.stringify(stampProtectedHeader(kid)))}.${base64url.encode(stampPayload(serial))}`,
  );
}

/** Signs with a raw Ed25519 function (e.g. node:crypto); same output as signStamp. */
export function signStampWith(sign: (input: Uint8Array) => Uint8Array, kid: string, serial: number): string {
  return formatStampCode({ kid, serial, signature: sign(stampSigningInput(kid, serial)) });
}

export async function signStamp(privateKey: CryptoKey, kid: string, serial: number): Promise<string> {
  const jws = await new CompactSign(stampPayload(serial))
    .setProtectedHeader(stampProtectedHeader(kid))
    .sign(privateKey);
  const signature = base64url.decode(jws.split('.')[2]!);
  return formatStampCode({ kid, serial, signature });
}

export async function verifyStampSignature(code: StampCode, publicKey: CryptoKey): Promise<boolean> {
  try {
    await compactVerify(toCompactJws(code), publicKey, { algorithms: ['EdDSA'] });
    return true;
  } catch {
    return false;
  }
}

/** The URL printed in the QR: all uppercase so encoders use the compact alphanumeric mode. */
export function stampUrl(publicOrigin: string, code: string): string {
  return `${publicOrigin.replace(/\/+$/, '')}/S/${code}`.toUpperCase();
}

/**
 * Takes what a retailer pastes or a scanner types (a bare code, a stamp URL in any case, or a
 * GS1 Digital Link carrying the code) and returns the code part, or null.
 */
export function extractStampCode(input: string): string | null {
  if (typeof input !== 'string') return null;
  const text = input.trim();
  if (text.length === 0 || text.length > 400) return null;
  const fromPath = /\/S\/([^/?#\s]+)\/?(?:[?#].*)?$/i.exec(text);
  if (fromPath) return fromPath[1]!.toUpperCase();
  const fromQuery = /[?&]stamp=([^&#\s]+)/i.exec(text);
  if (fromQuery) return fromQuery[1]!.toUpperCase();
  return /^[0-9A-Za-z-]+$/.test(text) ? text.toUpperCase() : null;
}
