/** One record of a sheet: its row number as a spreadsheet shows it (the header is row 1). */
export type SheetRow = { row: number; cells: string[] };

/**
 * The separator a spreadsheet wrote: Excel in a Vietnamese locale may write `;` where others
 * write `,`. Whichever of `,` `;` TAB occurs most in the header line, outside quotes, wins.
 */
function separatorOf(text: string): string {
  const counts = new Map<string, number>([
    [',', 0],
    [';', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]![0];
}

/**
 * RFC 4180 records: quoted cells may hold separators, doubled quotes and line breaks; CRLF, LF
 * or CR end a record; a leading BOM is dropped. Records with no text at all are left out, but
 * keep their number, so a row number always matches the one the spreadsheet shows.
 */
export function parseCsv(text: string): SheetRow[] {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const separator = separatorOf(body);
  const rows: SheetRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let row = 1;
  const endCell = () => {
    cells.push(cell);
    cell = '';
  };
  const endRow = () => {
    endCell();
    if (cells.some((c) => c.trim() !== '')) rows.push({ row, cells });
    cells = [];
    row += 1;
  };
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (quoted) {
      if (ch !== '"') cell += ch;
      else if (body[i + 1] === '"') {
        cell += '"';
        i++;
      } else quoted = false;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === separator) endCell();
    else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && body[i + 1] === '\n') i++;
      endRow();
    } else cell += ch;
  }
  if (cell !== '' || cells.length > 0) endRow();
  return rows;
}
