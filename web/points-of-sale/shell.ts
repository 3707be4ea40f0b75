import { LABELS, type Lang } from '../i18n';
import { VERIFY_PAGE_CSS } from '../verify-page-css';
import { html, raw, type Html } from '../view';
import { WORDS } from '../words';

/** The verification page's sheet (system fonts, inline, phone-first) and the register's list and filter. */
const CSS = `${VERIFY_PAGE_CSS}
.filter{display:grid;gap:.6rem;grid-template-columns:1fr}.filter label{font-weight:600;display:block}
.filter select,.filter button{font:inherit;width:100%;padding:.5rem;border:1px solid #888;border-radius:.3rem}
.filter button{background:#14532d;color:#fff;border:0}@media (min-width:40rem){.filter{grid-template-columns:1fr 1fr auto;align-items:end}}
.points{list-style:none;margin:0;padding:0}.points h2 a{color:inherit}.badge{display:inline-block;padding:.1rem .5rem;border-radius:1rem;font-size:.85rem;font-weight:600}
.b-open{background:#e3f1e6;color:#14532d}.b-suspended{background:#fff4ce;color:#5c4200}.b-closed{background:#fde7e6;color:#8c1d18}
.pager{display:flex;justify-content:space-between;gap:1rem;margin:1rem 0}.pager a{padding:.5rem 0}
@media (prefers-color-scheme:dark){.filter select{background:#1d1d1d;color:#eee}}`;

/**
 * A public page of the points-of-sale register: Vietnamese first, a link to the same page in
 * English, no script. `self` is the page's path with its query (the language switch keeps it).
 */
export function registerShell(lang: Lang, title: string, self: string, body: Html): Html {
  const other = LABELS[lang].switchHref;
  const switchTo = `${self}${self.includes('?') ? '&' : '?'}lang=${other}`;
  // raw: a constant style sheet from this repository; CSS must not be entity-escaped.
  return html`<!doctype html><html lang="${lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1"><title>${title} · OCOP</title><style>${raw(CSS)}</style></head><body>
<header class="top"><span>${WORDS[lang].pointsOfSale.designation}</span><a href="${switchTo}" hreflang="${other}" lang="${other}">${LABELS[lang].switchLang}</a></header>
<main>${body}</main>
<footer>${LABELS[lang].footer}</footer></body></html>`;
}
