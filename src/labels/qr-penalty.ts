/**
 * The ISO/IEC 18004 §7.8.3 mask penalty of a bit-packed symbol (see qr-layout.ts), read a byte
 * at a time rather than a module at a time, since each symbol scores all eight masks:
 * - N1 (+3 for a run of five like modules, +1 for each more) and N3 (+40 for 1011101 with four
 *   light modules on either side) along a line depend only on the last ten modules, so a table
 *   indexed by those ten and the next four gives what the next four add;
 * - N2 (+3 for each 2×2 block of one colour) compares two rows nine modules at a time;
 * - N4 (+10 for each 5% the dark share strays from 50%) counts bits.
 * The tables take about 200 kB and are built for the first symbol.
 */
let tables: { head: Uint16Array; step4: Uint16Array; tails: Uint16Array[]; bits: Uint8Array } | null = null;

/** Per row byte: its eight modules and the next byte's first, for N2; reused across calls. */
let nine = new Uint16Array(0);

export function maskPenalty(rows: Uint8Array, cols: Uint8Array, size: number, width: number): number {
  const t = (tables ??= buildTables());
  const n = size * width;
  let score = lines(rows, n, size, width, t) + lines(cols, n, size, width, t);

  if (nine.length < n) nine = new Uint16Array(n);
  let dark = 0;
  for (let i = 0; i < n - 1; i++) {
    dark += t.bits[rows[i]!]!;
    nine[i] = (rows[i]! << 1) | (rows[i + 1]! >> 7); // across a row's end: only read for the last pairs, masked
  }
  dark += t.bits[rows[n - 1]!]!;
  nine[n - 1] = rows[n - 1]! << 1;
  // Pairs of columns (c, c + 1): eight a byte, fewer in a row's last byte.
  const lastPairs = size - 1 - 8 * (width - 1);
  const lastMask = lastPairs <= 0 ? 0 : (0xff00 >> lastPairs) & 0xff;
  let blocks = 0;
  for (let a = 0, b = width; b < n; a += width, b += width) {
    for (let j = 0; j < width - 1; j++) blocks += t.bits[blockBits(nine[a + j]!, nine[b + j]!)]!;
    if (lastMask) blocks += t.bits[blockBits(nine[a + width - 1]!, nine[b + width - 1]!) & lastMask]!;
  }
  score += blocks * 3;
  return score + 10 * Math.floor(Math.abs((dark * 100) / (size * size) - 50) / 5);
}

function lines(packed: Uint8Array, n: number, size: number, width: number, t: NonNullable<typeof tables>): number {
  const whole = size >> 3;
  const rest = size & 7;
  const tail = t.tails[rest]!;
  let score = 0;
  for (let at = 0; at < n; at += width) {
    let state = (packed[at]! << 8) | packed[at + 1]!;
    score += t.head[state]!;
    state &= 0x3ff;
    for (let j = 2; j < whole; j++) {
      const byte = packed[at + j]!;
      const high = (state << 4) | (byte >> 4);
      const low = ((high & 0x3ff) << 4) | (byte & 15);
      score += t.step4[high]! + t.step4[low]!;
      state = low & 0x3ff;
    }
    if (rest) score += tail[(state << rest) | (packed[at + whole]! >> (8 - rest))]!;
  }
  return score;
}

/** Bit k (from the high end of eight) set where columns k and k+1 of both nine-bit rows are one colour. */
function blockBits(a9: number, b9: number): number {
  const same = ~(a9 ^ b9) & 0x1ff; // each column: both rows alike
  const flat = ~(a9 ^ (a9 >> 1)) & 0xff; // each pair of columns in row a alike
  return same & (same >> 1) & flat & 0xff;
}

/** What one more module adds after ten known ones (`state`, oldest in the high bit). */
function stepScore(state: number, bit: number): number {
  let run = 0;
  while (run < 10 && ((state >> run) & 1) === bit) run++;
  const window = ((state << 1) | bit) & 0x7ff;
  return (run + 1 === 5 ? 3 : run + 1 > 5 ? 1 : 0) + (window === 0x5d0 || window === 0x05d ? 40 : 0);
}

/** N1 and N3 of a line read plainly: what the tables start each line with. */
function lineScore(bits: number[]): number {
  let score = 0;
  let run = 0;
  for (let i = 0; i < bits.length; i++) {
    run = i > 0 && bits[i] === bits[i - 1] ? run + 1 : 1;
    score += run === 5 ? 3 : run > 5 ? 1 : 0;
    if (i >= 10) {
      let window = 0;
      for (let k = i - 10; k <= i; k++) window = (window << 1) | bits[k]!;
      if (window === 0x5d0 || window === 0x05d) score += 40;
    }
  }
  return score;
}

function buildTables() {
  /** step[k][(state << k) | next k modules]: what k more modules add after ten known ones. */
  const one = new Uint16Array(1 << 11);
  for (let index = 0; index < one.length; index++) one[index] = stepScore(index >> 1, index & 1);
  const step = (k: number) => {
    const table = new Uint16Array(1 << (10 + k));
    for (let index = 0; index < table.length; index++) {
      let state = index >> k;
      let score = 0;
      for (let i = k - 1; i >= 0; i--) {
        const next = (state << 1) | ((index >> i) & 1);
        score += one[next]!;
        state = next & 0x3ff;
      }
      table[index] = score;
    }
    return table;
  };
  // A line's first eleven modules read plainly, then five more through the step table.
  const first = new Uint16Array(1 << 11);
  for (let v = 0; v < first.length; v++)
    first[v] = lineScore(Array.from({ length: 11 }, (_, i) => (v >> (10 - i)) & 1));
  const five = step(5);
  const head = new Uint16Array(1 << 16);
  for (let v = 0; v < head.length; v++) head[v] = first[v >> 5]! + five[v & 0x7fff]!;
  const bits = new Uint8Array(256);
  for (let v = 1; v < 256; v++) bits[v] = (v & 1) + bits[v >> 1]!;
  // A symbol's side is 4v + 17 modules, so a line ends with one or five modules past whole bytes.
  const tails: Uint16Array[] = [];
  tails[1] = step(1);
  tails[5] = five;
  return { head, step4: step(4), tails, bits };
}
