import QRCode from 'qrcode';
import { html, type Html } from './view';

/** A QR symbol's dark modules, row by row (level M), for pages and documents that draw it themselves. */
export type QrModules = { size: number; dark: (row: number, col: number) => boolean };

export function qrModules(text: string): QrModules {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  return { size: modules.size, dark: (row, col) => Boolean(modules.get(row, col)) };
}

/**
 * The symbol as one SVG path of unit squares (a run of dark modules in a row is one rectangle),
 * with the four-module quiet zone scanners need.
 */
export function qrSvg(text: string, label: string, sizeCss = '9rem'): Html {
  const qr = qrModules(text);
  const quiet = 4;
  let path = '';
  for (let r = 0; r < qr.size; r++) {
    for (let c = 0; c < qr.size; c++) {
      if (!qr.dark(r, c)) continue;
      let run = 1;
      while (c + run < qr.size && qr.dark(r, c + run)) run++;
      path += `M${c + quiet} ${r + quiet}h${run}v1h-${run}z`;
      c += run - 1;
    }
  }
  const side = qr.size + 2 * quiet;
  return html`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${side} ${side}" width="${sizeCss}" height="${sizeCss}" role="img"
aria-label="${label}" shape-rendering="crispEdges"><rect width="${side}" height="${side}" fill="#fff"/><path d="${path}" fill="#000"/></svg>`;
}
