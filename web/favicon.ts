/**
 * The site icon: a gold star on the console's green, as SVG for browsers that take it and as a
 * 32×32 ICO drawn from the same shapes for those that ask for /favicon.ico. Drawn here rather
 * than committed as a binary, so both forms stay the same picture.
 */

const GREEN = [0x14, 0x53, 0x2d] as const;
const GOLD = [0xf2, 0xb7, 0x05] as const;

/** A five-pointed star in a 64×64 box, as polygon points. */
function starPoints(cx = 32, cy = 33.5, outer = 23, inner = 9.5): [number, number][] {
  return Array.from({ length: 10 }, (_, i) => {
    const r = i % 2 === 0 ? outer : inner;
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    return [Math.round((cx + r * Math.cos(a)) * 10) / 10, Math.round((cy + r * Math.sin(a)) * 10) / 10];
  });
}

const STAR = starPoints();

export const FAVICON_SVG =
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="14" fill="#14532d"/>` +
  `<path fill="#f2b705" d="M${STAR.map(([x, y]) => `${x} ${y}`).join('L')}Z"/></svg>`;

function insideStar(x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = STAR.length - 1; i < STAR.length; j = i++) {
    const [xi, yi] = STAR[i]!;
    const [xj, yj] = STAR[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function insideRoundedSquare(x: number, y: number, size = 64, radius = 14): boolean {
  const dx = Math.max(radius - x, 0, x - (size - radius));
  const dy = Math.max(radius - y, 0, y - (size - radius));
  return dx * dx + dy * dy <= radius * radius;
}

/** One pixel's colour (BGRA), averaged over 4×4 samples so the edges are smooth. */
function pixel(px: number, py: number, scale: number): [number, number, number, number] {
  let alpha = 0;
  let gold = 0;
  for (let sy = 0; sy < 4; sy++) {
    for (let sx = 0; sx < 4; sx++) {
      const x = (px + (sx + 0.5) / 4) * scale;
      const y = (py + (sy + 0.5) / 4) * scale;
      if (!insideRoundedSquare(x, y)) continue;
      alpha++;
      if (insideStar(x, y)) gold++;
    }
  }
  const mix = (c: number) => Math.round(alpha ? (GREEN[c]! * (alpha - gold) + GOLD[c]! * gold) / alpha : 0);
  return [mix(2), mix(1), mix(0), Math.round((alpha / 16) * 255)];
}

let ico: Uint8Array<ArrayBuffer> | null = null;

/** A 32×32, 32-bit ICO (one BMP image with its alpha channel), built once. */
export function faviconIco(): Uint8Array<ArrayBuffer> {
  if (ico) return ico;
  const size = 32;
  const pixels = size * size * 4;
  const mask = size * 4; // 1 bit a pixel, rows padded to 4 bytes; all zero, alpha decides
  const bytes = new Uint8Array(6 + 16 + 40 + pixels + mask);
  const view = new DataView(bytes.buffer);
  view.setUint16(2, 1, true); // an icon
  view.setUint16(4, 1, true); // one image
  bytes[6] = size;
  bytes[7] = size;
  view.setUint16(10, 1, true); // planes
  view.setUint16(12, 32, true); // bits a pixel
  view.setUint32(14, 40 + pixels + mask, true);
  view.setUint32(18, 22, true);
  view.setUint32(22, 40, true); // BITMAPINFOHEADER
  view.setInt32(26, size, true);
  view.setInt32(30, size * 2, true); // colour and mask, stacked
  view.setUint16(34, 1, true);
  view.setUint16(36, 32, true);
  view.setUint32(42, pixels + mask, true);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const row = size - 1 - y; // BMP rows run bottom-up
      bytes.set(pixel(x, y, 64 / size), 62 + (row * size + x) * 4);
    }
  }
  ico = bytes;
  return bytes;
}
