import fontkit from '@pdf-lib/fontkit';
import { readFileSync } from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fitText } from '../../src/labels/fit-text';
import { renderLabelsPdf } from '../../src/labels/render-labels';
import { labelTemplateSchema } from '../../src/labels/template-schema';
import { LABEL_TEMPLATES, labelsPerSheet } from '../../src/labels/templates';
import type { Verdict } from '../../src/services/verification/verdict-types';
import { decodeLabels, pdfText } from '../support/decode-labels';
import { bearer, json, openHarness, type Harness } from '../support/harness';

/** Real sheets, rendered by poppler at 300 dpi and read by zbar, as a printer and a phone would. */
describe('label sheets decode and verify', () => {
  let h: Harness;
  let producer: string;
  let batchId: string;

  beforeAll(async () => {
    h = await openHarness('postgres');
    const valid = (await (await h.request(`/api/v1/verify/${h.codes.valid}`)).json()) as Verdict;
    batchId = valid.batchId!;
    producer = await h.token('producer', { subjectId: valid.subjectId! });
  });
  afterAll(async () => {
    await h?.close();
  });

  it.each([...LABEL_TEMPLATES.keys()])(
    'every QR of a %s sheet decodes with zbarimg to a stamp that verifies',
    async (templateId) => {
      const template = LABEL_TEMPLATES.get(templateId)!;
      const quantity = Math.max(labelsPerSheet(template), 2);
      const job = (await (
        await h.request(
          `/api/v1/batches/${batchId}/print`,
          json({ quantity, template: templateId, idempotencyKey: `sheet-${templateId}` }, producer),
        )
      ).json()) as { parts: { url: string }[] };
      const pdf = new Uint8Array(await (await h.request(job.parts[0]!.url, bearer(producer))).arrayBuffer());
      const decoded = decodeLabels(pdf, template, quantity, 300);
      expect(decoded.filter((d) => d === '')).toHaveLength(0);
      expect(new Set(decoded).size).toBe(quantity);
      const verdicts = (await (await h.request('/api/v1/verify', json({ codes: decoded }))).json()) as {
        verdicts: Verdict[];
      };
      expect(verdicts.verdicts.every((v) => v.status === 'valid')).toBe(true);
      const text = pdfText(pdf).replace(/\s+/g, ' ');
      expect(text).toContain('Tinh dầu hồi Văn Quan');
      if (template.fields.scanHint) expect(text).toContain('Quét mã để xác thực');
      else expect(text).not.toContain('Quét mã');
      // One line where the label is wide enough, else "NSX" and "HSD" on two.
      expect(text).toMatch(/NSX: 02\/10\/2026( ·)? HSD: 01\/10\/2028/);
    },
    120_000,
  );

  it('embeds the TTF once, subset', async () => {
    const job = (await (
      await h.request(
        `/api/v1/batches/${batchId}/print`,
        json({ quantity: 24, template: 'a4-3x8-70x37', idempotencyKey: 'sheet-font-check' }, producer),
      )
    ).json()) as { parts: { url: string }[] };
    const bytes = new Uint8Array(await (await h.request(job.parts[0]!.url, bearer(producer))).arrayBuffer());
    const doc = await PDFDocument.load(bytes);
    const dicts = doc.context.enumerateIndirectObjects().map(([, o]) => o.toString());
    expect(dicts.filter((d) => d.includes('/FontFile2'))).toHaveLength(1);
    expect(dicts.some((d) => d.includes('/BaseFont /OCOPLB+DejaVuSansCondensed'))).toBe(true);
    expect(bytes.length).toBeLessThan(120_000); // the full TTF alone is 680 kB
  });

  it('keeps Vietnamese names whole in the text layer and long names inside their box', async () => {
    const font = await (async () => {
      const doc = await PDFDocument.create();
      doc.registerFontkit(fontkit);
      return doc.embedFont(readFileSync('labels/fonts/DejaVuSansCondensed.ttf'), { subset: true });
    })();
    for (const t of LABEL_TEMPLATES.values()) {
      const box = (t.fields.product.widthMm * 72) / 25.4;
      const long = 'Rượu men lá Hữu Lễ thượng hạng ngâm mơ rừng Mẫu Sơn đóng chai thủy tinh 500 ml quà biếu Tết';
      const { size, lines } = fitText(
        font,
        long,
        box,
        t.fields.product.maxSizePt,
        t.fields.product.minSizePt,
        t.fields.product.maxLines,
      );
      expect(lines.length).toBeLessThanOrEqual(t.fields.product.maxLines);
      for (const line of lines) expect(font.widthOfTextAtSize(line, size)).toBeLessThanOrEqual(box + 0.01);
    }
    const product = await h.request(
      '/api/v1/products',
      json(
        {
          subjectId: (await h.db.query.subjects.findFirst())!.id,
          name: 'Rượu men lá Hữu Lễ',
          groupCode: '2',
          subgroupCode: '2.1',
        },
        await h.token('authority', { provinceCode: 'central' }),
      ),
    );
    expect(product.status).toBe(201);
  });

  it('extracts "Rượu men lá Hữu Lễ" whole with pdftotext, on the smallest label', async () => {
    const pdf = await renderLabelsPdf({
      template: LABEL_TEMPLATES.get('a4-5x13-38x21')!,
      stamps: [{ serial: 1_000_001, url: 'HTTPS://OCOP.EXAMPLE.VN/S/TEST' }],
      fontBytes: new Uint8Array(readFileSync('labels/fonts/DejaVuSansCondensed.ttf')),
      createdAt: new Date(0),
      title: 't',
      content: {
        productName: 'Rượu men lá Hữu Lễ',
        stars: 3,
        lot: 'RML2501',
        productionDate: '2025-01-06',
        bestBefore: null,
        producer: 'Tổ hợp tác Rượu men lá Hữu Lễ',
        province: 'Lạng Sơn',
      },
    });
    const text = pdfText(pdf).replace(/\s+/g, ' ');
    expect(text).toContain('Rượu men lá Hữu Lễ');
    expect(text).toContain('Lô: RML2501 NSX: 06/01/2025 Số: 1000001');
    expect(text).not.toContain('Lạng Sơn'); // no room for the producer's line at 6 pt: the stamp's page names them
  });

  it('validates every template file against the schema', () => {
    for (const file of ['a4-3x8-70x37', 'a4-5x13-38x21', 'a4-2x7-99x38', 'roll-40x30', 'roll-50x30']) {
      expect(
        labelTemplateSchema.safeParse(JSON.parse(readFileSync(`labels/templates/${file}.json`, 'utf8'))).success,
      ).toBe(true);
    }
    const broken = {
      ...JSON.parse(readFileSync('labels/templates/roll-40x30.json', 'utf8')),
      qr: { sizeMm: 50, xMm: 0, yMm: 0 },
    };
    expect(labelTemplateSchema.safeParse(broken).success).toBe(false);
  });
});
