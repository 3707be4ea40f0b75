import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkRow } from '../../src/services/imports/check-row';
import { decisionDateOf, issuerLevelOf, starsOf, subjectKindOf } from '../../src/services/imports/cell-values';
import { parseCsv } from '../../src/services/imports/csv-table';
import type { Actor } from '../../src/services/shared/policy';
import { certificateList } from '../support/certificate-list';

const quote = (cell: string) => (/[",;\t\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);

describe('reading CSV as spreadsheets write it', () => {
  it('gives back every cell of any table, quotes, separators and line breaks inside cells included', () => {
    const table = fc.integer({ min: 2, max: 5 }).chain((width) =>
      fc.array(
        fc
          .array(
            fc.string({
              maxLength: 12,
              unit: fc.constantFrom('a', 'ă', '"', ',', ';', '\t', '\r', '\n', ' ', '=', 'Đ'),
            }),
            { minLength: width, maxLength: width },
          )
          .filter((cells) => cells.some((c) => c.trim() !== '')),
        { minLength: 1, maxLength: 8 },
      ),
    );
    fc.assert(
      fc.property(table, fc.constantFrom('\r\n', '\n'), fc.boolean(), (rows, eol, bom) => {
        const text = `${bom ? '\uFEFF' : ''}${rows.map((r) => r.map(quote).join(',')).join(eol)}${eol}`;
        expect(parseCsv(text)).toEqual(rows.map((cells, i) => ({ row: i + 1, cells })));
      }),
    );
  });

  it('numbers rows as the spreadsheet shows them, blank lines skipped but counted', () => {
    expect(parseCsv('a;b\r\n1;"x\r\ny"\r\n\r\n;\r\n2;z')).toEqual([
      { row: 1, cells: ['a', 'b'] },
      { row: 2, cells: ['1', 'x\r\ny'] },
      { row: 5, cells: ['2', 'z'] },
    ]);
    expect(parseCsv('a\tb\n1\t2\n')).toEqual([
      { row: 1, cells: ['a', 'b'] },
      { row: 2, cells: ['1', '2'] },
    ]);
  });
});

describe('cells as lists write them', () => {
  it.each([
    ['15/03/2024', '2024-03-15'],
    ['5/3/2024', '2024-03-05'],
    ['05-03-2024', '2024-03-05'],
    ['05.03.2024', '2024-03-05'],
    ['2024-03-15', '2024-03-15'],
    ['29/02/2023', null],
    ['31/04/2024', null],
    ['03/15/2024', null],
    ['15/03/24', null],
    ['', null],
  ])('decision date %s → %s', (text, iso) => expect(decisionDateOf(text)).toBe(iso));

  it('reads stars, kinds and levels in the words people use', () => {
    expect(['4', '4 sao', '4★', '★★★★', '4 SAO'].map(starsOf)).toEqual([4, 4, 4, 4, 4]);
    expect(['bốn', '4.5', ''].map(starsOf)).toEqual([null, null, null]);
    expect(
      ['HTX', 'Hợp tác xã', 'to_hop_tac', 'Doanh nghiệp', 'Công ty', 'Hộ kinh doanh', 'hợp tác'].map(subjectKindOf),
    ).toEqual(['htx', 'htx', 'to_hop_tac', 'doanh_nghiep', 'doanh_nghiep', 'ho_kinh_doanh', null]);
    expect(['Cấp huyện', 'tỉnh', 'Trung ương', 'TW', 'province', 'xã'].map(issuerLevelOf)).toEqual([
      'district',
      'province',
      'central',
      'central',
      'province',
      null,
    ]);
  });
});

describe('one row held to the rules of issuance', () => {
  const authority: Actor = { kind: 'token', id: 't', role: 'authority', provinceCode: '19', subjectId: null };
  const central: Actor = { ...authority, provinceCode: null };
  const today = '2026-11-23';
  const row = (change: Record<string, string> = {}) => ({ row: 2, values: { ...certificateList(4)[3]!, ...change } });

  it('accepts a well-formed row and fills a blank level with the one the decision date requires', () => {
    const { checked, problems } = checkRow(row({ cap_cong_nhan: '' }), { actor: authority, today });
    expect(problems).toEqual([]);
    expect(checked!.certificate).toMatchObject({ issuerLevel: 'district', stars: 3, decisionDate: '2024-04-04' });
    expect(checked!.product.taxonomyVersion).toBe('2022');
  });

  it('classifies a 1048-era product by the 2019 table', () => {
    const { checked, problems } = checkRow(
      row({ ngay_quyet_dinh: '10/10/2021', cap_cong_nhan: 'tỉnh', nhom: '1', phan_nhom: '1.8' }),
      { actor: authority, today },
    );
    expect(problems).toEqual([]);
    expect(checked!.product.taxonomyVersion).toBe('2019');
    expect(
      checkRow(row({ nhom: '1', phan_nhom: '1.8' }), { actor: authority, today }).problems.map((p) => p.column),
    ).toEqual(['phan_nhom']);
  });

  it('reports one mistake once, and the rules that depend on a wrong cell not at all', () => {
    const cases: [Record<string, string>, string[]][] = [
      [{ diem: '101' }, ['diem']],
      [{ diem: 'x', so_sao: 'y' }, ['diem', 'so_sao']],
      [{ ngay_quyet_dinh: '2024/01/01' }, ['ngay_quyet_dinh']],
      [{ so_sao: '4', diem: '60' }, ['so_sao']],
      [{ gtin: '123' }, ['gtin']],
    ];
    for (const [change, columns] of cases)
      expect(
        checkRow(row(change), { actor: authority, today }).problems.map((p) => p.column),
        JSON.stringify(change),
      ).toEqual(columns);
  });

  it('keeps a provincial authority to its province and to 3–4★; the central level records 5★ anywhere', () => {
    const five = { diem: '92', so_sao: '5', cap_cong_nhan: 'trung ương' };
    expect(checkRow(row(five), { actor: authority, today }).problems).toMatchObject([
      { column: 'so_sao', code: 'out_of_scope' },
    ]);
    expect(checkRow(row({ ma_tinh: 'Hà Giang' }), { actor: authority, today }).problems).toMatchObject([
      { column: 'ma_tinh', code: 'out_of_scope' },
    ]);
    expect(checkRow(row({ ...five, ma_tinh: 'Hà Giang' }), { actor: central, today })).toMatchObject({
      problems: [],
      checked: { subject: { provinceCode: '08' }, formerProvince: { code: '02' } },
    });
  });
});
