import { PDFName, type PDFDocument, type PDFRef } from 'pdf-lib';

/**
 * A Type3 font whose glyph n draws the 8 QR modules of byte n (high bit leftmost) as filled
 * rectangles, one unit tall. A QR row is then a short hex string shown with this font: vector
 * shapes at a fraction of the bytes of one rectangle per module run.
 */
export function embedModuleFont(doc: PDFDocument): PDFRef {
  const { context } = doc;
  const charProcs: Record<string, PDFRef> = {};
  const names: PDFName[] = [];
  for (let byte = 0; byte < 256; byte++) {
    // d0, not d1: renderers may cache d1 glyphs as bitmaps snapped to the pixel grid, which
    // misaligns modules; d0 glyphs are drawn as the paths they are.
    let ops = '8 0 d0';
    for (let bit = 0; bit < 8;) {
      if (!(byte & (0x80 >> bit))) { bit++; continue; }
      const start = bit;
      while (bit < 8 && byte & (0x80 >> bit)) bit++;
      // A hair of overlap with the next glyph and row, so renderers leave no light seams.
      ops += ` ${start} -0.03 ${bit - start + 0.06} 1.06 re`;
    }
    if (byte !== 0) ops += ' f';
    charProcs[`m${byte}`] = context.register(context.stream(ops));
    names.push(PDFName.of(`m${byte}`));
  }
  // Text extraction reads every module glyph as a space, so copying text from a label gives
  // its words, not noise.
  const toUnicode = context.register(context.flateStream(
    '/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /OCOP-QR def /CMapType 2 def\n'
    + '1 begincodespacerange <00> <FF> endcodespacerange\n1 beginbfrange <00> <FF> <0020> endbfrange\n'
    + 'endcmap CMapName currentdict /CMap defineresource pop end end'));
  return context.register(context.obj({
    Type: 'Font', Subtype: 'Type3', ToUnicode: toUnicode, FontBBox: [0, -0.03, 8.06, 1.03], FontMatrix: [1, 0, 0, 1, 0, 0],
    CharProcs: charProcs, Encoding: { Type: 'Encoding', Differences: [0, ...names] },
    FirstChar: 0, LastChar: 255, Widths: new Array(256).fill(8), Resources: {},
  }));
}
