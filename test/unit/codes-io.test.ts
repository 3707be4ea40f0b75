import { describe, expect, it } from 'vitest';
import { codesFromText, sessionCsv, type ExportRow } from '../../web/client/intake/codes-io';
import { INTAKE_TEXT } from '../../web/intake-text';

const CODE = `K1-1000001-${'A'.repeat(103)}`;

describe('codes from pasted text and CSV files', () => {
  it('reads bare codes and stamp URLs from any cell, and reports what it skipped', () => {
    const text = `Mã tem;Ghi chú\n"${CODE}";thùng 1\r\nhttps://ocop.example.vn/S/${CODE.toLowerCase()}?lang=en\tx\n\n,,,\n`;
    const { codes, skipped } = codesFromText(text);
    expect(codes).toEqual([CODE, `https://ocop.example.vn/S/${CODE.toLowerCase()}?lang=en`]);
    expect(skipped).toEqual(['Mã', 'tem', 'Ghi', 'chú', 'thùng', '1', 'x']);
  });

  it('keeps a stamp URL whose code is damaged (it deserves a forged verdict) but not loose words', () => {
    expect(codesFromText('https://ocop.example.vn/S/GARBLED-CODE').codes).toEqual([
      'https://ocop.example.vn/S/GARBLED-CODE',
    ]);
    expect(codesFromText('ABC123 hello 42').codes).toEqual([]);
    expect(codesFromText('').codes).toEqual([]);
  });

  it('writes a CSV that spreadsheets open in UTF-8 and never run as formulas', () => {
    // Scanned at 23:30 UTC: 06:30 the next morning in Vietnam, the time the export must carry.
    const row: ExportRow = {
      scannedAt: '2026-11-23T23:30:00.000Z',
      code: '=HYPERLINK("http://evil")',
      serial: 7,
      status: 'valid',
      statusText: 'Tem chính hãng',
      product: 'Tinh dầu hồi, "Văn Quan"',
      stars: 4,
      producer: 'HTX',
      lot: 'L1',
      duplicate: true,
      offlineAsOf: null,
      suspicious: '',
    };
    const csv = sessionCsv([row], { header: INTAKE_TEXT.vi.csvHeader, yes: INTAKE_TEXT.vi.yes });
    expect(csv.startsWith('\uFEFFThời điểm quét,')).toBe(true);
    const line = csv.split('\r\n')[1]!;
    expect(line).toBe(
      `2026-11-24T06:30:00+07:00,"'=HYPERLINK(""http://evil"")",7,valid,Tem chính hãng,"Tinh dầu hồi, ""Văn Quan""",4,HTX,L1,có,,`,
    );
  });
});
