import type { PDFFont } from 'pdf-lib';
import { formatVietnameseDate } from '../domain/calendar';
import { fitText } from './fit-text';
import { PT_PER_MM, pt } from './label-geometry';
import type { LabelTemplate } from './template-schema';

/** What every label of one print job shows; only the QR and the serial differ per label. */
export type LabelContent = {
  productName: string; stars: number; lot: string; productionDate: string; bestBefore: string | null;
  producer: string; province: string;
};

type Line = { xMm: number; yMm: number; widthMm: number; sizePt: number };
const n = (value: number) => String(Math.round(value * 100) / 100);

/**
 * Per-label text is a serial: shaping it through fontkit for every label costs more than the
 * rest of the label, so each character's glyph hex is looked up once (no ligatures or kerning
 * apply to digits, the colon and "Số").
 */
export function glyphCache(font: PDFFont): (text: string) => string {
  const glyphs = new Map<string, string>();
  return (text) => {
    let hex = '<';
    for (const char of text) {
      let glyph = glyphs.get(char);
      if (glyph === undefined) {
        glyph = font.encodeText(char).toString().slice(1, -1);
        glyphs.set(char, glyph);
      }
      hex += glyph;
    }
    return `${hex}>`;
  };
}

/** The serial line's text operators up to its string, in the label's own coordinates. */
export function serialPrefix(t: LabelTemplate): string {
  const field = t.fields.serial;
  return `BT /F1 ${field.sizePt} Tf ${pt(field.xMm)} ${n(pt(t.label.heightMm) - pt(field.yMm) - field.sizePt * 0.85)} Td `;
}

function textOps(font: PDFFont, text: string, field: Line, labelH: number, size = field.sizePt): string {
  const baseline = labelH - pt(field.yMm) - size * 0.85;
  return `BT /F1 ${size} Tf 1 0 0 1 ${pt(field.xMm)} ${n(baseline)} Tm ${font.encodeText(text).toString()}Tj ET`;
}

function fittedLine(font: PDFFont, text: string, field: Line, labelH: number): string {
  const { size, lines } = fitText(font, text, pt(field.widthMm), field.sizePt, Math.max(2.5, field.sizePt * 0.7));
  return textOps(font, lines[0] ?? '', field, labelH, size);
}

/** Everything on a label but the QR and the serial: drawn once per job, placed on every label. */
export function fixedLabelOps(t: LabelTemplate, c: LabelContent, font: PDFFont): string {
  const labelH = pt(t.label.heightMm);
  const f = t.fields;
  const ocopSize = f.ocop.sizePt;
  const ocopWidth = font.widthOfTextAtSize('OCOP', ocopSize);
  let ops = textOps(font, 'OCOP', f.ocop, labelH);
  const starY = labelH - pt(f.ocop.yMm) - ocopSize * 0.45;
  for (let i = 0; i < c.stars; i++) ops += ` ${starPath(pt(f.ocop.xMm) + ocopWidth + ocopSize * (0.75 + i * 1.05), starY, ocopSize * 0.48)}`;
  ops += ' f';

  const product = fitText(font, c.productName, pt(f.product.widthMm), f.product.maxSizePt, f.product.minSizePt, f.product.maxLines);
  product.lines.forEach((line, i) => {
    ops += ` ${textOps(font, line, { ...f.product, yMm: f.product.yMm + (i * product.size * 1.15) / PT_PER_MM, sizePt: product.size }, labelH)}`;
  });
  const dates = `NSX: ${formatVietnameseDate(c.productionDate)}${c.bestBefore ? ` · HSD: ${formatVietnameseDate(c.bestBefore)}` : ''}`;
  ops += ` ${fittedLine(font, `Lô: ${c.lot}`, f.lot, labelH)} ${fittedLine(font, dates, f.dates, labelH)}`;
  ops += ` ${fittedLine(font, `${c.producer} – ${c.province}`, f.producer, labelH)} ${fittedLine(font, 'Quét mã để xác thực', f.scanHint, labelH)}`;
  return ops;
}

/** A five-pointed star centred at (cx, cy) with outer radius r. */
function starPath(cx: number, cy: number, r: number): string {
  const points = Array.from({ length: 10 }, (_, i) => {
    const radius = i % 2 === 0 ? r : r * 0.42;
    const angle = Math.PI / 2 + (i * Math.PI) / 5;
    return `${n(cx + radius * Math.cos(angle))} ${n(cy + radius * Math.sin(angle))}`;
  });
  return `${points[0]} m ${points.slice(1).map((p) => `${p} l`).join(' ')} h`;
}
