import { createHash } from 'node:crypto';
import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, certificates, products, subjects } from '../../src/db/schema';
import type { ImportReport } from '../../src/services/imports/import-certificates';
import { createCertificate } from '../../src/services/registry/create-certificate';
import { createProduct } from '../../src/services/registry/create-product';
import { createSubject } from '../../src/services/registry/create-subject';
import { certificateList, distinct, listCsv, type ListRow } from '../support/certificate-list';
import { ADMIN, DATABASE_KINDS, openHarness, type Harness } from '../support/harness';

type ErrorBody = { error: { code: string; message: string; fields?: { path: string; message: string }[] } };
const PATH = '/api/v1/imports/certificates';

/** The 20 mistakes: the row index in the list, the one cell made wrong, and how. */
const MISTAKES: [number, keyof ListRow, (rows: ListRow[]) => Partial<ListRow>][] = [
  [3, 'diem', () => ({ diem: 'abc' })],
  [10, 'so_sao', () => ({ diem: '78', so_sao: '3' })],
  [20, 'ngay_quyet_dinh', () => ({ ngay_quyet_dinh: '31/02/2024' })],
  [31, 'ngay_quyet_dinh', () => ({ ngay_quyet_dinh: '01/01/2027' })],
  [45, 'cap_cong_nhan', () => ({ cap_cong_nhan: 'tỉnh' })], // 3★ under 148: the district recognises it
  [52, 'loai_chu_the', () => ({ loai_chu_the: 'hợp tác' })],
  [60, 'ma_tinh', () => ({ ma_tinh: '99' })],
  [71, 'ma_tinh', () => ({ ma_tinh: '20' })], // Lạng Sơn: outside the importer's province
  [80, 'gtin', (rows) => ({ gtin: `${rows[80]!.gtin.slice(0, 12)}${(Number(rows[80]!.gtin[12]) + 1) % 10}` })],
  [90, 'phan_nhom', () => ({ nhom: '1', phan_nhom: '1.9' })],
  [101, 'nhom', () => ({ nhom: '7' })],
  [120, 'so_chung_nhan', (rows) => ({ so_chung_nhan: rows[119]!.so_chung_nhan })],
  [133, 'ten_san_pham', () => ({ ten_san_pham: '' })],
  [150, 'co_quan_cap', () => ({ co_quan_cap: '' })],
  [161, 'so_quyet_dinh', () => ({ so_quyet_dinh: '' })],
  [170, 'ten_chu_the', () => ({ ten_chu_the: '' })],
  [188, 'so_chung_nhan', () => ({ so_chung_nhan: 'OCOP-TN-CONFLICT' })], // already in the registry, for another product
  [203, 'so_sao', () => ({ diem: '45', so_sao: '2' })],
  [240, 'ma_so_dang_ky', () => ({ ma_so_dang_ky: '' })],
  [255, 'so_sao', () => ({ diem: '95', so_sao: '5', cap_cong_nhan: '' })], // 5★: only the central level records it
];

describe.each(DATABASE_KINDS)(
  'importing a certificate list on %s',
  (kind) => {
    let h: Harness;
    let authority: string;
    const totals = async () => {
      const n = async (table: typeof subjects | typeof products | typeof certificates | typeof auditLog) =>
        Number((await h.db.select({ n: count() }).from(table))[0]!.n);
      return {
        subjects: await n(subjects),
        products: await n(products),
        certificates: await n(certificates),
        audit: await n(auditLog),
      };
    };
    const send = (body: string | Uint8Array, query = '', token = authority, type = 'text/csv') =>
      h.request(`${PATH}${query}`, {
        method: 'POST',
        body: body as BodyInit,
        headers: { 'content-type': type, ...(token ? { authorization: `Bearer ${token}` } : {}) },
      });

    beforeAll(async () => {
      h = await openHarness(kind, { seed: false });
      authority = await h.token('authority', { provinceCode: '19' });
      const seed = h.ctx(ADMIN);
      const other = await createSubject({
        ctx: seed,
        input: {
          kind: 'htx',
          name: 'HTX có sẵn',
          registrationNumber: 'SAN-1',
          provinceCode: '19',
          addressAsIssued: 'Thái Nguyên',
        },
      });
      const product = await createProduct({
        ctx: seed,
        input: {
          subjectId: other.id,
          name: 'Chè có sẵn',
          taxonomyVersion: '2022',
          groupCode: '1',
          subgroupCode: '1.5',
        },
      });
      await createCertificate({
        ctx: seed,
        input: {
          productId: product.id,
          number: 'OCOP-TN-CONFLICT',
          score: 75,
          stars: 4,
          issuerName: 'UBND tỉnh Thái Nguyên',
          issuerLevel: 'province',
          decisionNumber: '9/QĐ',
          decisionDate: '2025-01-10',
        },
      });
    });
    afterAll(async () => {
      await h?.close();
    });

    it('reports exactly the 20 mistakes of a 500-row list by row and column, and writes nothing', async () => {
      const rows = certificateList(500);
      for (const [i, , change] of MISTAKES) rows[i] = { ...rows[i]!, ...change(certificateList(500)) };
      const before = await totals();
      const res = await send(listCsv(rows), '?dryRun=true');
      expect(res.status).toBe(200);
      const report = (await res.json()) as ImportReport;
      const found = report.problems.map((p) => `${p.row}:${p.column}`).sort();
      expect(found).toEqual(MISTAKES.map(([i, column]) => `${i + 2}:${column}`).sort()); // row 1 is the header
      expect(report.counts).toMatchObject({ rows: 500, rowsWithProblems: 20, problems: 20 });
      for (const p of report.problems) expect(p.message).toMatch(/\p{L}/u);
      const byCell = (row: number, column: string) =>
        report.problems.find((p) => p.row === row && p.column === column)!;
      expect(byCell(73, 'ma_tinh')).toMatchObject({ code: 'out_of_scope', value: '20' });
      expect(byCell(257, 'so_sao')).toMatchObject({
        code: 'out_of_scope',
        message: 'Chỉ cơ quan trung ương được ghi nhận chứng nhận 5 sao.',
      });
      expect(byCell(122, 'so_chung_nhan')).toMatchObject({
        code: 'duplicate',
        message: expect.stringContaining('dòng 121'),
      });
      expect(byCell(190, 'so_chung_nhan').code).toBe('conflict');
      expect(byCell(12, 'so_sao').message).toBe('Điểm 78 tương ứng 4 sao, không phải 3 sao.');
      expect(byCell(47, 'cap_cong_nhan').message).toContain('cấp huyện');
      expect(await totals()).toEqual(before);

      const refused = await send(listCsv(rows));
      expect(refused.status).toBe(403); // one row lies outside province 19
      const body = (await refused.json()) as ErrorBody;
      expect(body.error.fields).toHaveLength(20);
      expect(body.error.fields!.map((f) => f.path)).toContain('73.ma_tinh');
      expect(await totals()).toEqual(before);
    });

    it('commits the corrected list in one go, audited, and a second import changes nothing', async () => {
      const rows = certificateList(500);
      const file = listCsv(rows);
      const before = await totals();
      const res = await send(file);
      expect(res.status, await res.clone().text()).toBe(201);
      const report = (await res.json()) as ImportReport;
      const created = {
        subjects: distinct(rows, (r) => r.ma_so_dang_ky),
        products: distinct(rows, (r) => `${r.ma_so_dang_ky}/${r.ten_san_pham}`),
        certificates: 500,
      };
      expect(report.counts).toMatchObject({
        rows: 500,
        problems: 0,
        formerProvinces: 100,
        subjects: { new: created.subjects },
        products: { new: created.products },
        certificates: { new: 500, existing: 0 },
      });
      const after = await totals();
      expect(after).toEqual({
        subjects: before.subjects + created.subjects,
        products: before.products + created.products,
        certificates: before.certificates + 500,
        audit: before.audit + created.subjects + created.products + created.certificates + 1,
      });

      const sha256 = createHash('sha256').update(file).digest('hex');
      const [entry] = await h.db.select().from(auditLog).where(eq(auditLog.action, 'certificate.import'));
      expect(entry).toMatchObject({ entity: 'certificate_import', entityId: sha256 });
      expect(entry!.after).toMatchObject({
        sha256,
        rows: 500,
        certificates: { new: 500, existing: 0 },
        subjects: { new: created.subjects },
      });

      // Former Bắc Kạn: today's Thái Nguyên, the address as issued.
      const [backan] = await h.db
        .select()
        .from(subjects)
        .where(eq(subjects.registrationNumber, rows[12]!.ma_so_dang_ky));
      expect(backan).toMatchObject({ provinceCode: '19', addressAsIssued: rows[12]!.dia_chi });
      expect(rows[12]!.ma_tinh).toBe('06');
      const [district] = await h.db.select().from(certificates).where(eq(certificates.number, rows[3]!.so_chung_nhan));
      expect(district).toMatchObject({ scheme: '148', issuerLevel: 'district', stars: 3, validUntil: '2027-04-03' });

      const again = await send(file);
      expect(again.status).toBe(200);
      expect(((await again.json()) as ImportReport).counts).toMatchObject({
        subjects: { new: 0 },
        products: { new: 0 },
        certificates: { new: 0, existing: 500 },
      });
      expect(await totals()).toEqual(after);
    }, 180_000);

    it('writes nothing when the commit fails midway', async () => {
      const rows = certificateList(60, 'MID');
      await h.db.execute(
        sql.raw(`create function refuse_one() returns trigger language plpgsql as $$ begin
      if new.number = '${rows[40]!.so_chung_nhan}' then raise exception 'simulated failure'; end if; return new; end $$`),
      );
      await h.db.execute(
        sql.raw('create trigger refuse_one before insert on certificates for each row execute function refuse_one()'),
      );
      const before = await totals();
      const res = await send(listCsv(rows));
      expect(res.status).toBe(500);
      expect(await totals()).toEqual(before);
      await h.db.execute(sql.raw('drop trigger refuse_one on certificates'));
      expect((await send(listCsv(rows))).status).toBe(201); // the same file, once nothing refuses it
      expect((await totals()).certificates).toBe(before.certificates + 60);
    }, 120_000);

    it('refuses a row outside a provincial authority’s province, and lets the central level import it', async () => {
      const row = {
        ...certificateList(1, 'OUT')[0]!,
        ma_tinh: 'Lạng Sơn',
        dia_chi: 'Văn Quan, Lạng Sơn',
        co_quan_cap: 'UBND tỉnh Lạng Sơn',
      };
      const before = await totals();
      const refused = await send(listCsv([row]));
      expect(refused.status).toBe(403);
      expect(((await refused.json()) as ErrorBody).error.fields?.[0]?.path).toBe('2.ma_tinh');
      expect(await totals()).toEqual(before);
      const central = await h.token('authority', { provinceCode: 'central' });
      expect((await send(listCsv([row]), '', central)).status).toBe(201);
    });

    it('answers 401 without credentials and 403 to roles that do not import', async () => {
      const file = listCsv(certificateList(1, 'AUTH'));
      expect((await send(file, '?dryRun=true', '')).status).toBe(401);
      const [producer] = await h.db.select({ id: subjects.id }).from(subjects).limit(1);
      const tokens = {
        producer: await h.token('producer', { subjectId: producer!.id }),
        inspector: await h.token('inspector', { provinceCode: '19' }),
        retailer: await h.token('retailer', { provinceCode: '19' }),
      };
      for (const [role, token] of Object.entries(tokens))
        expect((await send(file, '?dryRun=true', token)).status, role).toBe(403);
      expect((await h.request(`${PATH}/template.csv`)).status).toBe(401);
      expect(
        (await h.request(`${PATH}/template.csv`, { headers: { authorization: `Bearer ${tokens.producer}` } })).status,
      ).toBe(403);
    });
  },
  600_000,
);
