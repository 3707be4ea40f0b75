import { IMPORT_COLUMNS, type ImportColumn } from '../../src/data/import-columns';

export type ListRow = Record<ImportColumn, string>;

function gtinFor(n: number): string {
  const body = `893${String(n).padStart(9, '0')}`;
  const sum = [...body].reverse().reduce((acc, d, i) => acc + Number(d) * (i % 2 === 0 ? 3 : 1), 0);
  return `${body}${(10 - (sum % 10)) % 10}`;
}

/**
 * A province's list as an office keeps it, for province 19 (Thái Nguyên): four rows a subject,
 * two certificates a product (one under 1048 in 2021, one under 148 in 2024), 3★ and 4★ with
 * the level each era requires, some levels left blank, and a quarter of the subjects written
 * under the former Bắc Kạn (code 06 or its name). `prefix` keeps two lists apart.
 */
export function certificateList(count: number, prefix = 'TN'): ListRow[] {
  return Array.from({ length: count }, (_, i) => {
    const s = Math.floor(i / 4);
    const p = Math.floor(i / 2);
    const former = s % 10 === 3 || s % 10 === 7;
    const stars = i % 3 === 0 ? 3 : 4;
    const score = stars === 3 ? 55 + (i % 15) : 70 + (i % 20);
    const in2024 = i % 2 === 1;
    const level = stars === 3 && in2024 ? 'district' : 'province';
    return {
      ten_chu_the: `HTX ${prefix} số ${s}`,
      loai_chu_the: ['htx', 'to_hop_tac', 'doanh_nghiep', 'ho_kinh_doanh'][s % 4]!,
      ma_so_dang_ky: `${prefix}-${String(s).padStart(6, '0')}`,
      dia_chi: former
        ? `Thôn ${s}, xã Bằng Lãng, huyện Chợ Đồn, tỉnh Bắc Kạn`
        : `Xóm ${s}, xã Tân Cương, TP Thái Nguyên, tỉnh Thái Nguyên`,
      ma_tinh: !former ? '19' : s % 10 === 3 ? '06' : 'Bắc Kạn',
      ten_san_pham: `Sản phẩm ${prefix} ${p}`,
      nhom: p % 2 === 0 ? '1' : '2',
      phan_nhom: p % 2 === 0 ? '1.5' : '2.1',
      gtin: p % 5 === 0 ? gtinFor(p + (prefix === 'TN' ? 0 : 500_000)) : '',
      diem: String(score),
      so_sao: String(stars),
      so_chung_nhan: `OCOP-${prefix}-${String(i).padStart(4, '0')}`,
      so_quyet_dinh: `${100 + i}/QĐ-UBND`,
      ngay_quyet_dinh: `${String((i % 28) + 1).padStart(2, '0')}/${String((i % 12) + 1).padStart(2, '0')}/${in2024 ? 2024 : 2021}`,
      cap_cong_nhan: i % 7 === 0 ? '' : level === 'district' ? 'huyện' : i % 2 === 0 ? 'province' : 'tỉnh',
      co_quan_cap: level === 'district' ? 'UBND huyện Đồng Hỷ' : 'UBND tỉnh Thái Nguyên',
    };
  });
}

const quoted = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);

/** The list as Excel's "CSV UTF-8" writes it: a BOM, the template's headers, CRLF. */
export function listCsv(rows: ListRow[], headers: readonly string[] = IMPORT_COLUMNS.map((c) => c.key)): string {
  const keys = IMPORT_COLUMNS.map((c) => c.key);
  return `\uFEFF${[headers.join(','), ...rows.map((r) => keys.map((k) => quoted(r[k])).join(','))].join('\r\n')}\r\n`;
}

/** Unique values, for counting what a list holds. */
export const distinct = (rows: ListRow[], key: (r: ListRow) => string) => new Set(rows.map(key)).size;
