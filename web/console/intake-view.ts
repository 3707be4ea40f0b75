import { vietnamTime } from '../format';
import { html, raw, type Html } from '../view';
import type { Lang } from '../i18n';
import { INTAKE_TEXT } from '../intake-text';

/** Receipts as the server knows them; the page script adds new ones as sessions sync. */
export type ReceiptRow = { id: string; recordedAt: Date; pointOfSale: string; itemCount: number };

// Phone first: one column, big touch targets; colour is never the only signal (icon and words too).
const INTAKE_CSS = `.net{padding:.5rem .7rem;border-radius:.4rem;margin:.4rem 0}.net.online{background:#e8f5e9}.net.offline{background:#fff4e5;border-left:4px solid #b26a00}
.inputs{display:grid;gap:.8rem}.inputs .card{margin:0}video{width:100%;max-width:28rem;background:#111;border-radius:.4rem;display:block;margin:.5rem 0}
#tally{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.4rem}#tally li{padding:.25rem .6rem;border-radius:1rem;font-weight:600}
.ok{background:#e6f4ea;color:#0d5223}.warning{background:#fff4e5;color:#7a4100}.danger{background:#fde8e7;color:#8c1d18}
#results{list-style:none;padding:0}.result{display:flex;gap:.7rem;padding:.6rem;border-radius:.5rem;margin:.4rem 0;border:2px solid currentColor}
.result .icon{font-size:1.6rem;font-weight:700;min-width:1.8rem;text-align:center}.result strong{display:block}.result .facts{display:block}
.result code{font-size:.8rem;color:#333}.notes{margin:.3rem 0 0;padding-left:1.1rem}button:disabled{opacity:.5;cursor:not-allowed}
.actions{display:flex;flex-wrap:wrap;gap:.6rem;margin:1rem 0}@media(min-width:60rem){.inputs{grid-template-columns:1fr 1fr}}`;

export function intakePage(receipts: ReceiptRow[], defaultPointOfSale: string, lang: Lang, account: string): Html {
  const t = INTAKE_TEXT[lang];
  // raw: INTAKE_CSS is a constant of this file, and CSS must not be entity-escaped.
  return html`<style>${raw(INTAKE_CSS)}</style>
<p><a href="?lang=${t.switchHref}" hreflang="${t.switchHref}" lang="${t.switchHref}">${t.switchLang}</a></p>
<p id="net" class="net online" role="status" data-intake-account="${account}">${t.loading}</p>
<p id="sync" role="status" aria-live="polite"></p>
<p id="intake-error" class="error" role="alert" hidden></p>
<div class="field"><label for="point-of-sale">${t.pointOfSale} *</label>
<input id="point-of-sale" name="pointOfSale" required maxlength="200" value="${defaultPointOfSale}" autocomplete="on"></div>

<div class="inputs">
<form id="scan-form" class="card" autocomplete="off"><div class="field"><label for="scan-input">${t.scanLabel}</label>
<input id="scan-input" name="code" inputmode="url" autocapitalize="characters" spellcheck="false" aria-describedby="scan-hint">
<div class="hint" id="scan-hint">${t.scanHint}</div></div>
<button type="submit">${t.check}</button></form>

<section class="card" aria-labelledby="camera-title"><h2 id="camera-title">${t.camera}</h2>
<button type="button" id="camera-toggle" aria-pressed="false">${t.cameraOn}</button>
<video id="camera" muted playsinline aria-label="${t.cameraFrame}"></video><p id="camera-status" class="hint" role="status"></p></section>

<form id="paste-form" class="card"><div class="field"><label for="paste-input">${t.pasteLabel}</label>
<textarea id="paste-input" rows="4" spellcheck="false" aria-describedby="paste-hint"></textarea>
<div class="hint" id="paste-hint">${t.pasteHint}</div></div>
<button type="submit">${t.checkList}</button></form>

<section class="card"><div class="field"><label for="csv-input">${t.csvLabel}</label>
<input id="csv-input" type="file" accept=".csv,text/csv,text/plain" aria-describedby="csv-hint">
<div class="hint" id="csv-hint">${t.csvHint}</div></div>
<p id="csv-result" role="status"></p></section>
</div>

<progress id="progress" hidden aria-label="${t.progressLabel}"></progress><p id="progress-text" role="status" aria-live="polite"></p>

<h2>${t.results}</h2>
<p id="tally-total" role="status" aria-live="polite"></p><ul id="tally" aria-label="${t.tallyLabel}"></ul>
<div class="actions"><button type="button" id="finish" disabled>${t.finish}</button>
<button type="button" id="export" class="secondary" disabled>${t.exportCsv}</button></div>
<p id="announce" class="hint" role="status" aria-live="assertive"></p>
<ol id="results" aria-label="${t.resultsLabel}"></ol>

<h2>${t.receipts}</h2>
<p class="hint">${t.receiptsHint} <a href="/.well-known/jwks.json">JWKS</a>.</p>
<table id="receipts"><thead><tr><th scope="col">${t.recordedAt}</th><th scope="col">${t.pointOfSale}</th><th scope="col">${t.codes}</th><th scope="col">${t.receipt}</th></tr></thead>
<tbody>${receipts.length === 0 ? html`<tr class="empty"><td colspan="4">${t.noReceipts}</td></tr>` : ''}
${receipts.map((r) => html`<tr><td>${vietnamTime(r.recordedAt)}</td><td>${r.pointOfSale}</td><td>${r.itemCount}</td>
<td><a href="/api/v1/intakes/${r.id}/receipt" download>${t.download}</a></td></tr>`)}</tbody></table>`;
}
