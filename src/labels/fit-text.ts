import type { PDFFont } from 'pdf-lib';

/**
 * The largest size from max down to min (in 0.25 pt steps) at which the text fits the width in at
 * most `maxLines` lines, breaking at spaces; at the minimum size what still does not fit ends in
 * an ellipsis. The result never runs past its box.
 */
export function fitText(font: PDFFont, text: string, widthPt: number, maxPt: number, minPt: number, maxLines = 1) {
  for (let size = maxPt; size >= minPt - 1e-9; size -= 0.25) {
    const lines = wrap(font, text, widthPt, size);
    if (lines.length <= maxLines && lines.every((l) => font.widthOfTextAtSize(l, size) <= widthPt)) return { size, lines };
  }
  const lines = wrap(font, text, widthPt, minPt).slice(0, maxLines);
  lines[lines.length - 1] = ellipsize(font, lines.slice(-1)[0]! + (wrap(font, text, widthPt, minPt).length > maxLines ? '…' : ''), widthPt, minPt);
  return { size: minPt, lines };
}

function wrap(font: PDFFont, text: string, widthPt: number, size: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && font.widthOfTextAtSize(candidate, size) > widthPt) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  return line ? [...lines, line] : lines;
}

function ellipsize(font: PDFFont, text: string, widthPt: number, size: number): string {
  if (font.widthOfTextAtSize(text, size) <= widthPt) return text;
  let cut = text.replace(/…$/, '');
  while (cut.length > 1 && font.widthOfTextAtSize(`${cut}…`, size) > widthPt) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}
