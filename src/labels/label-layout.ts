import { formatVietnameseDate } from '../domain/calendar';
import { fitParts, fitText, type TextMeasure } from './fit-text';
import { PT_PER_MM, shrinkFloorPt, TEXT_METRICS } from './label-geometry';
import type { LabelTemplate } from './template-schema';

/** What every label of one print job shows; only the QR and the serial differ per label. */
export type LabelContent = {
  productName: string;
  stars: number;
  lot: string;
  productionDate: string;
  bestBefore: string | null;
  producer: string;
  province: string;
};

/** One line of text, its top-left corner in millimetres inside the label. */
export type TextRun = { field: string; text: string; xMm: number; topMm: number; sizePt: number; widthPt: number };
export type StarMark = { cxMm: number; cyMm: number; rMm: number };

type Wrapping = { xMm: number; yMm: number; widthMm: number; sizePt: number; maxLines: number };

/**
 * Where each line of a label's fixed text goes and at what size, measured with the label font:
 * the PDF (label-text.ts) and the page's preview (preview-svg.ts) both draw from this, so the
 * preview breaks lines and shrinks text exactly as the print does.
 */
export function layoutLabel(
  t: LabelTemplate,
  c: LabelContent,
  font: TextMeasure,
): { runs: TextRun[]; stars: StarMark[] } {
  const f = t.fields;
  const runs: TextRun[] = [];
  const place = (field: string, box: { xMm: number; yMm: number }, lines: string[], size: number) =>
    lines.forEach((text, i) => {
      runs.push({
        field,
        text,
        xMm: box.xMm,
        topMm: box.yMm + (i * size * TEXT_METRICS.pitch) / PT_PER_MM,
        sizePt: size,
        widthPt: font.widthOfTextAtSize(text, size),
      });
    });
  const fitted = (field: string, box: Wrapping | undefined, parts: string[], joiner: string) => {
    if (!box) return;
    const { size, lines } = fitParts(
      font,
      parts,
      joiner,
      box.widthMm * PT_PER_MM,
      box.sizePt,
      shrinkFloorPt(box.sizePt),
      box.maxLines,
    );
    place(field, box, lines, size);
  };

  place('ocop', f.ocop, ['OCOP'], f.ocop.sizePt);
  const size = f.ocop.sizePt;
  const after = runs[0]!.widthPt;
  const stars = Array.from({ length: c.stars }, (_, i) => ({
    cxMm: f.ocop.xMm + (after + size * (0.75 + i * 1.05)) / PT_PER_MM,
    cyMm: f.ocop.yMm + (size * 0.45) / PT_PER_MM,
    rMm: (size * 0.48) / PT_PER_MM,
  }));

  const product = fitText(
    font,
    c.productName,
    f.product.widthMm * PT_PER_MM,
    f.product.maxSizePt,
    f.product.minSizePt,
    f.product.maxLines,
  );
  place('product', f.product, product.lines, product.size);
  fitted('lot', f.lot, words(`Lô: ${c.lot}`), ' ');
  const dates = [
    `NSX: ${formatVietnameseDate(c.productionDate)}`,
    ...(c.bestBefore ? [`HSD: ${formatVietnameseDate(c.bestBefore)}`] : []),
  ];
  fitted('dates', f.dates, dates, ' · ');
  fitted('producer', f.producer, words(`${c.producer} – ${c.province}`), ' ');
  fitted('scanHint', f.scanHint, words('Quét mã để xác thực'), ' ');
  return { runs, stars };
}

const words = (text: string) => text.split(/\s+/).filter(Boolean);

/** The serial's line: printed as is, never shrunk (a template keeps room for twelve digits). */
export const serialText = (serial: number) => `Số: ${serial}`;
