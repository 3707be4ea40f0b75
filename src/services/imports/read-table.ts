import { foldText } from '../../data/former-provinces';
import { IMPORT_COLUMNS, IMPORT_MAX_BYTES, IMPORT_MAX_ROWS, type ImportColumn } from '../../data/import-columns';
import { isPlainText } from '../../domain/plain-text';
import { invalid } from '../shared/errors';
import { parseCsv, type SheetRow } from './csv-table';
import { readXlsx } from './xlsx-io';

export type ImportFormat = 'csv' | 'xlsx';
/** A data row: its spreadsheet row number and each known column's text (trimmed, NFC). */
export type ImportRow = { row: number; values: Record<ImportColumn, string> };
export type ImportTable = {
  format: ImportFormat;
  rows: ImportRow[];
  headers: Partial<Record<ImportColumn, string>>;
  ignoredHeaders: string[];
};

const BY_FOLDED = new Map<string, ImportColumn>(
  IMPORT_COLUMNS.flatMap(
    (c) =>
      [
        [foldText(c.key), c.key],
        [foldText(c.en), c.key],
      ] as const,
  ),
);
/** The first bytes of a zip (every .xlsx) and of the older binary .xls. */
const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
const isOle = (b: Uint8Array) => b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;

function decodeCsv(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw invalid('Tệp có ký tự Unicode hỏng, không phải văn bản UTF-8. Hãy lưu lại tệp dưới dạng “CSV UTF-8”.');
  }
  if (text.includes('\0'))
    throw invalid('Tệp chứa ký tự NUL: không phải tệp CSV văn bản. Hãy lưu lại tệp dưới dạng “CSV UTF-8”.');
  return text;
}

/**
 * The file as rows of known columns, whatever its form (CSV or XLSX, told apart by their bytes,
 * not by what the sender says). Anything that makes the whole file unreadable is a 400 here;
 * what is wrong with a single cell is for the row checks to report.
 */
export async function readTable(bytes: Uint8Array): Promise<ImportTable> {
  if (bytes.length === 0) throw invalid('Tệp rỗng.');
  if (bytes.length > IMPORT_MAX_BYTES) throw invalid(`Tệp quá lớn: tối đa ${IMPORT_MAX_BYTES / 1024 / 1024} MB.`);
  if (isOle(bytes)) throw invalid('Định dạng Excel cũ (.xls) không được hỗ trợ: hãy lưu thành .xlsx hoặc CSV UTF-8.');
  const format: ImportFormat = isZip(bytes) ? 'xlsx' : 'csv';
  const sheet: SheetRow[] = format === 'xlsx' ? await readXlsx(bytes) : parseCsv(decodeCsv(bytes));
  for (const { row, cells } of sheet) {
    const bad = cells.findIndex((cell) => !isPlainText(cell));
    if (bad >= 0) throw invalid(`Dòng ${row}, cột ${bad + 1}: có ký tự NUL hoặc ký tự Unicode hỏng.`);
  }
  const [header, ...data] = sheet;
  if (!header) throw invalid('Tệp không có dòng tiêu đề và dữ liệu.');
  if (data.length > IMPORT_MAX_ROWS)
    throw invalid(`Tệp có ${data.length} dòng: tối đa ${IMPORT_MAX_ROWS} dòng mỗi lần nhập.`);

  const positions = new Map<ImportColumn, number>();
  const headers: Partial<Record<ImportColumn, string>> = {};
  const ignoredHeaders: string[] = [];
  header.cells.forEach((text, i) => {
    const key = BY_FOLDED.get(foldText(text));
    if (!key) {
      if (text.trim()) ignoredHeaders.push(text.trim());
      return;
    }
    if (positions.has(key)) throw invalid(`Cột ${key} xuất hiện hai lần trong dòng tiêu đề.`);
    positions.set(key, i);
    headers[key] = text.trim();
  });
  const missing = IMPORT_COLUMNS.filter((c) => c.required && !positions.has(c.key)).map((c) => c.key);
  if (missing.length) {
    throw invalid(
      `Thiếu cột: ${missing.join(', ')}. Hãy dùng tệp mẫu.`,
      missing.map((key) => ({ path: key, message: 'Thiếu cột này trong dòng tiêu đề.' })),
    );
  }
  const rows = data.map(({ row, cells }) => ({
    row,
    values: Object.fromEntries(
      IMPORT_COLUMNS.map(({ key }) => {
        const at = positions.get(key);
        return [key, at === undefined ? '' : (cells[at] ?? '').normalize('NFC').trim()];
      }),
    ) as Record<ImportColumn, string>,
  }));
  return { format, rows, headers, ignoredHeaders };
}
