import { createPrivateKey, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { signStampWith, stampUrl } from '../../src/domain/stamp-codec';
import { generateSigningJwk } from '../../src/keys/generate-key';
import { labelCorner, modulePitch, symbolOrigin } from '../../src/labels/label-geometry';
import { renderLabelsPdf } from '../../src/labels/render-labels';
import { LABEL_TEMPLATES, labelsPerSheet } from '../../src/labels/templates';
import { decodeWithJsQr, decodeWithZbar, printedLabels, topFinderRuns } from '../support/print-raster';

const fontBytes = new Uint8Array(readFileSync('labels/fonts/DejaVuSansCondensed.ttf'));
const content = {
  productName: 'Tinh dầu hồi Văn Quan',
  stars: 4,
  lot: 'HVQ2610',
  productionDate: '2026-10-02',
  bestBefore: '2028-10-01',
  producer: 'HTX Văn Quan Xanh',
  province: 'Lạng Sơn',
};
const jwk = await generateSigningJwk('K1');
const privateKey = createPrivateKey({ key: jwk as never, format: 'jwk' });
const stampsFor = (count: number, origin = 'https://ocop.example.vn') =>
  Array.from({ length: count }, (_, i) => ({
    serial: 1_000_000 + i,
    url: stampUrl(
      origin,
      signStampWith((input) => new Uint8Array(sign(null, input, privateKey)), 'K1', 1_000_000 + i),
    ),
  }));

/**
 * Sheets as a printer prints them: Ghostscript's 1-bit device at the stock's own resolution (203
 * dpi for the thermal rolls, 300 for A4), which blackens every dot a shape touches, then each
 * label read by zbar and by jsQR (the intake page's fallback decoder).
 */
describe('labels on every printer', () => {
  it.each([...LABEL_TEMPLATES.keys()])(
    'every label of a %s sheet, printed 1-bit, reads with zbarimg and jsQR',
    async (templateId) => {
      const template = LABEL_TEMPLATES.get(templateId)!;
      const stamps = stampsFor(Math.max(labelsPerSheet(template), 10));
      const pdf = await renderLabelsPdf({
        template,
        content,
        stamps,
        fontBytes,
        createdAt: new Date(0),
        title: templateId,
      });
      const labels = printedLabels(pdf, template, stamps.length);
      const urls = stamps.map((s) => s.url);
      expect(labels.map(({ label }) => decodeWithJsQr(label))).toEqual(urls);
      expect(decodeWithZbar(labels.map(({ label }) => label))).toEqual(urls);
      // Whole dots and a corner on the dot grid: every finder's edge prints exactly 7 modules long.
      const dots = modulePitch(template, 41).dots;
      for (const { label, qrBox } of labels) {
        const runs = topFinderRuns(label, qrBox);
        expect([runs[0], runs[runs.length - 1]]).toEqual([7 * dots, 7 * dots]);
      }
    },
    120_000,
  );

  it('snaps modules to 3 or 4 dots at 203 dpi on the rolls and to whole dots at 300 dpi on A4', () => {
    for (const t of LABEL_TEMPLATES.values()) {
      const pitch = modulePitch(t, 41);
      if (t.id.startsWith('roll-')) {
        expect(t.printerDpi).toBe(203);
        expect([3, 4]).toContain(pitch.dots);
      } else {
        expect(t.printerDpi).toBe(300);
        expect(pitch.dots).toBeGreaterThanOrEqual(4);
      }
      expect(pitch.mm).toBeCloseTo((pitch.dots * 25.4) / t.printerDpi, 9);
      expect(pitch.mm).toBeGreaterThanOrEqual(t.qr.minModuleMm);
      // The symbol and its quiet zone stay inside the template's QR box.
      expect(49 * pitch.mm).toBeLessThanOrEqual(t.qr.sizeMm);
      const { leftMm, topMm } = labelCorner(t, labelsPerSheet(t) - 1);
      const origin = symbolOrigin(t, 41, leftMm, topMm);
      expect(Number.isInteger(origin.x) && Number.isInteger(origin.y)).toBe(true);
    }
  });

  it('the 40×30 roll prints 3-dot modules from a box cut to the symbol: 49 modules of 0.375 mm in 19 mm', () => {
    const roll = LABEL_TEMPLATES.get('roll-40x30')!;
    const pitch = modulePitch(roll, 41);
    expect(pitch.dots).toBe(3);
    expect(pitch.mm).toBeCloseTo(0.375, 2);
    expect(roll.qr.sizeMm - 49 * pitch.mm).toBeLessThan(pitch.mm * 2); // under a module to spare on each side
  });
});
