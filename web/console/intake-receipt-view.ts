import type { CheckedReceipt } from '../../src/services/intake/receipt-signature';
import type { Lang } from '../i18n';
import { receiptLinks } from '../intake-receipt-links';
import { RECEIPT_TEXT } from '../intake-receipt-text';
import { RECEIPT_CSS, receiptCodes, receiptHead, signatureNotice } from '../receipt-sections';
import { html, raw, type Html } from '../view';

/**
 * A receipt as its retailer keeps it: a page that prints on A4 (the console's header and buttons
 * drop out in print), with the PDF and the signed JWS beside it.
 */
export function intakeReceiptPage(r: CheckedReceipt, lang: Lang): Html {
  const t = RECEIPT_TEXT[lang];
  const links = receiptLinks(r.id);
  // raw: RECEIPT_CSS is a constant of web/receipt-sections.ts, and CSS must not be entity-escaped.
  return html`<style>${raw(RECEIPT_CSS)}</style>
<p class="no-print"><a href="${links.page}?lang=${t.switchHref}" hreflang="${t.switchHref}" lang="${t.switchHref}">${t.switchLang}</a></p>
<div class="no-print toolbar"><a class="button" href="${links.pdf}" download>${t.downloadPdf}</a>
<a href="${links.jws}" download>${t.downloadJws}</a> <a href="/console/intake/${lang === 'en' ? '?lang=en' : ''}">${t.back}</a></div>
<p class="hint no-print">${t.printHint}</p>
${signatureNotice(r, lang)}
${r.signature === 'invalid' ? '' : html`${receiptHead(r, lang, r.retailerName)}${receiptCodes(r, lang)}`}`;
}
