import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { labelCorner } from '../../src/labels/label-geometry';
import type { LabelTemplate } from '../../src/labels/template-schema';

/** A 1-bit image, one byte a pixel here: 1 black, 0 white. */
export type MonoImage = { width: number; height: number; black: Uint8Array };

/**
 * Every page as a printer driver sees it: Ghostscript's 1-bit device at `dpi`, which blackens
 * every pixel a shape touches (the rule CUPS filters print with), no anti-aliasing.
 */
export function printPages(pdf: Uint8Array, dpi: number): MonoImage[] {
  const dir = mkdtempSync(join(tmpdir(), 'ocop-print-'));
  try {
    writeFileSync(join(dir, 'sheet.pdf'), pdf);
    execFileSync('gs', [
      '-q',
      '-dSAFER',
      '-dBATCH',
      '-dNOPAUSE',
      '-sDEVICE=pbmraw',
      `-r${dpi}`,
      `-sOutputFile=${join(dir, 'page-%04d.pbm')}`,
      join(dir, 'sheet.pdf'),
    ]);
    return readdirSync(dir)
      .filter((f) => f.endsWith('.pbm'))
      .sort()
      .map((f) => parsePbm(readFileSync(join(dir, f))));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Binary PBM (P4): a header of magic, width and height (comments allowed), then rows of bits. */
export function parsePbm(bytes: Uint8Array): MonoImage {
  const fields: number[] = [];
  let at = 2;
  while (fields.length < 2) {
    while (bytes[at] === 0x20 || bytes[at] === 0x0a || bytes[at] === 0x0d || bytes[at] === 0x09) at++;
    if (bytes[at] === 0x23) {
      while (bytes[at] !== 0x0a) at++;
      continue;
    }
    let value = 0;
    while (bytes[at]! >= 0x30 && bytes[at]! <= 0x39) value = value * 10 + bytes[at++]! - 0x30;
    fields.push(value);
  }
  at++; // the single whitespace before the raster
  const [width, height] = fields as [number, number];
  const rowBytes = (width + 7) >> 3;
  const black = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) black[y * width + x] = (bytes[at + y * rowBytes + (x >> 3)]! >> (7 - (x & 7))) & 1;
  }
  return { width, height, black };
}

/** A part of an image, with a white border of `margin` pixels around it. */
export function crop(image: MonoImage, x0: number, y0: number, width: number, height: number, margin = 16): MonoImage {
  const out: MonoImage = {
    width: width + 2 * margin,
    height: height + 2 * margin,
    black: new Uint8Array((width + 2 * margin) * (height + 2 * margin)),
  };
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const sx = x0 + x;
      const sy = y0 + y;
      if (sx >= 0 && sy >= 0 && sx < image.width && sy < image.height)
        out.black[(y + margin) * out.width + x + margin] = image.black[sy * image.width + sx]!;
    }
  }
  return out;
}

/** Each label of a sheet cut out of its printed page, in order, with the QR box's place in it. */
export function printedLabels(
  pdf: Uint8Array,
  t: LabelTemplate,
  labels: number,
): { label: MonoImage; qrBox: { x: number; y: number; size: number } }[] {
  const dpi = t.printerDpi;
  const px = (mm: number) => Math.round((mm / 25.4) * dpi);
  const pages = printPages(pdf, dpi);
  const perSheet = t.grid.columns * t.grid.rows;
  const margin = 16;
  return Array.from({ length: labels }, (_, i) => {
    const { leftMm, topMm } = labelCorner(t, i);
    const label = crop(
      pages[Math.floor(i / perSheet)]!,
      px(leftMm),
      px(topMm),
      px(t.label.widthMm),
      px(t.label.heightMm),
      margin,
    );
    return { label, qrBox: { x: margin + px(t.qr.xMm), y: margin + px(t.qr.yMm), size: px(t.qr.sizeMm) } };
  });
}

export function decodeWithJsQr(image: MonoImage): string {
  const rgba = new Uint8ClampedArray(image.width * image.height * 4);
  for (let i = 0; i < image.black.length; i++) {
    const v = image.black[i] ? 0 : 255;
    rgba[4 * i] = v;
    rgba[4 * i + 1] = v;
    rgba[4 * i + 2] = v;
    rgba[4 * i + 3] = 255;
  }
  return jsQR(rgba, image.width, image.height, { inversionAttempts: 'dontInvert' })?.data ?? '';
}

/** zbarimg on each image (written as 8-bit PGM), in order; '' where it reads nothing. */
export function decodeWithZbar(images: MonoImage[]): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'ocop-zbar-'));
  const zbar = (files: string[]) => {
    try {
      return execFileSync('zbarimg', ['--raw', '-q', '-Sdisable', '-Sqrcode.enable', ...files], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      });
    } catch (error) {
      return (error as { stdout?: string }).stdout ?? ''; // exit 4: some image had no code
    }
  };
  try {
    const files = images.map((image, i) => {
      const file = join(dir, `label-${String(i).padStart(5, '0')}.pgm`);
      writeFileSync(
        file,
        Buffer.concat([
          Buffer.from(`P5\n${image.width} ${image.height}\n255\n`),
          image.black.map((b) => (b ? 0 : 255)),
        ]),
      );
      return file;
    });
    // One line a symbol, in file order: when every image gave one, they map back one to one.
    const lines = zbar(files).split('\n').filter(Boolean);
    return lines.length === files.length ? lines : files.map((file) => zbar([file]).trim());
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The lengths, in pixels, of the dark runs along the first row of the QR box that has any dark
 * pixel: the top edges of the two upper finder patterns come first and last, seven modules each.
 */
export function topFinderRuns(label: MonoImage, box: { x: number; y: number; size: number }): number[] {
  for (let y = box.y; y < box.y + box.size; y++) {
    const runs: number[] = [];
    let run = 0;
    for (let x = box.x; x <= box.x + box.size; x++) {
      if (x < box.x + box.size && label.black[y * label.width + x]) run++;
      else if (run) {
        runs.push(run);
        run = 0;
      }
    }
    if (runs.length) return runs;
  }
  return [];
}
