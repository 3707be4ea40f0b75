/**
 * One label benchmark in its own process, so its peak RSS is its own. Prints one JSON line, with
 * the whole job's time split into signing, QR encoding and PDF writing.
 *   tsx test/bench/labels.ts ours 10000     the service's renderer, signing included
 *   tsx test/bench/labels.ts qrcode 10000   the same renderer with the qrcode library's own create() as its QR encoder
 *   tsx test/bench/labels.ts naive 1000     qrcode + one pdf-lib drawRectangle per module run + drawText per field
 */
import { readFileSync } from 'node:fs';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb } from 'pdf-lib';
import QRCode from 'qrcode';
import { signStampWith, stampUrl } from '../../src/domain/stamp-codec';
import { generateSigningJwk } from '../../src/keys/generate-key';
import { createPrivateKey, sign } from 'node:crypto';
import { renderLabelsPdf, type LabelContent } from '../../src/labels/render-labels';
import { librarySymbol, stampSymbol, type QrEncode } from '../../src/labels/qr-symbol';
import { LABEL_TEMPLATES } from '../../src/labels/templates';

const [mode = 'ours', countArg = '10000'] = process.argv.slice(2);
const count = Number(countArg);
const template = LABEL_TEMPLATES.get('a4-3x8-70x37')!;
const fontBytes = new Uint8Array(readFileSync('labels/fonts/DejaVuSansCondensed.ttf'));
const content: LabelContent = {
  productName: 'Tinh dầu hồi Văn Quan',
  stars: 4,
  lot: 'HVQ2610',
  productionDate: '2026-10-02',
  bestBefore: '2028-10-01',
  producer: 'HTX Văn Quan Xanh',
  province: 'Lạng Sơn',
};

const jwk = await generateSigningJwk('K1');
// Node's synchronous Ed25519, as the service signs on Node (src/keys/node-keys.ts).
const privateKey = createPrivateKey({ key: jwk as never, format: 'jwk' });
const signer = {
  signStamp: async (serial: number) =>
    signStampWith((input) => new Uint8Array(sign(null, input, privateKey)), 'K1', serial),
};

const started = performance.now();
const stamps = [];
for (let i = 0; i < count; i++)
  stamps.push({
    serial: 1_000_000 + i,
    url: stampUrl('https://ocop.example.vn', await signer.signStamp(1_000_000 + i)),
  });
const signed = performance.now();
// The renderer encodes each QR as it writes its sheet; timing each call splits encoding from writing.
let qrMs = 0;
const timed =
  (encode: QrEncode): QrEncode =>
  (text) => {
    const start = performance.now();
    const symbol = encode(text);
    qrMs += performance.now() - start;
    return symbol;
  };
const pdf =
  mode === 'naive'
    ? await naive(stamps)
    : await renderLabelsPdf({
        template,
        content,
        stamps,
        fontBytes,
        createdAt: new Date(0),
        title: 'bench',
        encode: timed(mode === 'qrcode' ? librarySymbol : stampSymbol),
      });
const finished = performance.now();
const s = (ms: number) => +(ms / 1000).toFixed(2);
console.log(
  JSON.stringify({
    mode,
    labels: count,
    seconds: s(finished - started),
    sign_seconds: s(signed - started),
    ...(mode === 'naive' ? {} : { qr_seconds: s(qrMs), pdf_seconds: s(finished - signed - qrMs) }),
    bytes_per_label: Math.round(pdf.length / count),
    peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);

/** The way DESIGN.md measured first: pdf-lib's drawing API, one call per module run and field. */
async function naive(list: { serial: number; url: string }[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(fontBytes, { subset: true });
  const mm = 72 / 25.4;
  const perSheet = template.grid.columns * template.grid.rows;
  let page = doc.addPage([template.page.widthMm * mm, template.page.heightMm * mm]);
  list.forEach((stamp, i) => {
    if (i > 0 && i % perSheet === 0) page = doc.addPage([template.page.widthMm * mm, template.page.heightMm * mm]);
    const cell = i % perSheet;
    const x0 = (template.grid.marginLeftMm + (cell % template.grid.columns) * template.label.widthMm) * mm;
    const top =
      page.getHeight() -
      (template.grid.marginTopMm + Math.floor(cell / template.grid.columns) * template.label.heightMm) * mm;
    const { modules } = QRCode.create(stamp.url, { errorCorrectionLevel: 'M' });
    const m = (template.qr.sizeMm * mm) / (modules.size + 8);
    for (let y = 0; y < modules.size; y++) {
      for (let x = 0; x < modules.size; x++) {
        if (!modules.get(y, x)) continue;
        let end = x;
        while (end + 1 < modules.size && modules.get(y, end + 1)) end++;
        page.drawRectangle({
          x: x0 + (x + 4) * m,
          y: top - (y + 5) * m,
          width: (end - x + 1) * m,
          height: m,
          color: rgb(0, 0, 0),
        });
        x = end;
      }
    }
    const tx = x0 + template.fields.ocop.xMm * mm;
    [
      `OCOP ★★★★`,
      content.productName,
      `Lô: ${content.lot}`,
      'NSX: 02/10/2026 · HSD: 01/10/2028',
      `${content.producer} – ${content.province}`,
      `Số: ${stamp.serial}`,
      'Quét mã để xác thực',
    ].forEach((text, line) => {
      page.drawText(text.replace('★★★★', '****'), { x: tx, y: top - (5 + line * 3) * mm, size: 6, font });
    });
  });
  return doc.save();
}
