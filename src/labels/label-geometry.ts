import type { LabelTemplate } from './template-schema';

export const PT_PER_MM = 72 / 25.4;
/** Page sizes and label positions in points, to the hundredth: what the PDF says. */
export const pt = (mm: number) => Math.round(mm * PT_PER_MM * 100) / 100;
export const QUIET_ZONE_MODULES = 4;

/**
 * The module pitch for a symbol `size` modules wide: the largest whole number of the stock's
 * printer dots at which the symbol and its quiet zone fit in `qr.sizeMm`. A pitch of 3.43 dots
 * prints, on a 1-bit printer that blackens every dot a shape touches, as modules of 4 and 5 dots
 * that squeeze the light ones: phones then fail to read the label. Whole dots print every module
 * alike.
 */
export function modulePitch(t: LabelTemplate, size: number): { dots: number; mm: number; pt: number } {
  const dotMm = 25.4 / t.printerDpi;
  const dots = Math.floor(t.qr.sizeMm / (size + 2 * QUIET_ZONE_MODULES) / dotMm + 1e-9);
  return { dots, mm: dots * dotMm, pt: (dots * 72) / t.printerDpi };
}

/**
 * The symbol's top-left corner (its first module, inside the quiet zone) for the label whose
 * top-left corner is at (`leftMm`, `topMm`) on the page: centred in the template's QR box and
 * moved to the nearest printer dot, counted from the page's bottom-left corner, the origin PDF
 * coordinates and rasterisers (Ghostscript, poppler) share. Every module edge then falls between
 * two dots. Returned in printer dots, x rightwards and y upwards.
 */
export function symbolOrigin(t: LabelTemplate, size: number, leftMm: number, topMm: number): { x: number; y: number } {
  const inset = symbolInsetMm(t, size);
  const dotsPerPt = t.printerDpi / 72;
  return {
    x: Math.round(pt(leftMm + t.qr.xMm + inset) * dotsPerPt),
    y: Math.round((pt(t.page.heightMm) - pt(topMm + t.qr.yMm + inset)) * dotsPerPt),
  };
}

/** From the QR box's top-left corner to the symbol's, in millimetres, down and across alike. */
export function symbolInsetMm(t: LabelTemplate, size: number): number {
  const pitch = modulePitch(t, size);
  return (t.qr.sizeMm - (size + 2 * QUIET_ZONE_MODULES) * pitch.mm) / 2 + QUIET_ZONE_MODULES * pitch.mm;
}

/** The top-left corner of the n-th label of a sheet, in millimetres from the page's top-left corner. */
export function labelCorner(t: LabelTemplate, n: number): { leftMm: number; topMm: number } {
  const cell = n % (t.grid.columns * t.grid.rows);
  return {
    leftMm: t.grid.marginLeftMm + (cell % t.grid.columns) * (t.label.widthMm + t.grid.gapXMm),
    topMm: t.grid.marginTopMm + Math.floor(cell / t.grid.columns) * (t.label.heightMm + t.grid.gapYMm),
  };
}

/** No text on any label is set smaller than this: below 6 pt, diacritics fill in on a 203 dpi head. */
export const MIN_TEXT_PT = 6;
/** Text keeps this far from every label edge: die-cut and roll feed wander by up to a millimetre. */
export const SAFE_MARGIN_MM = 1;
/**
 * Line pitch and the baseline's depth below a line's top, in ems; how far the label font (DejaVu
 * Sans Condensed) inks above and below the baseline: capitals with stacked Vietnamese marks (Ẳ)
 * reach 1.07 em, descenders 0.21 em.
 */
export const TEXT_METRICS = { pitch: 1.15, baseline: 0.85, ascent: 1.07, descent: 0.24 } as const;

export type TextBox = {
  field: string;
  sizePt: number;
  lines: number;
  /** The lines' slots: top of the first to the pitch below the last. */
  leftMm: number;
  rightMm: number;
  topMm: number;
  bottomMm: number;
  /** How far ink can reach, stacked Vietnamese marks above and descenders below included. */
  inkTopMm: number;
  inkBottomMm: number;
};

/** Every text field's box at its largest size and line count: what the template promises to hold. */
export function textBoxes(t: Pick<LabelTemplate, 'fields'>): TextBox[] {
  const em = (sizePt: number, ems: number) => (sizePt * ems) / PT_PER_MM;
  return Object.entries(t.fields).flatMap(([field, f]) => {
    if (!f) return [];
    const sizePt = 'maxSizePt' in f ? f.maxSizePt : f.sizePt;
    const lines = 'maxLines' in f && f.maxLines ? f.maxLines : 1;
    const lastBaseline = f.yMm + em(sizePt, (lines - 1) * TEXT_METRICS.pitch + TEXT_METRICS.baseline);
    return [
      {
        field,
        sizePt,
        lines,
        leftMm: f.xMm,
        rightMm: f.xMm + f.widthMm,
        topMm: f.yMm,
        bottomMm: f.yMm + em(sizePt, lines * TEXT_METRICS.pitch),
        inkTopMm: f.yMm + em(sizePt, TEXT_METRICS.baseline - TEXT_METRICS.ascent),
        inkBottomMm: lastBaseline + em(sizePt, TEXT_METRICS.descent),
      },
    ];
  });
}

/** The smallest text size a template can set: single lines shrink to fit, down to this floor. */
export function smallestTextPt(t: Pick<LabelTemplate, 'fields'>): number {
  return Math.min(
    ...Object.values(t.fields).flatMap((f) =>
      !f ? [] : 'minSizePt' in f ? [f.minSizePt] : [Math.min(f.sizePt, shrinkFloorPt(f.sizePt))],
    ),
  );
}

/** How far a single-line field may shrink to fit its text. */
export const shrinkFloorPt = (sizePt: number) => Math.max(MIN_TEXT_PT, sizePt * 0.7);
