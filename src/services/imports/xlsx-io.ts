import type { CellValue } from 'exceljs';
import { invalid } from '../shared/errors';
import type { SheetRow } from './csv-table';

/**
 * exceljs is loaded on first use: on Workers it bundles as its browser build (about 1 MB), which
 * a verification request should not pay to evaluate at start-up.
 */
async function excel() {
  return (await import('exceljs')).default;
}

const MAX_UNZIPPED_BYTES = 200 * 1024 * 1024;
const MAX_ZIP_ENTRIES = 2_000;

/**
 * Refuses a zip bomb before it is inflated: the central directory declares every part's
 * unpacked size, and a workbook of 5 MB that claims more than 200 MB is not a certificate list.
 */
function checkZipDirectory(bytes: Uint8Array): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const broken = () => invalid('Tệp XLSX bị hỏng hoặc không phải bảng tính Excel (.xlsx).');
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw broken();
  const entries = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  if (entries > MAX_ZIP_ENTRIES) throw invalid('Tệp XLSX có quá nhiều thành phần.');
  let unzipped = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) throw broken();
    const size = view.getUint32(at + 24, true);
    if (size === 0xffffffff) throw invalid('Tệp XLSX quá lớn.'); // ZIP64: far beyond any list
    unzipped += size;
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  if (unzipped > MAX_UNZIPPED_BYTES) throw invalid('Tệp XLSX khi giải nén quá lớn (tối đa 200 MB).');
}

const two = (n: number) => String(n).padStart(2, '0');

/** A cell as the text a person sees in it: dates dd/mm/yyyy, formulas by their result. */
function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date)
    return `${two(value.getUTCDate())}/${two(value.getUTCMonth() + 1)}/${value.getUTCFullYear()}`;
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return cellText((value as { result?: CellValue }).result ?? null);
  if ('hyperlink' in value) return cellText(value.text as CellValue);
  if ('error' in value) return String(value.error);
  return '';
}

/** The first worksheet's rows, numbered as Excel numbers them; empty rows left out. */
export async function readXlsx(bytes: Uint8Array): Promise<SheetRow[]> {
  checkZipDirectory(bytes);
  const Excel = await excel();
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch {
    throw invalid('Không đọc được tệp XLSX: tệp bị hỏng hoặc không phải bảng tính Excel (.xlsx).');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw invalid('Tệp XLSX không có trang tính nào.');
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const values = row.values as CellValue[];
    const cells = Array.from({ length: Math.max(values.length - 1, 0) }, (_, i) => cellText(values[i + 1] ?? null));
    if (cells.some((c) => c.trim() !== '')) rows.push({ row: number, cells });
  });
  return rows;
}

export type SheetSpec = {
  name: string;
  rows: (string | number)[][];
  widths?: number[];
  textColumns?: number[];
  /** The header row (1-based, default 1): bold, and the sheet frozen below it; rows above are a title. */
  headerRow?: number;
};

/**
 * A workbook whose header row of each sheet (the first, unless a title stands above it) is bold. `textColumns` (1-based) are
 * formatted as text, so Excel keeps the leading zeros of codes such as "02" or a GTIN.
 */
export async function writeXlsx(sheets: SheetSpec[]): Promise<Uint8Array> {
  const Excel = await excel();
  const workbook = new Excel.Workbook();
  for (const spec of sheets) {
    const sheet = workbook.addWorksheet(spec.name);
    for (const column of spec.textColumns ?? []) sheet.getColumn(column).numFmt = '@';
    for (const [i, width] of (spec.widths ?? []).entries()) sheet.getColumn(i + 1).width = width;
    for (const row of spec.rows) sheet.addRow(row);
    const header = spec.headerRow ?? 1;
    for (let row = 1; row <= header; row++) sheet.getRow(row).font = { bold: true };
    sheet.views = [{ state: 'frozen', ySplit: header }];
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
