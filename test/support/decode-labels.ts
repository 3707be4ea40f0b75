import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LabelTemplate } from '../../src/labels/template-schema';

/**
 * Renders each label of a sheet PDF at `dpi` with pdftoppm (cropped to the label, as a scanner
 * sees one label) and decodes it with zbarimg. Returns the decoded text of every label, in order;
 * a label that does not decode is an empty string.
 */
export function decodeLabels(pdf: Uint8Array, t: LabelTemplate, labels: number, dpi = 300): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'ocop-decode-'));
  try {
    writeFileSync(join(dir, 'sheet.pdf'), pdf);
    const px = (mm: number) => Math.round((mm / 25.4) * dpi);
    const perSheet = t.grid.columns * t.grid.rows;
    const files: string[] = [];
    for (let i = 0; i < labels; i++) {
      const page = Math.floor(i / perSheet) + 1;
      const cell = i % perSheet;
      const x = t.grid.marginLeftMm + (cell % t.grid.columns) * (t.label.widthMm + t.grid.gapXMm);
      const y = t.grid.marginTopMm + Math.floor(cell / t.grid.columns) * (t.label.heightMm + t.grid.gapYMm);
      const out = join(dir, `label-${String(i).padStart(5, '0')}`);
      execFileSync('pdftoppm', [
        '-r',
        String(dpi),
        '-png',
        '-singlefile',
        '-f',
        String(page),
        '-l',
        String(page),
        '-x',
        String(px(x)),
        '-y',
        String(px(y)),
        '-W',
        String(px(t.label.widthMm)),
        '-H',
        String(px(t.label.heightMm)),
        join(dir, 'sheet.pdf'),
        out,
      ]);
      files.push(`${out}.png`);
    }
    const decoded = new Map<string, string>();
    // zbarimg exits 4 when some image has no code; its output still lists the ones it read.
    let output = '';
    try {
      output = execFileSync('zbarimg', ['--raw', '-q', '-Sdisable', '-Sqrcode.enable', ...files], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      });
    } catch (error) {
      output = (error as { stdout?: string }).stdout ?? '';
    }
    // With --raw zbarimg prints one line per symbol, in file order; map them back by decoding singly when counts differ.
    const lines = output.split('\n').filter(Boolean);
    if (lines.length === files.length) return lines;
    for (const file of files) {
      try {
        decoded.set(
          file,
          execFileSync('zbarimg', ['--raw', '-q', '-Sdisable', '-Sqrcode.enable', file], {
            encoding: 'utf8',
            stdio: ['ignore', 'pipe', 'ignore'],
          }).trim(),
        );
      } catch {
        decoded.set(file, '');
      }
    }
    return files.map((f) => decoded.get(f)!);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function pdfText(pdf: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'ocop-text-'));
  try {
    writeFileSync(join(dir, 'a.pdf'), pdf);
    return execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'a.pdf'), '-'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Every QR on the PDF's first page, rendered as a printer would and read by zbarimg. */
export function qrOnFirstPage(pdf: Uint8Array): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'ocop-receipt-'));
  try {
    writeFileSync(join(dir, 'r.pdf'), pdf);
    execFileSync('pdftoppm', ['-r', '150', '-png', '-f', '1', '-l', '1', join(dir, 'r.pdf'), join(dir, 'page')]);
    const [png] = readdirSync(dir).filter((f) => f.endsWith('.png'));
    return execFileSync('zbarimg', ['--raw', '-q', '-Sdisable', '-Sqrcode.enable', join(dir, png!)], {
      encoding: 'utf8',
    })
      .trim()
      .split('\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
