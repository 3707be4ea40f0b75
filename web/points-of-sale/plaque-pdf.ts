import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFPage } from 'pdf-lib';
import { PROVINCES } from '../../src/data/provinces';
import { fitParts, fitText } from '../../src/labels/fit-text';
import { stampSymbol } from '../../src/labels/qr-symbol';
import type { PublicPointOfSale } from '../../src/services/points-of-sale/public-register';
import { vietnamDate } from '../format';
import { WORDS } from '../words';

const MM = 72 / 25.4;
const A5 = [148 * MM, 210 * MM] as const;
const MARGIN = 12 * MM;
const WIDTH = A5[0] - 2 * MARGIN;
/** 70 mm: read from a metre or two away on a shop wall, far above the 15 mm a stamp needs. */
const QR_SIDE = 70 * MM;
const GREEN = rgb(0.08, 0.33, 0.18);
const BLACK = rgb(0.1, 0.1, 0.1);
const GREY = rgb(0.35, 0.35, 0.35);

/** `url` is what the QR holds; `code` is printed beneath it, for a reader whose camera fails. */
export type PlaqueContent = { point: PublicPointOfSale; url: string; code: string; createdAt: Date };

/**
 * The plaque a designated point of sale hangs up: what it is, whose it is, and a QR of its signed
 * code, which opens the shop's standing as the register holds it now. The plaque never prints a
 * status: it would outlive a suspension, the code does not. Text is in the label TTF (labels/fonts),
 * embedded and subset; the QR comes from the labels' encoder, drawn as one rectangle per run of
 * dark modules, with its four-module quiet zone left white.
 */
export async function renderPlaquePdf(content: PlaqueContent, fontBytes: Uint8Array): Promise<Uint8Array> {
  const { point } = content;
  const w = WORDS.vi.pointsOfSale;
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  doc.setTitle(`${w.designation}: ${point.name}`);
  doc.setLanguage('vi-VN');
  doc.setProducer('OCOP stamps');
  doc.setCreationDate(content.createdAt);
  doc.setModificationDate(content.createdAt);
  const font = await doc.embedFont(fontBytes, { subset: true });
  const page = doc.addPage([A5[0], A5[1]]);
  page.drawRectangle({
    x: MARGIN / 2,
    y: MARGIN / 2,
    width: A5[0] - MARGIN,
    height: A5[1] - MARGIN,
    borderColor: GREEN,
    borderWidth: 2,
  });

  let y = A5[1] - MARGIN;
  const centred = (text: string | string[], maxPt: number, minPt: number, lines: number, color = BLACK) => {
    // An array is text that breaks only between its parts (a code with no spaces), joined by nothing.
    const fitted =
      typeof text === 'string'
        ? fitText(font, text, WIDTH, maxPt, minPt, lines)
        : fitParts(font, text, '', WIDTH, maxPt, minPt, lines);
    for (const line of fitted.lines) {
      y -= fitted.size * 1.25;
      const x = (A5[0] - font.widthOfTextAtSize(line, fitted.size)) / 2;
      page.drawText(line, { x, y, size: fitted.size, font, color });
    }
    y -= fitted.size * 0.4;
  };

  centred(w.designation.toUpperCase(), 18, 12, 2, GREEN);
  y -= 2 * MM;
  centred(point.name, 16, 10, 2);
  centred(
    `${point.address}, ${point.communeName}, ${PROVINCES[point.provinceCode]?.vi ?? point.provinceCode}`,
    10,
    7,
    3,
  );
  centred(`${w.plaque.organisation}: ${point.organisationName}`, 10, 7, 2, GREY);
  if (point.registrationNumber) centred(`${w.fields.registrationNumber}: ${point.registrationNumber}`, 9, 7, 1, GREY);

  const qrTop = y - 4 * MM;
  drawQr(page, content.url, (A5[0] - QR_SIDE) / 2, qrTop);
  y = qrTop - QR_SIDE - 3 * MM;
  centred(w.plaque.scan, 10, 7, 2);
  centred(`${w.fields.openedOn}: ${vietnamDate(point.openedOn)}`, 9, 7, 1, GREY);
  centred(`${w.plaque.code}:`, 8, 6, 1, GREY);
  centred(content.code.match(/.{1,8}/g) ?? [], 8, 5, 4, GREY);
  return doc.save({ useObjectStreams: false });
}

/** The symbol of `text`, `QR_SIDE` wide, its top-left corner at (x, top); each row's runs as rectangles. */
function drawQr(page: PDFPage, text: string, x: number, top: number): void {
  const symbol = stampSymbol(text);
  const module = QR_SIDE / (symbol.size + 8);
  const origin = { x: x + 4 * module, y: top - 4 * module };
  const dark = (row: number, col: number) =>
    (symbol.rows[row * symbol.width + (col >> 3)]! & (0x80 >> (col & 7))) !== 0;
  for (let row = 0; row < symbol.size; row++) {
    for (let col = 0; col < symbol.size; ) {
      if (!dark(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < symbol.size && dark(row, col)) col++;
      page.drawRectangle({
        x: origin.x + start * module,
        y: origin.y - (row + 1) * module,
        width: (col - start) * module,
        height: module,
        color: rgb(0, 0, 0),
      });
    }
  }
}
