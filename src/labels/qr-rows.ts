import QRCode from 'qrcode';
import { encodeAlphanumericQr } from './qr-encoder';

/**
 * A QR symbol as rows of bytes, one bit a module, leftmost module in the high bit. Error
 * correction M, as the stamp format is sized for (version 6 or lower). Stamp URLs take the fast
 * alphanumeric encoder; anything else the general library.
 */
export function qrRows(text: string): { size: number; rows: Uint8Array[] } {
  const modules = encodeAlphanumericQr(text) ?? libraryMatrix(text);
  const size = modules.size;
  const width = Math.ceil(size / 8);
  const rows: Uint8Array[] = [];
  for (let y = 0; y < size; y++) {
    const row = new Uint8Array(width);
    for (let x = 0; x < size; x++) {
      if (modules.get(y, x)) row[x >> 3]! |= 0x80 >> (x & 7);
    }
    rows.push(row);
  }
  return { size, rows };
}

function libraryMatrix(text: string) {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  return { size: modules.size, get: (row: number, col: number) => modules.get(row, col) === 1 };
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export function hexRow(row: Uint8Array): string {
  let out = '<';
  for (const byte of row) out += HEX[byte];
  return `${out}>`;
}
