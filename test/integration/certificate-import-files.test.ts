import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMPORT_COLUMNS, XLSX_TYPE } from '../../src/data/import-columns';
import { certificates, subjects } from '../../src/db/schema';
import type { ImportReport } from '../../src/services/imports/import-certificates';
import { certificateList, listCsv, type ListRow } from '../support/certificate-list';
import { DATABASE_KINDS, openHarness, type Harness } from '../support/harness';

type ErrorBody = { error: { code: string; message: string; fields?: { path: string; message: string }[] } };
const PATH = '/api/v1/imports/certificates';
const KEYS = IMPORT_COLUMNS.map((c) => c.key);

/** A workbook as an office saves it: numbers as numbers, the decision date as a date cell, codes without their leading zero. */
async function workbook(rows: ListRow[], headers: readonly string[] = KEYS): Promise<Uint8Array<ArrayBuffer>> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('DS OCOP');
  sheet.addRow([...headers]);
  for (const r of rows) {
    const [d, m, y] = r.ngay_quyet_dinh.split('/').map(Number);
    sheet.addRow(
      KEYS.map((k) => {
        if (k === 'ngay_quyet_dinh') return new Date(Date.UTC(y!, m! - 1, d!));
        if ((k === 'diem' || k === 'so_sao' || k === 'ma_tinh' || k === 'nhom') && /^\d+$/.test(r[k]))
          return Number(r[k]);
        if (k === 'gtin' && r.gtin) return Number(r.gtin);
        return r[k];
      }),
    );
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}

describe.each(DATABASE_KINDS)(
  'certificate list files on %s',
  (kind) => {
    let h: Harness;
    let token: string;
    const send = (body: BodyInit, query = '?dryRun=true', type = 'text/csv') =>
      h.request(`${PATH}${query}`, {
        method: 'POST',
        body,
        headers: { 'content-type': type, authorization: `Bearer ${token}` },
      });
    const refusal = async (res: Response, status = 400) => {
      expect(res.status, await res.clone().text()).toBe(status);
      return ((await res.json()) as ErrorBody).error;
    };

    beforeAll(async () => {
      h = await openHarness(kind, { seed: false });
      token = await h.token('authority', { provinceCode: '19' });
    });
    afterAll(async () => {
      await h?.close();
    });

    it('imports an XLSX workbook sent raw or as a multipart upload, dates and numbers as Excel stores them', async () => {
      const rows = certificateList(12, 'XL');
      rows[5] = { ...rows[5]!, diem: '40', so_sao: '2' };
      const broken = (await (
        await send((await workbook(rows)) as BodyInit, '?dryRun=true', XLSX_TYPE)
      ).json()) as ImportReport;
      expect(broken.format).toBe('xlsx');
      expect(broken.problems.map((p) => `${p.row}:${p.column}`)).toEqual(['7:so_sao']);

      const good = certificateList(16, 'XL');
      const form = new FormData();
      form.append('file', new Blob([await workbook(good)], { type: XLSX_TYPE }), 'danh-sach.xlsx');
      const res = await h.request(PATH, { method: 'POST', body: form, headers: { authorization: `Bearer ${token}` } });
      expect(res.status, await res.clone().text()).toBe(201);
      expect(((await res.json()) as ImportReport).counts).toMatchObject({
        formerProvinces: 4,
        certificates: { new: 16 },
      });
      const [first] = await h.db.select().from(certificates).where(eq(certificates.number, good[0]!.so_chung_nhan));
      expect(first).toMatchObject({ decisionDate: '2021-01-01', stars: 3, issuerLevel: 'province' });
      expect(good[12]!.ma_tinh).toBe('06'); // stored by Excel as the number 6
      const [former] = await h.db
        .select()
        .from(subjects)
        .where(eq(subjects.registrationNumber, good[12]!.ma_so_dang_ky));
      expect(former).toMatchObject({ provinceCode: '19', addressAsIssued: good[12]!.dia_chi });
    });

    it('hands out a template that imports as it is, in CSV and in XLSX', async () => {
      const csv = await h.request(`${PATH}/template.csv`, { headers: { authorization: `Bearer ${token}` } });
      expect(csv.headers.get('content-type')).toContain('text/csv');
      const bytes = new Uint8Array(await csv.arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM Excel needs to read UTF-8
      const text = new TextDecoder().decode(bytes);
      expect(text.split('\r\n')[0]).toBe(KEYS.join(','));
      expect(((await (await send(text)).json()) as ImportReport).counts).toMatchObject({ rows: 1, problems: 0 });
      const xlsx = await h.request(`${PATH}/template.xlsx`, { headers: { authorization: `Bearer ${token}` } });
      expect(xlsx.headers.get('content-type')).toBe(XLSX_TYPE);
      const report = (await (await send(await xlsx.arrayBuffer(), '?dryRun=true', XLSX_TYPE)).json()) as ImportReport;
      expect(report).toMatchObject({ format: 'xlsx', counts: { rows: 1, problems: 0 } });
    });

    it('reads English headers, Vietnamese headers with diacritics and semicolon-separated files', async () => {
      const rows = certificateList(3, 'HDR');
      const english = listCsv(
        rows,
        IMPORT_COLUMNS.map((c) => c.en),
      );
      expect(((await (await send(english)).json()) as ImportReport).counts).toMatchObject({ rows: 3, problems: 0 });
      const spoken = listCsv(
        rows,
        IMPORT_COLUMNS.map((c) => c.vi),
      );
      const report = (await (await send(spoken)).json()) as ImportReport;
      expect(report.counts.problems).toBe(0);
      expect(report.headers.ten_chu_the).toBe('Tên chủ thể');
      const semicolons = listCsv(rows).replaceAll(',', ';');
      expect(((await (await send(semicolons)).json()) as ImportReport).counts).toMatchObject({ rows: 3, problems: 0 });
    });

    it('refuses in Vietnamese what is no readable list: broken Unicode, NUL, .xls, missing columns, another type, more than 5 MB', async () => {
      const csv = new TextEncoder().encode(listCsv(certificateList(2, 'BAD')));
      const lineEnd = csv.indexOf(0x0d); // an ASCII boundary, so only the inserted byte is wrong
      const latin1 = Uint8Array.from([...csv.slice(0, lineEnd), 0xe0, 0x20, ...csv.slice(lineEnd)]);
      expect((await refusal(await send(latin1))).message).toContain('Unicode hỏng');
      const nul = Uint8Array.from([...csv.slice(0, lineEnd), 0, ...csv.slice(lineEnd)]);
      expect((await refusal(await send(nul))).message).toContain('NUL');
      expect(
        (await refusal(await send(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])))).message,
      ).toContain('.xls');
      const missing = await refusal(await send('ten_chu_the,diem\r\nHTX A,70\r\n'));
      expect(missing.message).toContain('Thiếu cột');
      expect(missing.fields!.map((f) => f.path)).toContain('so_chung_nhan');
      const other = await refusal(await send('{}', '?dryRun=true', 'application/json'), 415);
      expect(other.message).toContain('CSV');
      const huge = await refusal(await send(new Uint8Array(5 * 1024 * 1024 + 100 * 1024).fill(0x41)), 413);
      expect(huge.message).toBe('Tệp quá lớn: tối đa 5 MB.');
      const bomb = await workbook(certificateList(1, 'ZIP'));
      expect((await refusal(await send(bomb.slice(0, bomb.length - 30), '?dryRun=true', XLSX_TYPE))).message).toContain(
        'XLSX',
      );
    });

    it('is documented in OpenAPI with its policy action, body types and answers', async () => {
      const doc = (await (await h.request('/openapi.json')).json()) as {
        paths: Record<string, Record<string, Record<string, unknown>>>;
      };
      const post = doc.paths[PATH]!.post!;
      expect(post['x-policy-actions']).toEqual(['certificate.import']);
      expect(Object.keys((post.requestBody as { content: object }).content)).toEqual([
        'multipart/form-data',
        'text/csv',
        XLSX_TYPE,
      ]);
      expect(Object.keys(post.responses as object)).toEqual(
        expect.arrayContaining(['200', '201', '400', '401', '403', '413', '415']),
      );
      expect(doc.paths[`${PATH}/template.xlsx`]!.get!['x-policy-actions']).toEqual(['certificate.import']);
    });

    it('exports the report as CSV where a cell from the file can never run as a formula', async () => {
      const rows = certificateList(2, 'CSV');
      rows[1] = { ...rows[1]!, diem: '=HYPERLINK("http://evil.example","70")' };
      const res = await send(listCsv(rows), '?dryRun=true&report=csv');
      expect(res.headers.get('content-type')).toContain('text/csv');
      const text = await res.text();
      expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""70"")"`);
      expect(text).not.toMatch(/(^|,)=HYPERLINK/m);
      expect(text.split('\r\n')[1]).toMatch(/^3,diem,diem,/);
    });
  },
  300_000,
);
