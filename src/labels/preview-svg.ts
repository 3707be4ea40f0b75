import fontkit from '@pdf-lib/fontkit';
import { html, type Html } from '../../web/view';
import type { TextMeasure } from './fit-text';
import { modulePitch, symbolInsetMm, TEXT_METRICS } from './label-geometry';
import { layoutLabel, type LabelContent } from './label-layout';
import { stampSymbol } from './qr-symbol';
import type { LabelTemplate } from './template-schema';

const PT_MM = 25.4 / 72;
const measures = new WeakMap<ArrayBufferLike, TextMeasure>();

/**
 * The label font's advance widths, as pdf-lib measures them (the sum of the glyphs' advances),
 * parsed once per font buffer.
 */
export function fontMeasure(fontBytes: Uint8Array): TextMeasure {
  let measure = measures.get(fontBytes.buffer);
  if (!measure) {
    const face = fontkit.create(fontBytes);
    measure = {
      widthOfTextAtSize: (text, size) =>
        (face.layout(text).glyphs.reduce((sum, g) => sum + g.advanceWidth, 0) * size) / face.unitsPerEm,
    };
    measures.set(fontBytes.buffer, measure);
  }
  return measure;
}

/**
 * The first sheet as inline SVG for the print page: the same grid, module pitch, line breaks
 * and text sizes as the PDF (label-layout.ts), each line stretched to the width the PDF gives
 * it, and a sample QR of a stamp's length (no stamp is reserved by looking). Scaled to the
 * page's width, never past the sheet's real size; small stock up to 2.5 times, to be read.
 */
export function previewSheetSvg(t: LabelTemplate, c: LabelContent, font: TextMeasure, sampleUrl: string): Html {
  const symbol = stampSymbol(sampleUrl);
  const module = modulePitch(t, symbol.size).mm;
  const inset = symbolInsetMm(t, symbol.size);
  let qr = '';
  for (let y = 0; y < symbol.size; y++) {
    for (let x = 0; x < symbol.size; x++) {
      if (symbol.rows[y * symbol.width + (x >> 3)]! & (0x80 >> (x & 7)))
        qr += `M${mm(t.qr.xMm + inset + x * module)} ${mm(t.qr.yMm + inset + y * module)}h${mm(module)}v${mm(module)}h-${mm(module)}z`;
    }
  }
  const { runs, stars } = layoutLabel(t, c, font);
  const serial = t.fields.serial;
  // The registry's free text (product, lot, producer) is escaped by the view layer, as on every page.
  const lines = runs.map(
    (r) =>
      html`<text x="${mm(r.xMm)}" y="${mm(r.topMm + r.sizePt * TEXT_METRICS.baseline * PT_MM)}" font-size="${mm(r.sizePt * PT_MM)}" textLength="${mm(r.widthPt * PT_MM)}" lengthAdjust="spacingAndGlyphs">${r.text}</text>`,
  );
  const starPaths = stars.map((s) => starPath(s.cxMm, s.cyMm, s.rMm)).join('');
  const label = html`<rect width="${t.label.widthMm}" height="${t.label.heightMm}" fill="#fff" stroke="#999" stroke-width="0.15"/>
<path d="${qr}"/><path d="${starPaths}"/>${lines}
<text x="${serial.xMm}" y="${mm(serial.yMm + serial.sizePt * TEXT_METRICS.baseline * PT_MM)}" font-size="${mm(serial.sizePt * PT_MM)}">Số: …</text>`;
  const cells: Html[] = [];
  for (let row = 0; row < t.grid.rows; row++) {
    for (let column = 0; column < t.grid.columns; column++) {
      const x = t.grid.marginLeftMm + column * (t.label.widthMm + t.grid.gapXMm);
      const y = t.grid.marginTopMm + row * (t.label.heightMm + t.grid.gapYMm);
      cells.push(html`<use href="#label" x="${mm(x)}" y="${mm(y)}"/>`);
    }
  }
  const maxWidthMm = t.page.widthMm >= 100 ? t.page.widthMm : t.page.widthMm * 2.5;
  return html`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${t.page.widthMm} ${t.page.heightMm}" width="100%" role="img"
aria-label="Xem trước tờ nhãn đầu tiên" data-preview="${t.id}" style="display:block;height:auto;max-width:${maxWidthMm}mm;border:1px solid #bbb">
<defs><g id="label" font-family="DejaVu Sans Condensed, Arial Narrow, sans-serif">${label}</g></defs>
<rect width="100%" height="100%" fill="#eee"/>${cells}</svg>`;
}

const mm = (value: number) => Math.round(value * 1000) / 1000;

/** A five-pointed star centred at (cx, cy) with outer radius r, in the label's millimetres (y down). */
function starPath(cx: number, cy: number, r: number): string {
  const points = Array.from({ length: 10 }, (_, i) => {
    const radius = i % 2 === 0 ? r : r * 0.42;
    const angle = -Math.PI / 2 + (i * Math.PI) / 5;
    return `${Math.round((cx + radius * Math.cos(angle)) * 1000) / 1000} ${Math.round((cy + radius * Math.sin(angle)) * 1000) / 1000}`;
  });
  return `M${points.join('L')}z`;
}
