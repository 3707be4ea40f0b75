import QRCode from 'qrcode';
import { formatVietnameseDate } from '../domain/calendar';
import { html } from '../../web/view';
import { modulePitch, symbolInsetMm } from './label-geometry';
import type { LabelContent } from './render-labels';
import type { LabelTemplate } from './template-schema';

const PT_MM = 25.4 / 72;

/**
 * The first sheet as an SVG image, for the print page's preview: the same grid, field boxes and
 * module pitch as the PDF, with a sample QR (no stamp is reserved by looking).
 */
export function previewSheetSvg(t: LabelTemplate, c: LabelContent, sampleUrl: string): string {
  const { modules } = QRCode.create(sampleUrl, { errorCorrectionLevel: 'M' });
  const module = modulePitch(t, modules.size).mm;
  const inset = symbolInsetMm(t, modules.size);
  let qr = '';
  for (let y = 0; y < modules.size; y++) {
    for (let x = 0; x < modules.size; x++) {
      if (modules.get(y, x)) qr += `M${x * module + t.qr.xMm + inset} ${y * module + t.qr.yMm + inset}h${module}v${module}h-${module}z`;
    }
  }
  const f = t.fields;
  const text = (field: { xMm: number; yMm: number; sizePt?: number }, value: string, size = field.sizePt ?? 6) =>
    html`<text x="${field.xMm}" y="${field.yMm + size * PT_MM * 0.85}" font-size="${size * PT_MM}">${value}</text>`;
  const dates = `NSX: ${formatVietnameseDate(c.productionDate)}${c.bestBefore ? ` · HSD: ${formatVietnameseDate(c.bestBefore)}` : ''}`;
  // The registry's free text (product, lot, producer) is escaped by the view layer, as on every page.
  const label = html`<rect width="${t.label.widthMm}" height="${t.label.heightMm}" fill="#fff" stroke="#bbb" stroke-width="0.2"/>
<path d="${qr}" fill="#000"/>${text(f.ocop, `OCOP ${'★'.repeat(c.stars)}`)}
<text x="${f.product.xMm}" y="${f.product.yMm + f.product.maxSizePt * PT_MM * 0.85}" font-size="${f.product.maxSizePt * PT_MM}" textLength="${f.product.widthMm}" lengthAdjust="spacingAndGlyphs">${c.productName}</text>
${text(f.lot, `Lô: ${c.lot}`)}${text(f.dates, dates)}${text(f.producer, `${c.producer} – ${c.province}`)}${text(f.serial, 'Số: …')}${text(f.scanHint, 'Quét mã để xác thực')}`;
  const cells = [];
  for (let row = 0; row < t.grid.rows; row++) {
    for (let column = 0; column < t.grid.columns; column++) {
      const x = t.grid.marginLeftMm + column * (t.label.widthMm + t.grid.gapXMm);
      const y = t.grid.marginTopMm + row * (t.label.heightMm + t.grid.gapYMm);
      cells.push(html`<use href="#label" x="${x}" y="${y}"/>`);
    }
  }
  return html`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${t.page.widthMm} ${t.page.heightMm}" role="img" aria-label="Xem trước tờ nhãn ${t.name}">
<defs><g id="label" font-family="DejaVu Sans Condensed, Arial Narrow, sans-serif">${label}</g></defs>
<rect width="100%" height="100%" fill="#f4f4f4"/>${cells}</svg>`.toString();
}
