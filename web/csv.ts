/** One CSV cell a spreadsheet reads as text: never a formula, quoted when it holds a separator. */
export function csvCell(value: string): string {
  // A cell starting with = + - @, or with a TAB or CR that spreadsheets skip before reading one of
  // those, would run as a formula (OWASP, CSV injection): a leading quote makes it text.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A spreadsheet-safe CSV document: UTF-8 with a BOM (Excel then reads Vietnamese right), CRLF lines. */
export function csvDocument(lines: readonly (readonly (string | number | null | undefined)[])[]): string {
  return (
    '\uFEFF' +
    lines
      .map((cells) => cells.map((c) => csvCell(c === null || c === undefined ? '' : String(c))).join(','))
      .join('\r\n') +
    '\r\n'
  );
}
