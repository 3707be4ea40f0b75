import { PDFName, type PDFDocument, type PDFRef } from 'pdf-lib';
import type { QrSymbol } from './qr-encoder';

/** Modules one glyph stacks: a QR is drawn as bands this many rows tall, one glyph a column. */
export const BAND_ROWS = 7;

/**
 * A Type 3 font whose glyph 0x80 | bits draws one column of a band: module k from the top is
 * dark when bit 0x40 >> k is set, as unit squares hanging below the baseline. A QR is then one
 * string per band (six for a stamp's 41 rows), each byte a column, shown with `'` so each band
 * starts seven modules below the last. Codes from 0x80 up need no escaping in a literal string,
 * and few strings mean few operators between the modules' bytes: that is what keeps a label
 * small once the page is deflated.
 *
 * Squares meet edge to edge, without the hair of overlap that hides seams on screens: a 1-bit
 * rasteriser (Ghostscript, CUPS) blackens every pixel a shape touches, so any overlap grows
 * every dark module by a printer dot. `d0`, not `d1`: renderers may cache `d1` glyphs as bitmaps
 * snapped to their own grid; `d0` glyphs are drawn as the paths they are.
 */
export function embedModuleFont(doc: PDFDocument): PDFRef {
  const { context } = doc;
  const charProcs: Record<string, PDFRef> = {};
  const names: PDFName[] = [];
  for (let bits = 0; bits < 1 << BAND_ROWS; bits++) {
    let ops = '1 0 d0';
    for (let row = 0; row < BAND_ROWS; ) {
      if (!(bits & (0x40 >> row))) {
        row++;
        continue;
      }
      const start = row;
      while (row < BAND_ROWS && bits & (0x40 >> row)) row++;
      ops += ` 0 ${-row} 1 ${row - start} re`;
    }
    if (bits !== 0) ops += ' f';
    charProcs[`c${bits}`] = context.register(context.stream(ops));
    names.push(PDFName.of(`c${bits}`));
  }
  // Text extraction reads every module glyph as a space, so copying text from a label gives
  // its words, not noise.
  const toUnicode = context.register(
    context.flateStream(
      '/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /OCOP-QR def /CMapType 2 def\n' +
        '1 begincodespacerange <00> <FF> endcodespacerange\n' +
        `1 beginbfrange <80> <FF> [${'<0020>'.repeat(128)}] endbfrange\n` +
        'endcmap CMapName currentdict /CMap defineresource pop end end',
    ),
  );
  return context.register(
    context.obj({
      Type: 'Font',
      Subtype: 'Type3',
      ToUnicode: toUnicode,
      FontBBox: [0, -BAND_ROWS, 1, 0],
      FontMatrix: [1, 0, 0, 1, 0, 0],
      CharProcs: charProcs,
      Encoding: { Type: 'Encoding', Differences: [0x80, ...names] },
      FirstChar: 0x80,
      LastChar: 0xff,
      Widths: new Array(128).fill(1),
      Resources: {},
    }),
  );
}

/**
 * Appends the text operators that show a symbol in the module font, one band a string, to
 * `out` (the text position and leading are the caller's). Returns the new length.
 */
export function writeSymbolBands(symbol: QrSymbol, out: Uint8Array, at: number): number {
  const { size, width, cols } = symbol;
  for (let top = 0; top < size; top += BAND_ROWS) {
    const byte = top >> 3;
    const shift = 9 - (top & 7);
    out[at++] = 0x28; // (
    for (let c = 0, base = 0; c < size; c++, base += width) {
      const window = (cols[base + byte]! << 8) | (byte + 1 < width ? cols[base + byte + 1]! : 0);
      out[at++] = 0x80 | ((window >> shift) & 0x7f);
    }
    out[at++] = 0x29; // )
    if (top === 0) {
      out[at++] = 0x54; // T
      out[at++] = 0x6a; // j
    } else {
      out[at++] = 0x27; // '
    }
  }
  return at;
}
