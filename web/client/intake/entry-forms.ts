/**
 * Three of the four ways codes come in: a handheld scanner (a keyboard that ends with Enter),
 * a paste of many codes, and a CSV file. The camera is camera-toggle.ts.
 */
import { codesFromText, MAX_CSV_BYTES } from './codes-io';
import { t } from './lang';
import { $, announce, showError } from './page';
import type { Row } from './session-store';

export type AddCodes = (codes: string[], source: Row['source']) => Promise<void>;

export function wireEntryForms(addCodes: AddCodes): void {
  const scan = $<HTMLInputElement>('#scan-input');
  $('#scan-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const code = scan.value.trim();
    scan.value = '';
    scan.focus();
    if (code) void addCodes([code], 'scanner');
  });

  $('#paste-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const area = $<HTMLTextAreaElement>('#paste-input');
    const { codes, skipped } = codesFromText(area.value);
    if (codes.length === 0) return showError(t.noCodesPasted);
    area.value = '';
    void addCodes(codes, 'paste').then(() => skipped.length && announce(t.skipped(skipped.length)));
  });

  $<HTMLInputElement>('#csv-input').addEventListener('change', async (event) => {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    if (file.size > MAX_CSV_BYTES) return showError(t.csvTooBig);
    const { codes, skipped } = codesFromText(await file.text());
    if (codes.length === 0) return showError(t.csvEmpty(file.name));
    await addCodes(codes, 'csv');
    $('#csv-result').textContent = t.csvRead(codes.length, file.name, skipped.length);
  });
}
