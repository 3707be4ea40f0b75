import { describe, expect, it } from 'vitest';
import { sessionCsv, type ExportRow } from '../../web/client/intake/codes-io';

const row = (product: string): ExportRow => ({
  scannedAt: '2026-11-23T03:00:00.000Z',
  code: 'K1-1',
  serial: 1,
  status: 'valid',
  statusText: 'ok',
  product,
  stars: 4,
  producer: 'HTX',
  lot: 'L1',
  duplicate: false,
  offlineAsOf: null,
  suspicious: '',
});
/** The product cell of the one data row, unquoted as a spreadsheet would read it. */
const productCell = (product: string) => {
  const csv = sessionCsv([row(product)], { header: Array.from({ length: 12 }, (_, i) => `h${i}`), yes: 'có' });
  const cells = csv
    .slice(csv.indexOf('\r\n') + 2)
    .match(/("([^"]|"")*"|[^,]*)(,|\r\n)/g)!
    .map((c) => c.replace(/(,|\r\n)$/, ''));
  const cell = cells[5]!;
  return cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell;
};

describe('CSV export never hands a spreadsheet a formula', () => {
  it.each(['=1+1', '+1+1', '-1+1', '@SUM(A1)', '\t=1+1', '\r=1+1', '\t', '\rcmd'])(
    'quotes a cell starting with %j',
    (value) => {
      expect(productCell(value)).toBe(`'${value}`);
    },
  );

  it.each(['Tinh dầu hồi', '1+1', ' =not at start', 'a\t=b', '', "'already"])('leaves %j as it is', (value) => {
    expect(productCell(value)).toBe(value);
  });
});
