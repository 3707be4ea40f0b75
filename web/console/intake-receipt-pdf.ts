import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { PROVINCES } from '../../src/data/provinces';
import { statusTone, VERDICT_STATUSES } from '../../src/domain/verdict';
import type { CheckedReceipt } from '../../src/services/intake/receipt-signature';
import { vietnamTime } from '../format';
import { STATUS_TEXT } from '../i18n';
import { RECEIPT_TEXT } from '../intake-receipt-text';
import { qrModules } from '../qr-matrix';

const MM = 72 / 25.4;
const A4 = [210 * MM, 297 * MM] as const;
const MARGIN = 15 * MM;
const QR_SIDE = 38 * MM;
const TONE = { ok: rgb(0.05, 0.32, 0.14), warning: rgb(0.48, 0.25, 0), danger: rgb(0.55, 0.11, 0.09) } as const;
const BLACK = rgb(0.1, 0.1, 0.1);
const GREY = rgb(0.35, 0.35, 0.35);

/** Breaks text into lines no wider than `width` at `size`, at spaces, or inside a word too long for a line. */
function wrap(font: PDFFont, text: string, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const tried = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(tried, size) <= width) line = tried;
    else {
      if (line) lines.push(line);
      line = word;
      while (font.widthOfTextAtSize(line, size) > width && line.length > 1) {
        let cut = line.length - 1;
        while (cut > 1 && font.widthOfTextAtSize(line.slice(0, cut), size) > width) cut--;
        lines.push(line.slice(0, cut));
        line = line.slice(cut);
      }
    }
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

/**
 * A receipt as a PDF a person reads and files: shop, times, counts, every code with its verdict in
 * words, and a QR to the public check. Text is set in the label font (labels/fonts), embedded and
 * subset, so Vietnamese prints on any reader; the QR is drawn as filled modules, scannable when printed.
 */
export async function renderReceiptPdf(r: CheckedReceipt, fontBytes: Uint8Array): Promise<Uint8Array> {
  const t = RECEIPT_TEXT.vi;
  const status = STATUS_TEXT.vi;
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  doc.setTitle(`${t.title} ${r.id}`);
  doc.setLanguage('vi-VN');
  doc.setProducer('OCOP stamps');
  doc.setCreationDate(r.issuedAt);
  doc.setModificationDate(r.issuedAt);
  const font = await doc.embedFont(fontBytes, { subset: true });
  const pages: PDFPage[] = [];
  let page!: PDFPage;
  let y = 0;
  const newPage = () => {
    page = doc.addPage([A4[0], A4[1]]);
    pages.push(page);
    y = A4[1] - MARGIN;
  };
  const text = (
    s: string,
    x: number,
    size: number,
    options: { width?: number; color?: ReturnType<typeof rgb> } = {},
  ) => {
    for (const line of wrap(font, s, size, options.width ?? A4[0] - MARGIN - x)) {
      if (y - size < MARGIN + 14) newPage();
      y -= size * 1.3;
      page.drawText(line, { x, y, size, font, color: options.color ?? BLACK });
    }
  };

  newPage();
  const top = y;
  const qr = qrModules(r.verifyUrl);
  const module = QR_SIDE / qr.size;
  const qrX = A4[0] - MARGIN - QR_SIDE;
  for (let row = 0; row < qr.size; row++) {
    for (let col = 0; col < qr.size; col++) {
      if (qr.dark(row, col))
        page.drawRectangle({
          x: qrX + col * module,
          y: top - (row + 1) * module,
          width: module,
          height: module,
          color: rgb(0, 0, 0),
        });
    }
  }
  const facing = qrX - MARGIN - 6 * MM;
  text(t.title, MARGIN, 18, { width: facing });
  y -= 4;
  for (const [label, value] of [
    [t.number, r.id],
    [t.pointOfSale, r.pointOfSale],
    [t.account, r.retailerName],
    [t.province, PROVINCES[r.provinceCode]?.vi ?? r.provinceCode],
    [t.started, vietnamTime(r.startedAt)],
    [t.recorded, vietnamTime(r.issuedAt)],
    [t.total, String(r.items.length)],
  ] as const) {
    text(`${label}: ${value}`, MARGIN, 10, { width: facing });
  }
  const belowQr = top - QR_SIDE - 4 * module; // the quiet zone scanners need
  const afterFacts = y;
  y = belowQr;
  text(t.qrCaption, qrX, 7, { color: GREY, width: QR_SIDE });
  y = Math.min(y, afterFacts) - 8;
  text(t.signature[r.signature], MARGIN, 10, { color: r.signature === 'valid' ? TONE.ok : TONE.danger });
  text(`${t.checkAt}: ${r.verifyUrl}`, MARGIN, 8, { color: GREY });

  y -= 8;
  text(t.counts, MARGIN, 13);
  for (const s of VERDICT_STATUSES.filter((s) => r.summary[s]))
    text(`${status[s].title}: ${r.summary[s]}`, MARGIN + 4 * MM, 10, { color: TONE[statusTone(s)] });

  y -= 8;
  text(t.codes, MARGIN, 13);
  // One row a code: the verdict in words (and what the phone showed offline), serial and time; the
  // code itself on a line of its own beneath, whole, so it can be read back or compared.
  const cols = { n: MARGIN, verdict: MARGIN + 10 * MM, serial: MARGIN + 112 * MM, time: MARGIN + 140 * MM };
  const header = () => {
    y -= 4;
    const at = y - 9 * 1.3;
    for (const [x, label] of [
      [cols.n, t.position],
      [cols.verdict, `${t.verdict} · ${t.code}`],
      [cols.serial, t.serial],
      [cols.time, t.scannedAt],
    ] as const) {
      page.drawText(label, { x, y: at, size: 8, font, color: GREY });
    }
    y = at - 3;
  };
  header();
  r.items.forEach((item, i) => {
    const notes = [
      status[item.status].title,
      item.suspicious ? `⚠ ${t.suspicious}` : null,
      item.offlineStatus && item.offlineStatus !== item.status
        ? t.offlineShown(status[item.offlineStatus].title)
        : null,
    ].filter((n): n is string => n !== null);
    const verdictLines = notes.flatMap((n) => wrap(font, n, 9, cols.serial - cols.verdict - 3 * MM));
    const codeLines = wrap(font, item.code, 6.5, A4[0] - MARGIN - cols.verdict);
    const height = verdictLines.length * 9 * 1.3 + codeLines.length * 6.5 * 1.3 + 5;
    if (y - height < MARGIN + 14) {
      newPage();
      header();
    }
    const first = y - 9 * 1.3;
    page.drawText(String(i + 1), { x: cols.n, y: first, size: 9, font, color: BLACK });
    verdictLines.forEach((line, k) => {
      page.drawText(line, {
        x: cols.verdict,
        y: first - k * 9 * 1.3,
        size: 9,
        font,
        color: k === 0 ? TONE[statusTone(item.status)] : BLACK,
      });
    });
    page.drawText(item.serial === null ? '—' : String(item.serial), {
      x: cols.serial,
      y: first,
      size: 9,
      font,
      color: BLACK,
    });
    page.drawText(vietnamTime(item.scannedAt), { x: cols.time, y: first, size: 9, font, color: BLACK });
    const codeTop = first - (verdictLines.length - 1) * 9 * 1.3 - 6.5 * 1.4;
    codeLines.forEach((line, k) => {
      page.drawText(line, { x: cols.verdict, y: codeTop - k * 6.5 * 1.3, size: 6.5, font, color: GREY });
    });
    y -= height;
    page.drawLine({
      start: { x: MARGIN, y: y + 1 },
      end: { x: A4[0] - MARGIN, y: y + 1 },
      thickness: 0.3,
      color: rgb(0.8, 0.8, 0.8),
    });
  });

  pages.forEach((p, i) => {
    const footer = `${t.number} ${r.id} · ${t.page(i + 1, pages.length)}`;
    p.drawText(footer, { x: MARGIN, y: MARGIN - 4, size: 7, font, color: GREY });
  });
  return doc.save({ useObjectStreams: true });
}
