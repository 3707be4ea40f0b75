import type { ImportReport } from '../../src/services/imports/import-certificates';
import { csvDocument } from '../csv';
import { vi } from '../words/vi';

const HEADER = ['Dòng', 'Cột', 'Tiêu đề trong tệp', 'Giá trị trong tệp', 'Loại lỗi', 'Mã loại lỗi', 'Lỗi'];

/**
 * A dry run's problems as a spreadsheet opens them, one per line. The values come from the
 * uploaded file, so every cell goes through csvCell: a cell such as `=HYPERLINK(…)` stays text.
 */
export function importReportCsv(report: ImportReport): string {
  return csvDocument([
    HEADER,
    ...report.problems.map((p) => [
      p.row,
      p.column,
      report.headers[p.column] ?? p.column,
      p.value,
      vi.importProblems[p.code],
      p.code,
      p.message,
    ]),
  ]);
}

/** The template: the headers and one example row, UTF-8 with a BOM so Excel reads the Vietnamese. */
export function importTemplateCsv(rows: string[][]): string {
  return csvDocument(rows);
}
