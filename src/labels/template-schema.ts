import { z } from 'zod';
import { modulePitch } from './label-geometry';

/** A stamp is QR version 6 (41 modules a side) for public origins of up to 24 characters. */
const STAMP_QR_SIZE = 41;

const mm = z.number().min(0).max(1000);
const line = z.object({ xMm: mm, yMm: mm, widthMm: mm.positive(), sizePt: z.number().min(2).max(40) });

/**
 * A label template (labels/templates/*.json): the stock's page, its grid, the printer's
 * resolution, the QR and where each field goes. Positions are millimetres from the label's
 * top-left corner. The QR size includes its 4-module quiet zone; its modules are a whole number
 * of printer dots (label-geometry.ts), never smaller than `minModuleMm`.
 */
export const labelTemplateSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]{3,40}$/),
  name: z.string().min(1),
  stock: z.string().min(1),
  /** 203 for thermal rolls (8 dots a mm); 300 for sheets, whose dots are whole at 600 and 1200 too. */
  printerDpi: z.number().int().min(150).max(1200),
  page: z.object({ widthMm: mm.positive(), heightMm: mm.positive() }),
  grid: z.object({
    columns: z.number().int().min(1).max(20), rows: z.number().int().min(1).max(40),
    marginLeftMm: mm, marginTopMm: mm, gapXMm: mm, gapYMm: mm,
  }),
  label: z.object({ widthMm: mm.positive(), heightMm: mm.positive() }),
  qr: z.object({ sizeMm: z.number().min(10).max(100), xMm: mm, yMm: mm, minModuleMm: z.number().min(0.2).max(2) }),
  fields: z.object({
    ocop: line,
    product: z.object({ xMm: mm, yMm: mm, widthMm: mm.positive(), maxLines: z.number().int().min(1).max(3),
      maxSizePt: z.number().min(2).max(40), minSizePt: z.number().min(2).max(40) }),
    lot: line, dates: line, producer: line, serial: line, scanHint: line,
  }),
}).superRefine((t, ctx) => {
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
    ctx.addIssue({ code: 'custom', message: `a version 6 stamp prints ${pitch.dots}-dot modules of ${pitch.mm.toFixed(3)} mm, below minModuleMm`, path: ['qr', 'minModuleMm'] });
  }
  for (const [name, f] of Object.entries(t.fields)) {
    if (f.xMm + f.widthMm > label.widthMm + 0.01) ctx.addIssue({ code: 'custom', message: `${name} runs past the label edge`, path: ['fields', name] });
  }
});

export type LabelTemplate = z.infer<typeof labelTemplateSchema>;
