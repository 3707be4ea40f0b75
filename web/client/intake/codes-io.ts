/**
 * Reading codes out of pasted text and uploaded CSV files, and writing a session back out as CSV.
 * Pure functions: the intake page uses them, and unit tests feed them hostile files.
 */
import { extractStampCode, parseStampCode } from '../../../src/domain/stamp-codec';
import { csvDocument } from '../../csv';
import { vietnamIso } from '../../format';

export const MAX_CSV_BYTES = 1024 * 1024;

export type ReadCodes = { codes: string[]; skipped: string[] };

/** Every cell of the text that reads as a stamp code or stamp URL; the rest is reported, not guessed at. */
export function codesFromText(text: string): ReadCodes {
  const codes: string[] = [];
  const skipped: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    for (const raw of line.split(/[,;\t]|\s+/)) {
      const cell = raw.trim().replace(/^"+|"+$/g, '');
      if (cell === '') continue;
      if (looksLikeStamp(cell)) codes.push(cell);
      else skipped.push(cell.slice(0, 40));
    }
  }
  return { codes, skipped };
}

/** A stamp URL (even with a damaged code: that is worth a verdict) or a well-formed bare code. */
function looksLikeStamp(cell: string): boolean {
  const code = extractStampCode(cell);
  if (!code) return false;
  return /\/S\/|[?&]stamp=/i.test(cell) || parseStampCode(code) !== null;
}

export type ExportRow = {
  scannedAt: string;
  code: string;
  serial: number | null;
  status: string;
  statusText: string;
  product: string;
  stars: number | null;
  producer: string;
  lot: string;
  duplicate: boolean;
  offlineAsOf: string | null;
  suspicious: string;
};

/** A spreadsheet-safe CSV (web/csv.ts); times are ISO 8601 in Vietnam time (+07:00), as every export carries them. */
export function sessionCsv(rows: ExportRow[], words: { header: readonly string[]; yes: string }): string {
  const time = (iso: string | null) => (iso ? vietnamIso(new Date(iso)) : '');
  return csvDocument([
    words.header,
    ...rows.map((r) => [
      time(r.scannedAt),
      r.code,
      r.serial,
      r.status,
      r.statusText,
      r.product,
      r.stars,
      r.producer,
      r.lot,
      r.duplicate ? words.yes : '',
      time(r.offlineAsOf),
      r.suspicious,
    ]),
  ]);
}
