import type { PublicReceipt } from '../src/services/intake/read-receipt';
import type { Lang } from './i18n';
import { RECEIPT_TEXT } from './intake-receipt-text';
import { RECEIPT_CSS, receiptCodes, receiptHead, signatureNotice } from './receipt-sections';
import { html, raw, type Html } from './view';

const PAGE_CSS = `*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1b1b;background:#f4f5f2}
main{max-width:56rem;margin:0 auto;padding:1rem}h1{font-size:1.4rem}table{border-collapse:collapse;width:100%;background:#fff}
th,td{text-align:left;padding:.4rem;border-bottom:1px solid #ddd;vertical-align:top}a{color:#0b5394}code{word-break:break-all}
footer{color:#555;font-size:.85rem;margin-top:2rem}`;

/**
 * The public page a receipt's QR opens: whether the service signed it, and what it says. No
 * script; the person who recorded it is not named (src/services/intake/read-receipt.ts).
 */
export function receiptCheckPage(r: PublicReceipt | null, lang: Lang, selfPath: string): Html {
  const t = RECEIPT_TEXT[lang];
  // raw: both style sheets are constants of this repository, and CSS must not be entity-escaped.
  return html`<!doctype html><html lang="${lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex">
<title>${t.checkTitle} · OCOP</title><style>${raw(PAGE_CSS)}${raw(RECEIPT_CSS)}</style></head><body><main>
<p class="no-print"><a href="${selfPath}?lang=${t.switchHref}" hreflang="${t.switchHref}" lang="${t.switchHref}">${t.switchLang}</a></p>
<h1>${t.checkTitle}</h1>
${
  r === null
    ? html`<p class="signature invalid" role="alert">${t.notFound}</p>`
    : html`${signatureNotice(r, lang)}
${r.signature === 'invalid' ? '' : html`${receiptHead(r, lang)}${receiptCodes(r, lang)}`}<p class="hint">${t.publicNote}</p>`
}
<footer>${t.footer}</footer></main></body></html>`;
}
