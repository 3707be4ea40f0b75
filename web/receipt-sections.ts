import { PROVINCES } from '../src/data/provinces';
import { statusTone, VERDICT_STATUSES } from '../src/domain/verdict';
import type { PublicReceipt } from '../src/services/intake/read-receipt';
import { vietnamTime } from './format';
import { STATUS_TEXT, type Lang } from './i18n';
import { RECEIPT_TEXT } from './intake-receipt-text';
import { qrSvg } from './qr-matrix';
import { html, type Html } from './view';

/**
 * The parts of a receipt every page shows alike (the retailer's printable page and the public
 * check): what the signature check found, the facts, the QR, the counts, and every code.
 */
export const RECEIPT_CSS = `.signature{padding:.6rem .8rem;border-radius:.4rem;font-weight:600}.signature.valid{background:#e6f4ea;color:#0d5223}
.signature.key_compromised,.signature.invalid{background:#fde8e7;color:#8c1d18;border-left:4px solid #8c1d18}
.receipt-head{display:flex;flex-wrap:wrap;gap:1rem;justify-content:space-between;align-items:flex-start}
.receipt-head dl{flex:1 1 22rem;display:grid;grid-template-columns:minmax(8rem,14rem) 1fr;gap:.15rem .8rem;margin:0}.receipt-head dt{font-weight:600}
.receipt-head dd{margin:0}.receipt-head figure{margin:0 auto;text-align:center;max-width:11rem}.receipt-head figcaption{font-size:.8rem}.receipt-head figcaption a{word-break:break-all}
@media(max-width:30rem){.receipt-head dl{grid-template-columns:1fr}.receipt-head dd{margin-bottom:.35rem}}
.counts{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.4rem}.counts li{padding:.2rem .6rem;border-radius:1rem;font-weight:600;border:1px solid currentColor}
.ok{color:#0d5223}.warning{color:#7a4100}.danger{color:#8c1d18}.codes-wrap{overflow-x:auto}.codes td code{font-size:.85rem}.codes .note{display:block;font-size:.85rem}
@media print{.no-print,header,.skip,dialog{display:none!important}body{background:#fff}main{max-width:none;padding:0}
.receipt-head figure{break-inside:avoid}tr{break-inside:avoid}}`;

export function signatureNotice(r: PublicReceipt, lang: Lang): Html {
  const t = RECEIPT_TEXT[lang];
  return html`<p class="signature ${r.signature}" ${r.signature === 'valid' ? '' : html`role="alert"`} data-signature="${r.signature}">${t.signature[r.signature]}
${r.signature === 'valid' ? html`<br><small>${t.signedWith(r.kid)}</small>` : ''}</p>`;
}

/** Facts, QR and counts. `account`: the name of who recorded it, shown to its owner only. */
export function receiptHead(r: PublicReceipt, lang: Lang, account?: string): Html {
  const t = RECEIPT_TEXT[lang];
  const total = r.items.length;
  return html`<div class="receipt-head"><dl>
<dt>${t.number}</dt><dd><code>${r.id}</code></dd>
<dt>${t.pointOfSale}</dt><dd>${r.pointOfSale}</dd>
${account !== undefined ? html`<dt>${t.account}</dt><dd>${account}</dd>` : ''}
<dt>${t.province}</dt><dd>${PROVINCES[r.provinceCode]?.[lang] ?? r.provinceCode}</dd>
<dt>${t.started}</dt><dd>${vietnamTime(r.startedAt)}</dd>
<dt>${t.recorded}</dt><dd>${vietnamTime(r.issuedAt)}</dd>
<dt>${t.total}</dt><dd>${total}</dd></dl>
<figure>${qrSvg(r.verifyUrl, t.qrCaption, '10rem')}<figcaption>${t.qrCaption}<br><a href="${r.verifyUrl}">${r.verifyUrl}</a></figcaption></figure></div>
<h2>${t.counts}</h2><ul class="counts" aria-label="${t.counts}">
${VERDICT_STATUSES.filter((s) => r.summary[s]).map((s) => html`<li class="${statusTone(s)}" data-status="${s}">${STATUS_TEXT[lang][s].title}: ${r.summary[s]}</li>`)}</ul>`;
}

export function receiptCodes(r: PublicReceipt, lang: Lang): Html {
  const t = RECEIPT_TEXT[lang];
  return html`<h2>${t.codes}</h2><div class="codes-wrap"><table class="codes"><thead><tr><th scope="col">${t.position}</th><th scope="col">${t.code}</th>
<th scope="col">${t.serial}</th><th scope="col">${t.verdict}</th><th scope="col">${t.scannedAt}</th></tr></thead><tbody>
${r.items.map(
  (
    item,
    i,
  ) => html`<tr data-status="${item.status}"><td>${i + 1}</td><td><code>${item.code}</code></td><td>${item.serial ?? '—'}</td>
<td class="${statusTone(item.status)}"><strong>${STATUS_TEXT[lang][item.status].title}</strong>
${item.suspicious ? html`<span class="note">⚠ ${t.suspicious}</span>` : ''}
${item.offlineStatus && item.offlineStatus !== item.status ? html`<span class="note">${t.offlineShown(STATUS_TEXT[lang][item.offlineStatus].title)}</span>` : ''}</td>
<td>${vietnamTime(item.scannedAt)}</td></tr>`,
)}</tbody></table></div>`;
}
