import { z } from 'zod';
import { MIN_TEXT_PT, modulePitch, SAFE_MARGIN_MM, textBoxes } from './label-geometry';

/** A stamp is QR version 6 (41 modules a side) for public origins of up to 24 characters. */
const STAMP_QR_SIZE = 41;

const mm = z.number().min(0).max(1000);
const textPt = z.number().min(MIN_TEXT_PT, `no text under ${MIN_TEXT_PT} pt`).max(40);
/** One line that never wraps (the OCOP mark, the serial). */
const line = z.object({ xMm: mm, yMm: mm, widthMm: mm.positive(), sizePt: textPt });
/** Text that shrinks towards 6 pt to fit, wrapping into up to `maxLines` lines first. */
const wrapping = line.extend({ maxLines: z.number().int().min(1).max(3).default(1) });

/**
 * A label template (labels/templates/*.json): the stock's page, its grid, the printer's
 * resolution, the QR and where each field goes. Positions are millimetres from the label's
 * top-left corner. The QR size includes its 4-module quiet zone; its modules are a whole number
 * of printer dots (label-geometry.ts), never smaller than `minModuleMm`. Every text box keeps
 * 1 mm from the label's edges and clear of the QR's box and of the other boxes; small stock
 * leaves out the optional lines (dates, producer, scan hint) rather than set text under 6 pt.
 */
export const labelTemplateSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]{3,40}$/),
    name: z.string().min(1),
    stock: z.string().min(1),
    /** 203 for thermal rolls (8 dots a mm); 300 for sheets, whose dots are whole at 600 and 1200 too. */
    printerDpi: z.number().int().min(150).max(1200),
    page: z.object({ widthMm: mm.positive(), heightMm: mm.positive() }),
    grid: z.object({
      columns: z.number().int().min(1).max(20),
      rows: z.number().int().min(1).max(40),
      marginLeftMm: mm,
      marginTopMm: mm,
      gapXMm: mm,
      gapYMm: mm,
    }),
    label: z.object({ widthMm: mm.positive(), heightMm: mm.positive() }),
    qr: z.object({ sizeMm: z.number().min(10).max(100), xMm: mm, yMm: mm, minModuleMm: z.number().min(0.2).max(2) }),
    fields: z.object({
      ocop: line,
      product: z.object({
        xMm: mm,
        yMm: mm,
        widthMm: mm.positive(),
        maxLines: z.number().int().min(1).max(3),
        maxSizePt: textPt,
        minSizePt: textPt,
      }),
      lot: wrapping,
      dates: wrapping.optional(),
      producer: wrapping.optional(),
      serial: line,
      scanHint: wrapping.optional(),
    }),
  })
  .superRefine((t, ctx) => {
    const { grid, label, page, qr } = t;
    if (grid.marginLeftMm + grid.columns * label.widthMm + (grid.columns - 1) * grid.gapXMm > page.widthMm + 0.01) {
      ctx.addIssue({ code: 'custom', message: 'the grid is wider than the page', path: ['grid'] });
    }
    if (grid.marginTopMm + grid.rows * label.heightMm + (grid.rows - 1) * grid.gapYMm > page.heightMm + 0.01) {
      ctx.addIssue({ code: 'custom', message: 'the grid is taller than the page', path: ['grid'] });
    }
    if (qr.xMm + qr.sizeMm > label.widthMm || qr.yMm + qr.sizeMm > label.heightMm) {
      ctx.addIssue({ code: 'custom', message: 'the QR does not fit the label', path: ['qr'] });
    }
    const pitch = modulePitch(t, STAMP_QR_SIZE);
    if (pitch.mm < qr.minModuleMm) {
      ctx.addIssue({
        code: 'custom',
        message: `a version 6 stamp prints ${pitch.dots}-dot modules of ${pitch.mm.toFixed(3)} mm, below minModuleMm`,
        path: ['qr', 'minModuleMm'],
      });
    }
    if (t.fields.product.minSizePt > t.fields.product.maxSizePt) {
      ctx.addIssue({ code: 'custom', message: 'minSizePt is above maxSizePt', path: ['fields', 'product'] });
    }
    const boxes = textBoxes(t);
    const qrBox = { leftMm: qr.xMm, rightMm: qr.xMm + qr.sizeMm, topMm: qr.yMm, bottomMm: qr.yMm + qr.sizeMm };
    const m = SAFE_MARGIN_MM - 1e-9;
    for (const [i, b] of boxes.entries()) {
      const path = ['fields', b.field];
      if (b.leftMm < m || b.rightMm > label.widthMm - m || b.inkTopMm < m || b.inkBottomMm > label.heightMm - m) {
        ctx.addIssue({
          code: 'custom',
          message: `${b.field} comes closer than ${SAFE_MARGIN_MM} mm to the label edge`,
          path,
        });
      }
      // Ink, not slots, against the QR: a mark inside its quiet zone can stop a phone reading it.
      if (overlap({ ...b, topMm: b.inkTopMm, bottomMm: b.inkBottomMm }, qrBox))
        ctx.addIssue({ code: 'custom', message: `${b.field} overlaps the QR box`, path });
      for (const other of boxes.slice(i + 1)) {
        if (overlap(b, other)) ctx.addIssue({ code: 'custom', message: `${b.field} overlaps ${other.field}`, path });
      }
    }
  });

type Rect = { leftMm: number; rightMm: number; topMm: number; bottomMm: number };
const overlap = (a: Rect, b: Rect) =>
  a.leftMm < b.rightMm - 1e-6 &&
  b.leftMm < a.rightMm - 1e-6 &&
  a.topMm < b.bottomMm - 1e-6 &&
  b.topMm < a.bottomMm - 1e-6;

export type LabelTemplate = z.infer<typeof labelTemplateSchema>;
