/**
 * A QR encoder for exactly what stamps need: one alphanumeric segment, error correction M,
 * versions 1–10 (ISO/IEC 18004). Printing 10,000 labels encodes 10,000 symbols and scores
 * 80,000 masks, so it is built for that: each version's patterns are computed once
 * (qr-layout.ts), symbols are bit-packed, and the mask penalty reads whole bytes through tables
 * (qr-penalty.ts). `npm run bench` prints the whole print job with this encoder and with the
 * `qrcode` library's own `create()`; the README quotes the ratio that keeps it. A test checks it
 * module for module against that library for every mask and size, and the label tests read
 * its symbols back with zbarimg and jsQR.
 */
import { MAX_VERSION, dataCapacity, qrLayout } from './qr-layout';
import { maskPenalty } from './qr-penalty';

/** A symbol packed one bit a module (see qr-layout.ts): `rows` line by line, `cols` column by column. */
export type QrSymbol = {
  version: number;
  size: number;
  width: number;
  mask: number;
  rows: Uint8Array;
  cols: Uint8Array;
};
export type QrMatrix = QrSymbol & { get: (row: number, col: number) => boolean };

const ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';
const ALNUM_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < ALNUM.length; i++) ALNUM_VALUE[ALNUM.charCodeAt(i)] = i;

// GF(256) with the QR polynomial x^8 + x^4 + x^3 + x^2 + 1.
const EXP = new Uint8Array(512);
const LOG = new Uint8Array(256);
for (let i = 0, x = 1; i < 255; i++, x = (x << 1) ^ (x & 0x80 ? 0x11d : 0)) {
  EXP[i] = x;
  LOG[x] = i;
}
for (let i = 255; i < 512; i++) EXP[i] = EXP[i - 255]!;
/** Per degree: row f holds f times each of the generator's coefficients after its leading 1. */
const generatorProducts = new Map<number, Uint8Array>();

function generatorProduct(degree: number): Uint8Array {
  let products = generatorProducts.get(degree);
  if (products) return products;
  let g: Uint8Array = new Uint8Array([1]);
  for (let i = 0; i < degree; i++) {
    const next: Uint8Array = new Uint8Array(g.length + 1);
    for (let j = 0; j < g.length; j++) {
      next[j]! ^= g[j]!;
      if (g[j] !== 0) next[j + 1]! ^= EXP[LOG[g[j]!]! + i]!;
    }
    g = next;
  }
  products = new Uint8Array(256 * degree);
  for (let f = 1; f < 256; f++)
    for (let k = 0; k < degree; k++) products[f * degree + k] = g[k + 1] ? EXP[LOG[f]! + LOG[g[k + 1]!]!]! : 0;
  generatorProducts.set(degree, products);
  return products;
}

/** The Reed–Solomon remainder of data[from, to) into out[at, at + degree). */
function reedSolomon(data: Uint8Array, from: number, to: number, degree: number, out: Uint8Array, at: number): void {
  const products = generatorProduct(degree);
  const last = at + degree - 1;
  for (let i = from; i < to; i++) {
    const row = (data[i]! ^ out[at]!) * degree;
    for (let k = 0; k < degree - 1; k++) out[at + k] = out[at + k + 1]! ^ products[row + k]!;
    out[last] = products[row + degree - 1]!;
  }
}

/**
 * Encodes text of the QR alphanumeric set with the mask of lowest penalty (or `forcedMask`);
 * null for anything this encoder does not cover.
 */
export function encodeAlphanumericQr(text: string, forcedMask?: number): QrMatrix | null {
  const symbol = encodeStampQr(text, forcedMask);
  if (!symbol) return null;
  const { rows, width } = symbol;
  return { ...symbol, get: (row, col) => (rows[row * width + (col >> 3)]! & (0x80 >> (col & 7))) !== 0 };
}

/** Working space of one encoding, sized for version 10; the encoder never yields mid-symbol. */
const scratch = {
  bytes: new Uint8Array(256),
  ec: new Uint8Array(256),
  codewords: new Uint8Array(512),
  rows: new Uint8Array(57 * 8),
  cols: new Uint8Array(57 * 8),
};

export function encodeStampQr(text: string, forcedMask?: number): QrSymbol | null {
  for (let i = 0; i < text.length; i++)
    if (text.charCodeAt(i) > 127 || ALNUM_VALUE[text.charCodeAt(i)]! < 0) return null;
  const dataBits = 4 + 11 * Math.floor(text.length / 2) + 6 * (text.length % 2);
  let version = 1;
  while (version <= MAX_VERSION && dataBits + (version < 10 ? 9 : 11) > dataCapacity(version) * 8) version++;
  if (version > MAX_VERSION) return null;
  const layout = qrLayout(version);
  const { blocks, ecPerBlock, dataCodewords } = layout;

  // Bit stream: mode, count, pairs of characters, terminator, padding.
  const bytes = scratch.bytes.subarray(0, dataCodewords).fill(0);
  const bits = new BitWriter(bytes);
  bits.put(0b0010, 4);
  bits.put(text.length, version < 10 ? 9 : 11);
  for (let i = 0; i + 1 < text.length; i += 2)
    bits.put(ALNUM_VALUE[text.charCodeAt(i)]! * 45 + ALNUM_VALUE[text.charCodeAt(i + 1)]!, 11);
  if (text.length % 2) bits.put(ALNUM_VALUE[text.charCodeAt(text.length - 1)]!, 6);
  bits.flush();
  const used = Math.ceil(Math.min(bits.length + 4, dataCodewords * 8) / 8);
  for (let i = used, pad = 0xec; i < dataCodewords; i++, pad ^= 0xec ^ 0x11) bytes[i] = pad;

  // Error correction per block, then the codewords interleaved: data column by column, then EC.
  const ec = scratch.ec.subarray(0, blocks.length * ecPerBlock).fill(0);
  for (let b = 0; b < blocks.length; b++)
    reedSolomon(bytes, layout.blockStarts[b]!, layout.blockStarts[b]! + blocks[b]!, ecPerBlock, ec, b * ecPerBlock);
  const codewords = scratch.codewords.subarray(0, dataCodewords + ec.length);
  let n = 0;
  for (let i = 0; i < blocks[blocks.length - 1]!; i++)
    for (let b = 0; b < blocks.length; b++) if (i < blocks[b]!) codewords[n++] = bytes[layout.blockStarts[b]! + i]!;
  for (let i = 0; i < ecPerBlock; i++) for (let b = 0; b < blocks.length; b++) codewords[n++] = ec[b * ecPerBlock + i]!;

  // Data bits into both packings; remainder bits past the codewords stay light.
  const rows = layout.rows.slice();
  const cols = layout.cols.slice();
  const { rowByte, rowBit, colByte, colBit } = layout;
  for (let c = 0; c < codewords.length; c++) {
    // Only the dark bits, found by counting leading zeros: no branch on random data.
    for (let v = codewords[c]!; v !== 0; ) {
      const k = Math.clz32(v) - 24;
      v ^= 0x80 >> k;
      const bit = c * 8 + k;
      rows[rowByte[bit]!]! |= rowBit[bit]!;
      cols[colByte[bit]!]! |= colBit[bit]!;
    }
  }

  let best = forcedMask ?? 0;
  if (forcedMask === undefined) {
    const candidateRows = scratch.rows.subarray(0, rows.length);
    const candidateCols = scratch.cols.subarray(0, cols.length);
    let bestPenalty = Infinity;
    for (let mask = 0; mask < 8; mask++) {
      xorInto(candidateRows, rows, layout.maskRows[mask]!);
      xorInto(candidateCols, cols, layout.maskCols[mask]!);
      const p = maskPenalty(candidateRows, candidateCols, layout.size, layout.width);
      if (p < bestPenalty) {
        bestPenalty = p;
        best = mask;
      }
    }
  }
  xorInto(rows, rows, layout.maskRows[best]!);
  xorInto(cols, cols, layout.maskCols[best]!);
  return { version, size: layout.size, width: layout.width, mask: best, rows, cols };
}

/** Most significant bit first, a whole byte at a time. */
class BitWriter {
  length = 0;
  private pending = 0;
  private pendingBits = 0;
  constructor(private readonly bytes: Uint8Array) {}
  put(value: number, count: number): void {
    this.pending = (this.pending << count) | value;
    this.pendingBits += count;
    this.length += count;
    while (this.pendingBits >= 8) {
      this.pendingBits -= 8;
      this.bytes[(this.length - this.pendingBits - 8) >> 3] = (this.pending >>> this.pendingBits) & 0xff;
    }
    this.pending &= (1 << this.pendingBits) - 1;
  }
  /** Writes out a last partial byte, zero-padded. */
  flush(): void {
    if (this.pendingBits) this.bytes[this.length >> 3] = (this.pending << (8 - this.pendingBits)) & 0xff;
  }
}

function xorInto(out: Uint8Array, a: Uint8Array, b: Uint8Array): void {
  for (let i = 0; i < out.length; i++) out[i] = a[i]! ^ b[i]!;
}
