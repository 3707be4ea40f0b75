/**
 * A QR encoder for exactly what stamps need: one alphanumeric segment, error correction M,
 * versions 1–10 (ISO/IEC 18004). It writes straight into typed arrays, which makes it several
 * times faster than the general `qrcode` library on the printing hot path; a test checks it
 * module for module against that library for every mask, and zbarimg reads its output.
 */
const ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';
const ALNUM_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < ALNUM.length; i++) ALNUM_VALUE[ALNUM.charCodeAt(i)] = i;

/** Per version (index = version): EC codewords per block, and the blocks' data codewords, at level M. */
const BLOCKS_M: [number, number[]][] = [
  [0, []], [10, [16]], [16, [28]], [26, [44]], [18, [32, 32]], [24, [43, 43]], [16, [27, 27, 27, 27]],
  [18, [31, 31, 31, 31]], [22, [38, 38, 39, 39]], [22, [36, 36, 36, 37, 37]], [26, [43, 43, 43, 43, 44]],
];
const ALIGNMENT: number[][] = [[], [], [6, 18], [6, 22], [6, 26], [6, 30], [6, 34], [6, 22, 38], [6, 24, 42], [6, 26, 46], [6, 28, 50]];

// GF(256) with the QR polynomial x^8 + x^4 + x^3 + x^2 + 1.
const EXP = new Uint8Array(512);
const LOG = new Uint8Array(256);
for (let i = 0, x = 1; i < 255; i++, x = (x << 1) ^ (x & 0x80 ? 0x11d : 0)) {
  EXP[i] = x;
  LOG[x] = i;
}
for (let i = 255; i < 512; i++) EXP[i] = EXP[i - 255]!;
const generators = new Map<number, Uint8Array>();

/** The generator polynomial (x - α^0)(x - α^1)…(x - α^(degree-1)), highest power first. */
function generator(degree: number): Uint8Array {
  const cached = generators.get(degree);
  if (cached) return cached;
  let g: Uint8Array = new Uint8Array([1]);
  for (let i = 0; i < degree; i++) {
    const next: Uint8Array = new Uint8Array(g.length + 1);
    for (let j = 0; j < g.length; j++) {
      const coefficient = g[j]!;
      next[j]! ^= coefficient;
      if (coefficient !== 0) next[j + 1]! ^= EXP[LOG[coefficient]! + i]!;
    }
    g = next;
  }
  generators.set(degree, g);
  return g;
}

function reedSolomon(data: Uint8Array, degree: number): Uint8Array {
  const g = generator(degree);
  const remainder = new Uint8Array(degree);
  for (const byte of data) {
    const factor = byte ^ remainder[0]!;
    remainder.copyWithin(0, 1);
    remainder[degree - 1] = 0;
    if (factor === 0) continue;
    const logFactor = LOG[factor]!;
    for (let i = 0; i < degree; i++) if (g[i + 1]) remainder[i]! ^= EXP[LOG[g[i + 1]!]! + logFactor]!;
  }
  return remainder;
}

export type QrMatrix = { size: number; get: (row: number, col: number) => boolean; version: number; mask: number };

/** Encodes text of the QR alphanumeric set; returns null for anything this encoder does not cover. */
export function encodeAlphanumericQr(text: string, forcedMask?: number): QrMatrix | null {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 127 || ALNUM_VALUE[text.charCodeAt(i)]! < 0) return null;
  const dataBits = 4 + 11 * Math.floor(text.length / 2) + 6 * (text.length % 2);
  let version = 1;
  for (; version <= 10; version++) {
    const capacity = BLOCKS_M[version]![1].reduce((a, b) => a + b, 0) * 8;
    if (dataBits + (version < 10 ? 9 : 11) <= capacity) break;
  }
  if (version > 10) return null;
  const [ecPerBlock, blocks] = BLOCKS_M[version]!;
  const dataCodewords = blocks.reduce((a, b) => a + b, 0);

  // Bit stream: mode, count, pairs of characters, terminator, padding.
  const bytes = new Uint8Array(dataCodewords);
  let bitLength = 0;
  const put = (value: number, length: number) => {
    for (let i = length - 1; i >= 0; i--, bitLength++) if ((value >>> i) & 1) bytes[bitLength >> 3]! |= 0x80 >> (bitLength & 7);
  };
  put(0b0010, 4);
  put(text.length, version < 10 ? 9 : 11);
  for (let i = 0; i + 1 < text.length; i += 2) put(ALNUM_VALUE[text.charCodeAt(i)]! * 45 + ALNUM_VALUE[text.charCodeAt(i + 1)]!, 11);
  if (text.length % 2) put(ALNUM_VALUE[text.charCodeAt(text.length - 1)]!, 6);
  bitLength = Math.min(bitLength + 4, dataCodewords * 8);
  bitLength = Math.ceil(bitLength / 8) * 8;
  for (let i = bitLength / 8, pad = 0xec; i < dataCodewords; i++, pad ^= 0xec ^ 0x11) bytes[i] = pad;

  // Blocks, their error correction, and the interleaved codeword sequence.
  const dataBlocks: Uint8Array[] = [];
  let offset = 0;
  for (const length of blocks) {
    dataBlocks.push(bytes.subarray(offset, offset + length));
    offset += length;
  }
  const ecBlocks = dataBlocks.map((block) => reedSolomon(block, ecPerBlock));
  const codewords: number[] = [];
  const longest = Math.max(...blocks);
  for (let i = 0; i < longest; i++) for (const block of dataBlocks) if (i < block.length) codewords.push(block[i]!);
  for (let i = 0; i < ecPerBlock; i++) for (const block of ecBlocks) codewords.push(block[i]!);

  const size = version * 4 + 17;
  const base = new Uint8Array(size * size); // 0/1 module values
  const reserved = new Uint8Array(size * size); // function patterns, never masked
  const set = (r: number, c: number, dark: boolean) => {
    base[r * size + c] = dark ? 1 : 0;
    reserved[r * size + c] = 1;
  };
  for (const [r0, c0] of [[0, 0], [0, size - 7], [size - 7, 0]] as const) {
    for (let r = -1; r <= 7; r++) {
      for (let c = -1; c <= 7; c++) {
        const rr = r0 + r;
        const cc = c0 + c;
        if (rr < 0 || cc < 0 || rr >= size || cc >= size) continue;
        const ring = Math.max(Math.abs(r - 3), Math.abs(c - 3));
        set(rr, cc, r >= 0 && r <= 6 && c >= 0 && c <= 6 && ring !== 2);
      }
    }
  }
  for (let i = 8; i < size - 8; i++) {
    set(6, i, i % 2 === 0);
    set(i, 6, i % 2 === 0);
  }
  const centres = ALIGNMENT[version]!;
  const last = centres[centres.length - 1];
  for (const r of centres) {
    for (const c of centres) {
      // The three corners hold finder patterns; every other centre, timing row included, gets one.
      if ((r === 6 && c === 6) || (r === 6 && c === last) || (r === last && c === 6)) continue;
      for (let dr = -2; dr <= 2; dr++) for (let dc = -2; dc <= 2; dc++) set(r + dr, c + dc, Math.max(Math.abs(dr), Math.abs(dc)) !== 1);
    }
  }
  set(size - 8, 8, true); // the dark module
  for (let i = 0; i < 9; i++) {
    reserved[8 * size + i] = 1;
    reserved[i * size + 8] = 1;
  }
  for (let i = 0; i < 8; i++) {
    reserved[8 * size + size - 1 - i] = 1;
    reserved[(size - 1 - i) * size + 8] = 1;
  }
  if (version >= 7) {
    let bits = version << 12;
    let rem = version;
    for (let i = 0; i < 12; i++) rem = (rem << 1) ^ ((rem >> 11) * 0x1f25);
    bits |= rem;
    for (let i = 0; i < 18; i++) {
      const dark = ((bits >> i) & 1) === 1;
      const a = size - 11 + (i % 3);
      const b = Math.floor(i / 3);
      set(a, b, dark);
      set(b, a, dark);
    }
  }

  // Codewords in the zigzag, two columns at a time from the bottom right, skipping column 6.
  let bit = 0;
  const totalBits = codewords.length * 8;
  for (let right = size - 1, upward = true; right >= 1; right -= 2, upward = !upward) {
    if (right === 6) right = 5;
    for (let step = 0; step < size; step++) {
      const row = upward ? size - 1 - step : step;
      for (let j = 0; j < 2; j++) {
        const col = right - j;
        if (reserved[row * size + col]) continue;
        base[row * size + col] = bit < totalBits && (codewords[bit >> 3]! >> (7 - (bit & 7))) & 1 ? 1 : 0;
        bit++;
      }
    }
  }

  const candidate = new Uint8Array(size * size);
  const patterns = maskPatterns(size);
  const apply = (mask: number) => {
    const pattern = patterns[mask]!;
    for (let i = 0; i < candidate.length; i++) candidate[i] = base[i]! ^ (pattern[i]! & (reserved[i]! ^ 1));
    writeFormat(candidate, size, mask);
  };
  let best = forcedMask ?? 0;
  if (forcedMask === undefined) {
    let bestPenalty = Infinity;
    for (let mask = 0; mask < 8; mask++) {
      apply(mask);
      const p = penalty(candidate, size);
      if (p < bestPenalty) {
        bestPenalty = p;
        best = mask;
      }
    }
  }
  apply(best);
  const modules = candidate.slice();
  return { size, version, mask: best, get: (row, col) => modules[row * size + col] === 1 };
}

const MASKS: ((r: number, c: number) => boolean)[] = [
  (r, c) => (r + c) % 2 === 0, (r) => r % 2 === 0, (_r, c) => c % 3 === 0, (r, c) => (r + c) % 3 === 0,
  (r, c) => (Math.floor(r / 2) + Math.floor(c / 3)) % 2 === 0, (r, c) => ((r * c) % 2) + ((r * c) % 3) === 0,
  (r, c) => (((r * c) % 2) + ((r * c) % 3)) % 2 === 0, (r, c) => (((r + c) % 2) + ((r * c) % 3)) % 2 === 0,
];

const maskCache = new Map<number, Uint8Array[]>();

/** The eight mask patterns for a symbol size, as 0/1 arrays, computed once per size. */
function maskPatterns(size: number): Uint8Array[] {
  let patterns = maskCache.get(size);
  if (!patterns) {
    patterns = MASKS.map((mask) => {
      const pattern = new Uint8Array(size * size);
      for (let r = 0; r < size; r++) for (let c = 0; c < size; c++) pattern[r * size + c] = mask(r, c) ? 1 : 0;
      return pattern;
    });
    maskCache.set(size, patterns);
  }
  return patterns;
}

/** Format information: level M (00) and the mask, BCH(15,5), XORed with 101010000010010. */
function writeFormat(m: Uint8Array, size: number, mask: number): void {
  const data = (0b00 << 3) | mask;
  let rem = data;
  for (let i = 0; i < 10; i++) rem = (rem << 1) ^ ((rem >> 9) * 0x537);
  const bits = ((data << 10) | rem) ^ 0x5412;
  for (let i = 0; i < 15; i++) {
    const dark = (bits >> i) & 1;
    // Around the top-left finder…
    if (i < 6) m[i * size + 8] = dark;
    else if (i < 8) m[(i + 1) * size + 8] = dark;
    else m[(size - 15 + i) * size + 8] = dark;
    // …and split between the other two.
    if (i < 8) m[8 * size + size - 1 - i] = dark;
    else if (i < 9) m[8 * size + 15 - i - 1 + 1] = dark;
    else m[8 * size + 15 - i - 1] = dark;
  }
}

/**
 * ISO/IEC 18004 §7.8.3 penalty: runs of five or more, 2×2 blocks, finder-like 1:1:3:1:1
 * patterns with four light modules on one side, and the dark balance. One pass over rows and one
 * over columns, with the last 11 modules kept in an integer.
 */
function penalty(m: Uint8Array, size: number): number {
  let score = 0;
  let dark = 0;
  for (let i = 0; i < m.length; i++) dark += m[i]!;
  for (let r = 0; r < size; r++) {
    for (let c = 1; c < size; c++) {
      const i = r * size + c;
      if (r > 0 && m[i] === m[i - 1] && m[i] === m[i - size] && m[i] === m[i - size - 1]) score += 3;
    }
  }
  // Rows (stride 1 within a line) then columns (stride size).
  for (let pass = 0; pass < 2; pass++) {
    const step = pass === 0 ? 1 : size;
    const lineStep = pass === 0 ? size : 1;
    for (let line = 0; line < size; line++) {
      let run = 0;
      let previous = -1;
      let window = 0;
      for (let k = 0, i = line * lineStep; k < size; k++, i += step) {
        const v = m[i]!;
        if (v === previous) run++;
        else {
          if (run >= 5) score += run - 2;
          run = 1;
          previous = v;
        }
        window = ((window << 1) | v) & 0x7ff;
        if (k >= 10 && (window === 0x5d0 || window === 0x05d)) score += 40;
      }
      if (run >= 5) score += run - 2;
    }
  }
  const k = Math.floor(Math.abs((dark * 100) / (size * size) - 50) / 5);
  return score + k * 10;
}
