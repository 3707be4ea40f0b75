import fontkit from '@pdf-lib/fontkit';
import { readFileSync } from 'node:fs';
import { decodePDFRawStream, PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { PT_PER_MM, SAFE_MARGIN_MM, smallestTextPt, TEXT_METRICS, textBoxes } from '../../src/labels/label-geometry';
import { layoutLabel, serialText, type LabelContent } from '../../src/labels/label-layout';
import { renderLabelsPdf } from '../../src/labels/render-labels';
import { labelTemplateSchema } from '../../src/labels/template-schema';
import { LABEL_TEMPLATES } from '../../src/labels/templates';

const fontBytes = new Uint8Array(readFileSync('labels/fonts/DejaVuSansCondensed.ttf'));
const font = await (async () => {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  return doc.embedFont(fontBytes, { subset: true });
})();
/** Everything as long as a registry allows it, so every field shrinks and wraps as far as it can. */
const longest: LabelContent = {
  productName: 'Rượu men lá Hữu Lễ thượng hạng ngâm mơ rừng Mẫu Sơn đóng chai thủy tinh 500 ml quà biếu Tết',
  stars: 5,
  lot: 'LÔ-2026-ẤP-ĐỒNG-THƯỢNG-0001',
  productionDate: '2026-10-02',
  bestBefore: '2028-10-01',
  producer: 'Hợp tác xã Nông nghiệp và Dịch vụ Tổng hợp Ấp Đồng Thượng',
  province: 'Bà Rịa – Vũng Tàu',
};
const templateJson = (id: string) => JSON.parse(readFileSync(`labels/templates/${id}.json`, 'utf8'));

/** Every size a `Tf` operator sets with the text font (/Q is the QR's module font), in every content stream. */
async function textSizes(pdf: Uint8Array): Promise<number[]> {
  const doc = await PDFDocument.load(pdf);
  const sizes: number[] = [];
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFRawStream)) continue;
    const subtype = object.dict.get(PDFName.of('Subtype'));
    if (subtype && subtype !== PDFName.of('Form')) continue; // the embedded font file
    const text = Buffer.from(decodePDFRawStream(object).decode()).toString('latin1');
    for (const m of text.matchAll(/\/F1 ([\d.]+) Tf/g)) sizes.push(Number(m[1]));
  }
  return sizes;
}

describe('text on every label is legible and inside its margins', () => {
  it.each([...LABEL_TEMPLATES.keys()])('%s sets no text under 6 pt, in its template and in its PDF', async (id) => {
    const t = LABEL_TEMPLATES.get(id)!;
    expect(smallestTextPt(t)).toBeGreaterThanOrEqual(6);
    const pdf = await renderLabelsPdf({
      template: t,
      content: longest,
      stamps: [{ serial: 999_999_999_999, url: 'HTTPS://OCOP.EXAMPLE.VN/S/X' }],
      fontBytes,
      createdAt: new Date(0),
      title: id,
    });
    const sizes = await textSizes(pdf);
    expect(sizes.length).toBeGreaterThanOrEqual(6);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(6);
  });

  it.each([...LABEL_TEMPLATES.keys()])(
    '%s keeps every line of text 1 mm inside the label and out of the QR box',
    (id) => {
      const t = LABEL_TEMPLATES.get(id)!;
      const { runs, stars } = layoutLabel(t, longest, font);
      const serial = serialText(999_999_999_999);
      const all = [
        ...runs,
        {
          field: 'serial',
          text: serial,
          xMm: t.fields.serial.xMm,
          topMm: t.fields.serial.yMm,
          sizePt: t.fields.serial.sizePt,
          widthPt: font.widthOfTextAtSize(serial, t.fields.serial.sizePt),
        },
      ];
      const { xMm: qx, yMm: qy, sizeMm: qs } = t.qr;
      for (const r of all) {
        const left = r.xMm;
        const right = r.xMm + r.widthPt / PT_PER_MM;
        const top = r.topMm + (r.sizePt * (TEXT_METRICS.baseline - TEXT_METRICS.ascent)) / PT_PER_MM;
        const bottom = r.topMm + (r.sizePt * (TEXT_METRICS.baseline + TEXT_METRICS.descent)) / PT_PER_MM;
        const where = `${id} ${r.field} "${r.text}"`;
        expect(r.sizePt, where).toBeGreaterThanOrEqual(6);
        expect(left, where).toBeGreaterThanOrEqual(SAFE_MARGIN_MM);
        expect(top, where).toBeGreaterThanOrEqual(SAFE_MARGIN_MM - 1e-9);
        expect(right, where).toBeLessThanOrEqual(t.label.widthMm - SAFE_MARGIN_MM);
        expect(bottom, where).toBeLessThanOrEqual(t.label.heightMm - SAFE_MARGIN_MM + 1e-9);
        const clearOfQr = right <= qx || left >= qx + qs || bottom <= qy || top >= qy + qs;
        expect(clearOfQr, where).toBe(true);
      }
      const ocop = t.fields.ocop;
      for (const s of stars) expect(s.cxMm + s.rMm).toBeLessThanOrEqual(ocop.xMm + ocop.widthMm);
      expect(
        runs
          .filter((r) => r.field === 'product')
          .map((r) => r.text)
          .join(' '),
      ).toMatch(/^Rượu men lá/);
    },
  );

  it('lays out the 5×13 sheet as seven lines of at least 6 pt, the long names wrapped or cut', () => {
    const t = LABEL_TEMPLATES.get('a4-5x13-38x21')!;
    expect(textBoxes(t).map((b) => b.field)).toEqual(['ocop', 'product', 'lot', 'dates', 'serial']);
    const { runs } = layoutLabel(t, { ...longest, productName: 'Tinh dầu hồi Văn Quan', lot: 'HVQ2610' }, font);
    expect(runs.map((r) => r.text)).toEqual([
      'OCOP',
      'Tinh dầu hồi Văn',
      'Quan',
      'Lô: HVQ2610',
      'NSX: 02/10/2026',
      'HSD: 01/10/2028',
    ]);
  });

  it('measures the font it relies on: Vietnamese capitals and descenders stay inside the metrics', () => {
    const face = fontkit.create(fontBytes);
    const glyphs = face.layout('ẤẦẨẪẬẮẰẲẴẶẾỀỂỄỆỐỒỔỖỘỚỜỞỠỢỨỪỬỮỰỲỴỶỸĐấầẩẫậắằẳẵặếềểễệốồổỗộớờởỡợứừửữựỳỵỷỹgjpqy').glyphs;
    expect(Math.max(...glyphs.map((g) => g.bbox.maxY)) / face.unitsPerEm).toBeLessThanOrEqual(TEXT_METRICS.ascent);
    expect(-Math.min(...glyphs.map((g) => g.bbox.minY)) / face.unitsPerEm).toBeLessThanOrEqual(TEXT_METRICS.descent);
  });

  it('refuses templates with text under 6 pt, 0.5 mm from the edge, or over the QR', () => {
    const roll = templateJson('roll-40x30');
    expect(labelTemplateSchema.safeParse(roll).success).toBe(true);
    const issues = (raw: unknown) =>
      labelTemplateSchema.safeParse(raw).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];
    expect(issues({ ...roll, fields: { ...roll.fields, lot: { ...roll.fields.lot, sizePt: 3.8 } } })).toEqual([
      'fields.lot.sizePt: no text under 6 pt',
    ]);
    // The old 40×30 layout: a text column from 21.5 mm, 18 mm wide, on a 40 mm label.
    expect(
      issues({ ...roll, fields: { ...roll.fields, lot: { ...roll.fields.lot, xMm: 21.5, widthMm: 18 } } }),
    ).toEqual(['fields.lot: lot comes closer than 1 mm to the label edge']);
    expect(issues({ ...roll, fields: { ...roll.fields, ocop: { ...roll.fields.ocop, yMm: 0.5 } } })).toEqual([
      'fields.ocop: ocop comes closer than 1 mm to the label edge',
    ]);
    expect(issues({ ...roll, fields: { ...roll.fields, lot: { ...roll.fields.lot, xMm: 15 } } })).toContain(
      'fields.lot: lot overlaps the QR box',
    );
    expect(
      issues({ ...roll, fields: { ...roll.fields, serial: { ...roll.fields.serial, yMm: roll.fields.lot.yMm } } }),
    ).toEqual(['fields.lot: lot overlaps serial']);
    const small = templateJson('a4-5x13-38x21');
    expect(
      issues({ ...small, fields: { ...small.fields, product: { ...small.fields.product, minSizePt: 4.8 } } }),
    ).toEqual(['fields.product.minSizePt: no text under 6 pt']);
  });
});
