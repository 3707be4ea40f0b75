import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, PDFName, type PDFFont, type PDFRef } from 'pdf-lib';
import { formatVietnameseDate } from '../domain/calendar';
import { fitText } from './fit-text';
import { embedModuleFont } from './module-font';
import { hexRow, qrRows } from './qr-rows';
import type { LabelTemplate } from './template-schema';

const PT_PER_MM = 72 / 25.4;
const pt = (mm: number) => Math.round(mm * PT_PER_MM * 100) / 100;
const n = (value: number) => String(Math.round(value * 100) / 100);

/** What every label of one print job shows; only the QR and the serial differ per label. */
export type LabelContent = {
  productName: string; stars: number; lot: string; productionDate: string; bestBefore: string | null;
  producer: string; province: string;
};
export type LabelStamp = { serial: number; url: string };

/**
 * Renders labels to a PDF. The fixed part of a label is one Form XObject drawn on every label;
 * each QR is its rows shown in the module font; the text font is the TTF in labels/, embedded
 * once and subset. Output is deterministic for the same input (fixed dates, fixed subset name),
 * so a job downloaded twice is byte-identical.
 */
export async function renderLabelsPdf(opts: {
  template: LabelTemplate; content: LabelContent; stamps: LabelStamp[]; fontBytes: Uint8Array; createdAt: Date; title: string;
}): Promise<Uint8Array> {
  const { template: t, content, stamps } = opts;
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  doc.setTitle(opts.title);
  doc.setProducer('OCOP stamps');
  doc.setCreationDate(opts.createdAt);
  doc.setModificationDate(opts.createdAt);
  const font = await doc.embedFont(opts.fontBytes, { subset: true, customName: 'OCOPLB+DejaVuSansCondensed' });
  const moduleFont = embedModuleFont(doc);
  const labelW = pt(t.label.widthMm);
  const labelH = pt(t.label.heightMm);
  const fixed = doc.context.register(doc.context.flateStream(fixedLabelOps(t, content, font, labelH), {
    Type: 'XObject', Subtype: 'Form', BBox: [0, 0, labelW, labelH], Resources: { Font: { F1: font.ref } },
  }));

  const serialText = glyphCache(font);
  const perSheet = t.grid.columns * t.grid.rows;
  for (let first = 0; first < stamps.length; first += perSheet) {
    const page = doc.addPage([pt(t.page.widthMm), pt(t.page.heightMm)]);
    let ops = '';
    stamps.slice(first, first + perSheet).forEach((stamp, i) => {
      const column = i % t.grid.columns;
      const row = Math.floor(i / t.grid.columns);
      const x = pt(t.grid.marginLeftMm + column * (t.label.widthMm + t.grid.gapXMm));
      const top = pt(t.page.heightMm) - pt(t.grid.marginTopMm + row * (t.label.heightMm + t.grid.gapYMm));
      ops += `q 1 0 0 1 ${n(x)} ${n(top - labelH)} cm /L Do ${qrOps(t, stamp.url, labelH)} ${serialOps(serialText(`Số: ${stamp.serial}`), t.fields.serial, labelH)} Q\n`;
    });
    setPageContent(doc, page.node, ops, font.ref, moduleFont, fixed);
  }
  return doc.save({ useObjectStreams: true });
}

function setPageContent(doc: PDFDocument, node: ReturnType<PDFDocument['addPage']>['node'], ops: string, fontRef: PDFRef, moduleFont: PDFRef, fixed: PDFRef) {
  node.set(PDFName.of('Contents'), doc.context.register(doc.context.flateStream(ops)));
  node.setFontDictionary(PDFName.of('F1'), fontRef);
  node.setFontDictionary(PDFName.of('Q'), moduleFont);
  node.setXObject(PDFName.of('L'), fixed);
}

/** The QR with its 4-module quiet zone inside qr.sizeMm; rows go down one module per line. */
function qrOps(t: LabelTemplate, url: string, labelH: number): string {
  const { size, rows } = qrRows(url);
  const module = Math.round((pt(t.qr.sizeMm) / (size + 8)) * 10_000) / 10_000;
  const x = pt(t.qr.xMm) + 4 * module;
  const firstBaseline = labelH - pt(t.qr.yMm) - 5 * module;
  let ops = `BT /Q ${module} Tf ${module} TL 1 0 0 1 ${n(x)} ${n(firstBaseline)} Tm ${hexRow(rows[0]!)}Tj`;
  for (let y = 1; y < size; y++) ops += ` ${hexRow(rows[y]!)}'`;
  return `${ops} ET`;
}

type Line = { xMm: number; yMm: number; widthMm: number; sizePt: number };

/**
 * Per-label text is a serial: shaping it through fontkit for every label costs more than the
 * rest of the label, so each character's glyph hex is looked up once (no ligatures or kerning
 * apply to digits, the colon and "Số").
 */
function glyphCache(font: PDFFont): (text: string) => string {
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

function serialOps(hex: string, field: Line, labelH: number): string {
  return `BT /F1 ${field.sizePt} Tf 1 0 0 1 ${pt(field.xMm)} ${n(labelH - pt(field.yMm) - field.sizePt * 0.85)} Tm ${hex}Tj ET`;
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
function fixedLabelOps(t: LabelTemplate, c: LabelContent, font: PDFFont, labelH: number): string {
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
