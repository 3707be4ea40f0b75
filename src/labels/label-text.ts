import type { PDFFont } from 'pdf-lib';
import { PT_PER_MM, pt, TEXT_METRICS } from './label-geometry';
import { layoutLabel, type LabelContent } from './label-layout';
import type { LabelTemplate } from './template-schema';

export type { LabelContent } from './label-layout';

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
  return `BT /F1 ${field.sizePt} Tf ${pt(field.xMm)} ${n(pt(t.label.heightMm) - pt(field.yMm) - field.sizePt * TEXT_METRICS.baseline)} Td `;
}

/** Everything on a label but the QR and the serial: drawn once per job, placed on every label. */
export function fixedLabelOps(t: LabelTemplate, c: LabelContent, font: PDFFont): string {
  const labelH = pt(t.label.heightMm);
  const { runs, stars } = layoutLabel(t, c, font);
  const ops = runs
    .map((r) => {
      const baseline = labelH - pt(r.topMm) - r.sizePt * TEXT_METRICS.baseline;
      return `BT /F1 ${r.sizePt} Tf 1 0 0 1 ${pt(r.xMm)} ${n(baseline)} Tm ${font.encodeText(r.text).toString()}Tj ET`;
    })
    .join(' ');
  const paths = stars.map((s) => starPath(s.cxMm * PT_PER_MM, labelH - s.cyMm * PT_PER_MM, s.rMm * PT_PER_MM));
  return paths.length ? `${ops} ${paths.join(' ')} f` : ops;
}

/** A five-pointed star centred at (cx, cy) with outer radius r. */
function starPath(cx: number, cy: number, r: number): string {
  const points = Array.from({ length: 10 }, (_, i) => {
    const radius = i % 2 === 0 ? r : r * 0.42;
    const angle = Math.PI / 2 + (i * Math.PI) / 5;
    return `${n(cx + radius * Math.cos(angle))} ${n(cy + radius * Math.sin(angle))}`;
  });
  return `${points[0]} m ${points
    .slice(1)
    .map((p) => `${p} l`)
    .join(' ')} h`;
}
