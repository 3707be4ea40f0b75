import { vietnamTime } from '../format';
import { html, raw, type Html } from '../view';
import type { Lang } from '../i18n';
import { receiptLinks } from '../intake-receipt-links';
import { INTAKE_TEXT } from '../intake-text';

/** Receipts as the server knows them; the page script adds new ones as sessions sync. */
export type ReceiptRow = { id: string; recordedAt: Date; pointOfSale: string; itemCount: number };

// Phone first: one column, big touch targets; colour is never the only signal (icon and words too).
// While the camera runs, the scan panel sits at the top of the screen with a compact preview, and
// the session's tally (sticky) and newest results follow right under it: a clerk holding packs up
// to the phone sees each verdict without scrolling.
const INTAKE_CSS = `.net{padding:.5rem .7rem;border-radius:.4rem;margin:.4rem 0}.net.online{background:#e8f5e9}.net.offline{background:#fff4e5;border-left:4px solid #b26a00}
.scan-panel{margin:.6rem 0;padding:.7rem;scroll-margin-top:0}.scan-panel .field{margin:0 0 .5rem}.scan-row{display:flex;gap:.5rem}.scan-row input{flex:1;min-width:0}
.camera-row{display:flex;gap:.3rem .7rem;align-items:center}.camera-row p{margin:0;font-size:.85rem}#camera-toggle{white-space:nowrap}.camera-on #scan-hint{display:none}
video{width:100%;height:min(26vh,14rem);object-fit:cover;background:#111;border-radius:.4rem;display:block;margin:.5rem 0 0}video[hidden]{display:none}
.session-bar{position:sticky;top:0;z-index:2;background:#f4f5f2;padding:.3rem 0;border-bottom:1px solid #ccc}
.session-bar .head{display:flex;flex-wrap:wrap;align-items:baseline;gap:0 .8rem}.session-bar h2{font-size:1.1rem;margin:0}.session-bar p{margin:0}
.session-bar button{font-size:.85rem;padding:.55rem .6rem}#announce{font-size:.85rem;margin:.3rem 0}
#tally{list-style:none;padding:0;margin:.2rem 0;display:flex;flex-wrap:wrap;gap:.3rem}#tally li{padding:.1rem .55rem;border-radius:1rem;font-weight:600}
.ok{background:#e6f4ea;color:#0d5223}.warning{background:#fff4e5;color:#7a4100}.danger{background:#fde8e7;color:#8c1d18}
#results{list-style:none;padding:0;margin:.3rem 0}.result{display:flex;gap:.7rem;padding:.5rem;border-radius:.5rem;margin:.35rem 0;border:2px solid currentColor}
.result .icon{font-size:1.6rem;font-weight:700;min-width:1.8rem;text-align:center}.result strong{display:block}.result .facts{display:block}
.result code{font-size:.75rem;color:#333}.notes{margin:.3rem 0 0;padding-left:1.1rem}button:disabled{opacity:.5;cursor:not-allowed}
.actions{display:flex;flex-wrap:wrap;gap:.5rem;margin:.3rem 0}.session-state{background:#eef3fb;border-left:4px solid #0b5394;padding:.5rem .7rem}
.session-state a{margin-right:.7rem}.worse{background:#fde8e7;color:#5e1310;border:3px solid #8c1d18;border-radius:.5rem;padding:.7rem 1rem;margin:.6rem 0}
.worse h2{font-size:1.15rem;margin:0 0 .3rem}.worse li{margin:.3rem 0}.worse code{font-size:.75rem}.worse button{background:#8c1d18}
.inputs{display:grid;gap:.8rem}.inputs .card{margin:0}.table-wrap{overflow-x:auto}.receipt-links a{display:inline-block;margin:0 .6rem .2rem 0}
@media(min-width:60rem){.inputs{grid-template-columns:1fr 1fr}}`;

export function intakePage(receipts: ReceiptRow[], defaultPointOfSale: string, lang: Lang, account: string): Html {
  const t = INTAKE_TEXT[lang];
  // raw: INTAKE_CSS is a constant of this file, and CSS must not be entity-escaped.
  return html`<style>${raw(INTAKE_CSS)}</style>
<p><a href="?lang=${t.switchHref}" hreflang="${t.switchHref}" lang="${t.switchHref}">${t.switchLang}</a></p>
<p id="net" class="net online" role="status" data-intake-account="${account}">${t.loading}</p>
<p id="sync" role="status" aria-live="polite"></p>
<section id="worse" class="worse" role="alert" aria-labelledby="worse-title" hidden><h2 id="worse-title"></h2><p>${t.worseAdvice}</p>
<ul id="worse-list"></ul><button type="button" id="worse-dismiss">${t.worseDismiss}</button></section>
<p id="intake-error" class="error" role="alert" hidden></p>
<div class="field"><label for="point-of-sale">${t.pointOfSale} *</label>
<input id="point-of-sale" name="pointOfSale" required maxlength="200" value="${defaultPointOfSale}" autocomplete="on"></div>

<section id="scan-panel" class="card scan-panel" aria-label="${t.scanTitle}">
<form id="scan-form" autocomplete="off"><div class="field"><label for="scan-input">${t.scanLabel}</label>
<div class="scan-row"><input id="scan-input" name="code" inputmode="url" autocapitalize="characters" spellcheck="false" aria-describedby="scan-hint">
<button type="submit">${t.check}</button></div><div class="hint" id="scan-hint">${t.scanHint}</div></div></form>
<div class="camera-row"><button type="button" id="camera-toggle" aria-pressed="false">${t.cameraOn}</button>
<p id="camera-status" class="hint" role="status"></p></div>
<video id="camera" muted playsinline aria-label="${t.cameraFrame}" hidden></video></section>

<section id="session" aria-labelledby="session-title">
<div class="session-bar"><div class="head"><h2 id="session-title">${t.results}</h2>
<p id="tally-total" role="status" aria-live="polite"></p></div><ul id="tally" aria-label="${t.tallyLabel}"></ul>
<div class="actions"><button type="button" id="finish" disabled>${t.finish}</button>
<button type="button" id="export" class="secondary" disabled>${t.exportCsv}</button></div></div>
<p id="session-state" class="session-state" hidden></p>
<progress id="progress" hidden aria-label="${t.progressLabel}"></progress><p id="progress-text" role="status" aria-live="polite"></p>
<p id="announce" class="hint" role="status" aria-live="assertive"></p>
<ol id="results" aria-label="${t.resultsLabel}"></ol></section>

<div class="inputs">
<form id="paste-form" class="card"><div class="field"><label for="paste-input">${t.pasteLabel}</label>
<textarea id="paste-input" rows="4" spellcheck="false" aria-describedby="paste-hint"></textarea>
<div class="hint" id="paste-hint">${t.pasteHint}</div></div>
<button type="submit">${t.checkList}</button></form>

<section class="card"><div class="field"><label for="csv-input">${t.csvLabel}</label>
<input id="csv-input" type="file" accept=".csv,text/csv,text/plain" aria-describedby="csv-hint">
<div class="hint" id="csv-hint">${t.csvHint}</div></div>
<p id="csv-result" role="status"></p></section>
</div>

<h2>${t.receipts}</h2>
<p class="hint">${t.receiptsHint} <a href="/.well-known/jwks.json">JWKS</a>.</p>
<div class="table-wrap"><table id="receipts"><thead><tr><th scope="col">${t.recordedAt}</th><th scope="col">${t.pointOfSale}</th><th scope="col">${t.codes}</th><th scope="col">${t.receipt}</th></tr></thead>
<tbody>${receipts.length === 0 ? html`<tr class="empty"><td colspan="4">${t.noReceipts}</td></tr>` : ''}
${receipts.map(
  (r) => html`<tr><td>${vietnamTime(r.recordedAt)}</td><td>${r.pointOfSale}</td><td>${r.itemCount}</td>
<td>${receiptCell(r.id, lang)}</td></tr>`,
)}</tbody></table></div>`;
}

function receiptCell(id: string, lang: Lang): Html {
  const t = INTAKE_TEXT[lang];
  const links = receiptLinks(id);
  return html`<span class="receipt-links"><a href="${links.page}${lang === 'en' ? '?lang=en' : ''}">${t.viewReceipt}</a><a href="${links.pdf}" download>${t.pdf}</a><a href="${links.jws}" download>${t.download}</a></span>`;
}
