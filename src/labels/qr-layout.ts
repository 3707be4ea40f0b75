/**
 * What every QR symbol of one version at level M shares (ISO/IEC 18004): the function patterns,
 * the order in which data modules are filled, and the eight masks already restricted to data
 * modules. Computed once per version, so encoding a symbol only fills in its own bits.
 *
 * Symbols are packed one bit a module, leftmost (or topmost) module in the high bit, each line
 * padded to whole bytes: `rows` line by line and `cols` column by column, the same modules twice
 * so that both directions of the mask penalty read whole bytes.
 */
export type QrLayout = {
  version: number;
  size: number;
  width: number;
  ecPerBlock: number;
  blocks: number[];
  blockStarts: number[];
  dataCodewords: number;
  /** Function patterns (dark module included, format and version areas empty), packed. */
  rows: Uint8Array;
  cols: Uint8Array;
  /** For the i-th data bit: its byte and bit in `rows`, and in `cols`. */
  rowByte: Uint16Array;
  rowBit: Uint8Array;
  colByte: Uint16Array;
  colBit: Uint8Array;
  /** Per mask: the mask over data modules plus that mask's format information, packed. */
  maskRows: Uint8Array[];
  maskCols: Uint8Array[];
};

/** Per version: EC codewords per block, and the blocks' data codewords, at level M. */
const BLOCKS_M: [number, number[]][] = [
  [0, []],
  [10, [16]],
  [16, [28]],
  [26, [44]],
  [18, [32, 32]],
  [24, [43, 43]],
  [16, [27, 27, 27, 27]],
  [18, [31, 31, 31, 31]],
  [22, [38, 38, 39, 39]],
  [22, [36, 36, 36, 37, 37]],
  [26, [43, 43, 43, 43, 44]],
];
const ALIGNMENT: number[][] = [
  [],
  [],
  [6, 18],
  [6, 22],
  [6, 26],
  [6, 30],
  [6, 34],
  [6, 22, 38],
  [6, 24, 42],
  [6, 26, 46],
  [6, 28, 50],
];
export const MAX_VERSION = 10;

const MASKS: ((r: number, c: number) => boolean)[] = [
  (r, c) => (r + c) % 2 === 0,
  (r) => r % 2 === 0,
  (_r, c) => c % 3 === 0,
  (r, c) => (r + c) % 3 === 0,
  (r, c) => (Math.floor(r / 2) + Math.floor(c / 3)) % 2 === 0,
  (r, c) => ((r * c) % 2) + ((r * c) % 3) === 0,
  (r, c) => (((r * c) % 2) + ((r * c) % 3)) % 2 === 0,
  (r, c) => (((r + c) % 2) + ((r * c) % 3)) % 2 === 0,
];

/** Data codewords a version holds at level M. */
export const dataCapacity = (version: number) => BLOCKS_M[version]![1].reduce((a, b) => a + b, 0);

const layouts = new Map<number, QrLayout>();

export function qrLayout(version: number): QrLayout {
  let layout = layouts.get(version);
  if (!layout) layouts.set(version, (layout = buildLayout(version)));
  return layout;
}

function buildLayout(version: number): QrLayout {
  const size = version * 4 + 17;
  const value = new Uint8Array(size * size);
  const reserved = new Uint8Array(size * size);
  const set = (r: number, c: number, dark: boolean) => {
    value[r * size + c] = dark ? 1 : 0;
    reserved[r * size + c] = 1;
  };
  for (const [r0, c0] of [
    [0, 0],
    [0, size - 7],
    [size - 7, 0],
  ] as const) {
    for (let r = -1; r <= 7; r++) {
      for (let c = -1; c <= 7; c++) {
        if (r0 + r < 0 || c0 + c < 0 || r0 + r >= size || c0 + c >= size) continue;
        const ring = Math.max(Math.abs(r - 3), Math.abs(c - 3));
        set(r0 + r, c0 + c, r >= 0 && r <= 6 && c >= 0 && c <= 6 && ring !== 2);
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
      for (let dr = -2; dr <= 2; dr++)
        for (let dc = -2; dc <= 2; dc++) set(r + dr, c + dc, Math.max(Math.abs(dr), Math.abs(dc)) !== 1);
    }
  }
  set(size - 8, 8, true); // the dark module
  const formatCells = formatPositions(size);
  for (const [r, c] of formatCells) reserved[r * size + c] = 1;
  if (version >= 7) {
    let rem = version;
    for (let i = 0; i < 12; i++) rem = (rem << 1) ^ ((rem >> 11) * 0x1f25);
    const bits = (version << 12) | rem;
    for (let i = 0; i < 18; i++) {
      const dark = ((bits >> i) & 1) === 1;
      set(size - 11 + (i % 3), Math.floor(i / 3), dark);
      set(Math.floor(i / 3), size - 11 + (i % 3), dark);
    }
  }

  const width = (size + 7) >> 3;
  const pack = (at: (r: number, c: number) => number) => {
    const rows = new Uint8Array(size * width);
    const cols = new Uint8Array(size * width);
    for (let r = 0; r < size; r++) {
      for (let c = 0; c < size; c++) {
        if (!at(r, c)) continue;
        rows[r * width + (c >> 3)]! |= 0x80 >> (c & 7);
        cols[c * width + (r >> 3)]! |= 0x80 >> (r & 7);
      }
    }
    return { rows, cols };
  };

  // Data modules in the zigzag, two columns at a time from the bottom right, skipping column 6.
  const order: number[] = [];
  for (let right = size - 1, upward = true; right >= 1; right -= 2, upward = !upward) {
    if (right === 6) right = 5;
    for (let step = 0; step < size; step++) {
      const row = upward ? size - 1 - step : step;
      for (let j = 0; j < 2; j++) if (!reserved[row * size + right - j]) order.push(row * size + right - j);
    }
  }
  const rowByte = new Uint16Array(order.length);
  const rowBit = new Uint8Array(order.length);
  const colByte = new Uint16Array(order.length);
  const colBit = new Uint8Array(order.length);
  order.forEach((index, i) => {
    const r = Math.floor(index / size);
    const c = index % size;
    rowByte[i] = r * width + (c >> 3);
    rowBit[i] = 0x80 >> (c & 7);
    colByte[i] = c * width + (r >> 3);
    colBit[i] = 0x80 >> (r & 7);
  });

  const maskRows: Uint8Array[] = [];
  const maskCols: Uint8Array[] = [];
  MASKS.forEach((mask, m) => {
    const format = formatBits(m);
    const formatAt = new Map(formatCells.map(([r, c], i) => [r * size + c, (format >> formatBitIndex(i)) & 1]));
    const packed = pack((r, c) => formatAt.get(r * size + c) ?? (!reserved[r * size + c] && mask(r, c) ? 1 : 0));
    maskRows.push(packed.rows);
    maskCols.push(packed.cols);
  });
  const [ecPerBlock, blocks] = BLOCKS_M[version]!;
  const blockStarts = blocks.map((_, b) => blocks.slice(0, b).reduce((a, x) => a + x, 0));
  return {
    version,
    size,
    width,
    ecPerBlock,
    blocks,
    blockStarts,
    dataCodewords: dataCapacity(version),
    ...pack((r, c) => value[r * size + c]!),
    rowByte,
    rowBit,
    colByte,
    colBit,
    maskRows,
    maskCols,
  };
}

/** Format information: level M (00) and the mask, BCH(15,5), XORed with 101010000010010. */
function formatBits(mask: number): number {
  let rem = mask;
  for (let i = 0; i < 10; i++) rem = (rem << 1) ^ ((rem >> 9) * 0x537);
  return ((mask << 10) | rem) ^ 0x5412;
}

/**
 * The 30 format cells: bit i of the format word around the top-left finder (first 15), then
 * split between the other two finders (last 15).
 */
function formatPositions(size: number): [number, number][] {
  const cells: [number, number][] = [];
  for (let i = 0; i < 15; i++) cells.push(i < 6 ? [i, 8] : i < 8 ? [i + 1, 8] : [size - 15 + i, 8]);
  for (let i = 0; i < 15; i++) cells.push(i < 8 ? [8, size - 1 - i] : i < 9 ? [8, 15 - i] : [8, 14 - i]);
  return cells;
}
const formatBitIndex = (cell: number) => cell % 15;
