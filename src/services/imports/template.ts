import { IMPORT_COLUMNS } from '../../data/import-columns';
import { writeXlsx } from './xlsx-io';

/** The template's two rows: the Vietnamese headers, and one example that a dry run accepts in province 19. */
export function importTemplateRows(): string[][] {
  return [IMPORT_COLUMNS.map((c) => c.key), IMPORT_COLUMNS.map((c) => c.example)];
}

/** Columns Excel must keep as text: codes with leading zeros, a GTIN, "1.10", dates as written. */
const TEXT_COLUMNS = [
  'ma_so_dang_ky',
  'ma_tinh',
  'nhom',
  'phan_nhom',
  'gtin',
  'so_chung_nhan',
  'so_quyet_dinh',
  'ngay_quyet_dinh',
].map((key) => IMPORT_COLUMNS.findIndex((c) => c.key === key) + 1);

/** The template as a workbook: the list to fill in, then a sheet that explains each column. */
export function importTemplateXlsx(): Promise<Uint8Array> {
  return writeXlsx([
    {
      name: 'Danh sách',
      rows: importTemplateRows(),
      textColumns: TEXT_COLUMNS,
      widths: IMPORT_COLUMNS.map((c) => Math.max(12, c.example.length + 2)),
    },
    {
      name: 'Hướng dẫn',
      rows: [
        ['Cột', 'Tên tiếng Anh (cũng được chấp nhận)', 'Nội dung', 'Bắt buộc'],
        ...IMPORT_COLUMNS.map((c) => [c.key, c.en, c.label, c.required ? 'có' : 'không']),
      ],
      widths: [18, 22, 70, 10],
    },
  ]);
}
