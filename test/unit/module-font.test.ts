import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BAND_ROWS, writeSymbolBands } from '../../src/labels/module-font';
import { encodeAlphanumericQr } from '../../src/labels/qr-encoder';

const ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';

/** Reads the text operators back: each string a band, each byte a column of seven modules. */
function readBands(ops: Uint8Array, size: number): boolean[][] {
  const text = Buffer.from(ops).toString('latin1');
  const bands = [...text.matchAll(/\(([^)]*)\)(Tj|')/g)];
  expect(bands.map((b) => b[2])).toEqual(['Tj', ...Array(bands.length - 1).fill("'")]);
  const modules = Array.from({ length: size }, () => Array<boolean>(size).fill(false));
  bands.forEach(([, body], band) => {
    expect(body).toHaveLength(size);
    [...body!].forEach((char, c) => {
      const code = char.charCodeAt(0);
      expect(code).toBeGreaterThanOrEqual(0x80); // never a character a literal string must escape
      for (let k = 0; k < BAND_ROWS; k++) {
        const dark = (code & (0x40 >> k)) !== 0;
        const row = band * BAND_ROWS + k;
        if (row < size) modules[row]![c] = dark;
        else expect(dark).toBe(false);
      }
    });
  });
  return modules;
}

describe('the module font', () => {
  it('shows every module of a symbol, band by band, in strings that need no escaping', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...ALNUM), minLength: 1, maxLength: 300 }), (text) => {
        const qr = encodeAlphanumericQr(text);
        if (!qr) return;
        const out = new Uint8Array(4096);
        const modules = readBands(out.subarray(0, writeSymbolBands(qr, out, 0)), qr.size);
        for (let r = 0; r < qr.size; r++)
          for (let c = 0; c < qr.size; c++) expect(modules[r]![c], `${r},${c}`).toBe(qr.get(r, c));
      }),
      { numRuns: 100 },
    );
  });
});
