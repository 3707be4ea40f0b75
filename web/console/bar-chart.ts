import { html, type Html } from '../view';

export type Bar = { label: string; value: number };

const WIDTH = 360; // the viewBox: drawn at 1:1 on a 390 px phone inside the page's padding
const ROW = 38; // a label line, then its bar
const BAR = 14;
const VALUE_ROOM = 64; // room right of the longest bar for its figure

const figure = (n: number) => n.toLocaleString('vi-VN');

/**
 * A horizontal bar chart drawn on the server as SVG: no script, no request elsewhere. Labels sit
 * on their own line above each bar, so long Vietnamese names fit a phone's width. The SVG is one
 * image for assistive technology (its title and description), and the table after it holds the
 * same figures as text.
 */
export function barChart(spec: {
  id: string;
  title: string;
  description: string;
  bars: readonly Bar[];
  columns: { what: string; count: string };
}): Html {
  const { id, bars } = spec;
  const most = Math.max(1, ...bars.map((b) => b.value));
  const height = Math.max(ROW, bars.length * ROW);
  const scale = (WIDTH - VALUE_ROOM) / most;
  return html`<figure class="chart" data-chart="${id}">
<svg role="img" aria-labelledby="${id}-title ${id}-desc" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" xmlns="http://www.w3.org/2000/svg">
<title id="${id}-title">${spec.title}</title><desc id="${id}-desc">${spec.description}</desc>
${bars.map((b, i) => {
  const y = i * ROW;
  const w = Math.round(b.value * scale);
  return html`<g><text x="0" y="${y + 12}" font-size="13" fill="#1b1b1b">${b.label}</text>
<rect x="0" y="${y + 17}" width="${Math.max(w, b.value > 0 ? 2 : 0)}" height="${BAR}" fill="#14532d"></rect>
<text x="${w + 6}" y="${y + 29}" font-size="13" fill="#1b1b1b">${figure(b.value)}</text></g>`;
})}
</svg>
<figcaption id="${id}-caption">${spec.title}</figcaption>
<div class="scroll"><table aria-labelledby="${id}-caption" data-chart-table="${id}"><thead><tr><th scope="col">${spec.columns.what}</th><th scope="col">${spec.columns.count}</th></tr></thead>
<tbody>${bars.map((b) => html`<tr><th scope="row">${b.label}</th><td data-value="${b.value}">${figure(b.value)}</td></tr>`)}</tbody></table></div>
</figure>`;
}
