/** What fitting needs of a font: pdf-lib's PDFFont has it, and so does the preview's measurer. */
export type TextMeasure = { widthOfTextAtSize(text: string, size: number): number };

/**
 * The largest size from max down to min (in 0.25 pt steps) at which the text fits the width in at
 * most `maxLines` lines, breaking at spaces; at the minimum size what still does not fit ends in
 * an ellipsis. The result never runs past its box.
 */
export function fitText(font: TextMeasure, text: string, widthPt: number, maxPt: number, minPt: number, maxLines = 1) {
  return fitParts(font, text.split(/\s+/).filter(Boolean), ' ', widthPt, maxPt, minPt, maxLines);
}

/**
 * `fitText` for text made of parts that break only between them (the dates: "NSX: …" and
 * "HSD: …"), joined by `joiner` when they share a line and by nothing when a line ends.
 */
export function fitParts(
  font: TextMeasure,
  parts: string[],
  joiner: string,
  widthPt: number,
  maxPt: number,
  minPt: number,
  maxLines = 1,
) {
  for (let size = maxPt; size >= minPt - 1e-9; size -= 0.25) {
    const lines = wrap(font, parts, joiner, widthPt, size);
    if (lines.length <= maxLines && lines.every((l) => font.widthOfTextAtSize(l, size) <= widthPt))
      return { size, lines };
  }
  const all = wrap(font, parts, joiner, widthPt, minPt);
  const lines = all.slice(0, maxLines);
  lines[lines.length - 1] = ellipsize(font, lines.slice(-1)[0]! + (all.length > maxLines ? '…' : ''), widthPt, minPt);
  return { size: minPt, lines };
}

function wrap(font: TextMeasure, parts: string[], joiner: string, widthPt: number, size: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const part of parts) {
    const candidate = line ? `${line}${joiner}${part}` : part;
    if (line && font.widthOfTextAtSize(candidate, size) > widthPt) {
      lines.push(line);
      line = part;
    } else {
      line = candidate;
    }
  }
  return line ? [...lines, line] : lines;
}

function ellipsize(font: TextMeasure, text: string, widthPt: number, size: number): string {
  if (font.widthOfTextAtSize(text, size) <= widthPt) return text;
  let cut = text.replace(/…$/, '');
  while (cut.length > 1 && font.widthOfTextAtSize(`${cut}…`, size) > widthPt) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}
