import QRCode from 'qrcode';
import { encodeStampQr, type QrSymbol } from './qr-encoder';

export type QrEncode = (text: string) => QrSymbol;

/**
 * A stamp URL's symbol at level M, as the stamp format is sized for (version 6 or lower). Stamp
 * URLs take the stamp encoder; anything it does not cover (lowercase text, past version 10)
 * the general library.
 */
export const stampSymbol: QrEncode = (text) => encodeStampQr(text) ?? librarySymbol(text);

/** The `qrcode` library's own `create()`, packed like the stamp encoder's symbols. */
export const librarySymbol: QrEncode = (text) => {
  const { modules, version, maskPattern } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const size = modules.size;
  const width = (size + 7) >> 3;
  const rows = new Uint8Array(size * width);
  const cols = new Uint8Array(size * width);
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size; c++) {
      if (!modules.get(r, c)) continue;
      rows[r * width + (c >> 3)]! |= 0x80 >> (c & 7);
      cols[c * width + (r >> 3)]! |= 0x80 >> (r & 7);
    }
  }
  return { version, size, width, mask: maskPattern ?? -1, rows, cols };
};
