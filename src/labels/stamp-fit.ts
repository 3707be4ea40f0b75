import { stampUrl } from '../domain/stamp-codec';
import { modulePitch } from './label-geometry';
import { stampSymbol } from './qr-symbol';
import type { LabelTemplate } from './template-schema';

/** An Ed25519 signature in unpadded base32 (stamp-codec.ts): every stamp code ends with it. */
const SIGNATURE = 'A'.repeat(103);
/** The stamp format is sized for this version: 41 modules, 15 mm wide at its smallest. */
export const STAMP_QR_VERSION = 6;

/** The QR version of a stamp of this origin, key and serial: only their lengths matter. */
export function stampQrVersion(publicOrigin: string, kid: string, serial: number): number {
  return stampSymbol(stampUrl(publicOrigin, `${kid}-${serial}-${SIGNATURE}`)).version;
}

/**
 * Why a template cannot print stamps of this origin, key and serial, in Vietnamese, or null: a
 * long origin or serial raises the QR's version, a bigger symbol gets smaller modules in the
 * same box, and below the template's `minModuleMm` phones stop reading them.
 */
export function templateModuleProblem(
  t: LabelTemplate,
  publicOrigin: string,
  kid: string,
  serial: number,
): string | null {
  const version = stampQrVersion(publicOrigin, kid, serial);
  const pitch = modulePitch(t, version * 4 + 17);
  if (pitch.dots >= 1 && pitch.mm >= t.qr.minModuleMm) return null;
  return (
    `Mẫu nhãn ${t.id} in mã QR phiên bản ${version} với ô ${pitch.mm.toFixed(2)} mm, nhỏ hơn mức tối thiểu ${t.qr.minModuleMm} mm ` +
    'của mẫu này: điện thoại có thể không đọc được. Hãy chọn mẫu nhãn lớn hơn, hoặc dùng PUBLIC_ORIGIN ngắn hơn.'
  );
}

/**
 * A warning for `npm start` when PUBLIC_ORIGIN is long enough to push stamps past version 6,
 * judged on a long code (a four-character key id, a twelve-digit serial); null when it fits.
 */
export function publicOriginWarning(publicOrigin: string): string | null {
  const version = stampQrVersion(publicOrigin, 'K999', 999_999_999_999);
  if (version <= STAMP_QR_VERSION) return null;
  return (
    `Warning: PUBLIC_ORIGIN ${publicOrigin} (${publicOrigin.length} characters) makes stamp QR codes version ${version}, ` +
    `not ${STAMP_QR_VERSION}: modules get smaller on every label, and small templates may refuse to print. ` +
    'A shorter origin (about 30 characters at most) keeps version 6.'
  );
}

/** `npm start` calls this once, after reading its configuration. */
export function warnOnLongPublicOrigin(publicOrigin: string, warn: (message: string) => void = console.warn): void {
  const warning = publicOriginWarning(publicOrigin);
  if (warning) warn(warning);
}
