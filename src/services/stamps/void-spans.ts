/** A run of serials, both ends included. */
export type SerialSpan = { first: number; last: number };

export const MAX_VOID_SPANS = 500;

/**
 * What a producer types to name misprints: serials and ranges, separated by commas, semicolons
 * or spaces ("1000001, 1000005-1000010", "1000005 – 1000010"). Sorted and merged; a token that
 * is not a serial or a range, or a range that runs backwards, is returned as a problem instead.
 */
export function parseSerialSpans(text: string): { spans: SerialSpan[] } | { problem: string } {
  const tokens = text
    .replace(/\s*[-–—]\s*/g, '-')
    .split(/[\s,;]+/)
    .filter(Boolean);
  if (tokens.length === 0)
    return { problem: 'Ghi số sê-ri hoặc dải sê-ri cần vô hiệu, ví dụ 1000001, 1000005-1000010.' };
  if (tokens.length > MAX_VOID_SPANS) return { problem: `Tối đa ${MAX_VOID_SPANS} số sê-ri hoặc dải một lần.` };
  const spans: SerialSpan[] = [];
  for (const token of tokens) {
    const m = /^(\d{1,15})(?:-(\d{1,15}))?$/.exec(token);
    if (!m)
      return {
        problem: `Không hiểu “${token.slice(0, 40)}”: ghi số sê-ri hoặc dải như 1000005-1000010, cách nhau bằng dấu phẩy.`,
      };
    const first = Number(m[1]);
    const last = Number(m[2] ?? m[1]);
    if (last < first) return { problem: `Dải ${first}-${last} chạy ngược: số đầu phải nhỏ hơn hoặc bằng số cuối.` };
    spans.push({ first, last });
  }
  return { spans: mergeSpans(spans) };
}

export function mergeSpans(spans: SerialSpan[]): SerialSpan[] {
  const merged: SerialSpan[] = [];
  for (const s of [...spans].sort((a, b) => a.first - b.first)) {
    const last = merged.at(-1);
    if (last && s.first <= last.last + 1) last.last = Math.max(last.last, s.last);
    else merged.push({ ...s });
  }
  return merged;
}

/** The parts of `spans` outside first..last. */
export function spansOutside(spans: SerialSpan[], first: number, last: number): SerialSpan[] {
  return spans.flatMap((s) => [
    ...(s.first < first ? [{ first: s.first, last: Math.min(s.last, first - 1) }] : []),
    ...(s.last > last ? [{ first: Math.max(s.first, last + 1), last: s.last }] : []),
  ]);
}

/** How many serials of `spans` (merged) also lie in `other`. */
export function overlapCount(spans: SerialSpan[], other: SerialSpan[]): number {
  const merged = mergeSpans(other);
  let n = 0;
  for (const a of spans)
    for (const b of merged) n += Math.max(0, Math.min(a.last, b.last) - Math.max(a.first, b.first) + 1);
  return n;
}

export const countSerials = (spans: SerialSpan[]) => spans.reduce((n, s) => n + s.last - s.first + 1, 0);

/** "1000001, 1000005–1000010": how the pages and messages name serials. */
export const formatSpans = (spans: SerialSpan[]) =>
  spans.map((s) => (s.first === s.last ? String(s.first) : `${s.first}–${s.last}`)).join(', ');
