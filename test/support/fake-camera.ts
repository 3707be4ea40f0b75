import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LabelTemplate } from '../../src/labels/template-schema';

const WIDTH = 640;
const HEIGHT = 480;

/** Parses a binary PGM (P5, 8-bit), which is what `pdftoppm -gray` writes. */
function readPgm(file: string): { width: number; height: number; pixels: Uint8Array } {
  const data = readFileSync(file);
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(data.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error(`${file} is not an 8-bit PGM`);
  const width = Number(header[1]);
  const height = Number(header[2]);
  return { width, height, pixels: data.subarray(header[0].length, header[0].length + width * height) };
}

/**
 * A Y4M video for Chromium's fake camera (`--use-file-for-fake-video-capture`) that shows the
 * labels of a printed sheet one after another, each for `framesEach` frames at 10 fps, the way a
 * retailer holds packs up to a phone. Each label is rendered from the real PDF by poppler.
 */
export function labelSheetVideo(
  pdf: Uint8Array,
  t: LabelTemplate,
  labels: number,
  file: string,
  dpi = 200,
  framesEach = 12,
): void {
  const dir = mkdtempSync(join(tmpdir(), 'ocop-camera-'));
  try {
    writeFileSync(join(dir, 'sheet.pdf'), pdf);
    const px = (mm: number) => Math.round((mm / 25.4) * dpi);
    const chroma = Buffer.alloc((WIDTH / 2) * (HEIGHT / 2), 128);
    const blank = Buffer.alloc(WIDTH * HEIGHT, 235);
    const frames: Buffer[] = [];
    for (let i = 0; i < labels; i++) {
      const x = t.grid.marginLeftMm + (i % t.grid.columns) * (t.label.widthMm + t.grid.gapXMm);
      const y = t.grid.marginTopMm + Math.floor(i / t.grid.columns) * (t.label.heightMm + t.grid.gapYMm);
      const out = join(dir, `label-${i}`);
      execFileSync('pdftoppm', [
        '-r',
        String(dpi),
        '-gray',
        '-singlefile',
        '-f',
        '1',
        '-l',
        '1',
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
      const label = readPgm(`${out}.pgm`);
      const luma = Buffer.from(blank);
      const left = Math.floor((WIDTH - label.width) / 2);
      const top = Math.floor((HEIGHT - label.height) / 2);
      for (let row = 0; row < Math.min(label.height, HEIGHT); row++) {
        luma.set(
          label.pixels.subarray(row * label.width, row * label.width + Math.min(label.width, WIDTH)),
          (top + row) * WIDTH + Math.max(0, left),
        );
      }
      const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma, chroma]);
      for (let k = 0; k < framesEach; k++) frames.push(frame);
      // A moment of empty table between packs.
      const gap = Buffer.concat([Buffer.from('FRAME\n'), blank, chroma, chroma]);
      for (let k = 0; k < 4; k++) frames.push(gap);
    }
    writeFileSync(
      file,
      Buffer.concat([Buffer.from(`YUV4MPEG2 W${WIDTH} H${HEIGHT} F10:1 Ip A1:1 C420jpeg\n`), ...frames]),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
