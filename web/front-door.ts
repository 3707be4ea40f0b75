import { FRONT_DOOR_TEXT, type FrontDoorText } from './front-door-text';
import type { Lang } from './i18n';
import { html, raw, type Html } from './view';

/** Where "find an OCOP product" searches: the console's search until a public register exists. */
export const PRODUCT_SEARCH_PATH = '/console/inspect';

/** Phone first, system fonts, no script: the front door reads like the verification page. */
const CSS = `*{box-sizing:border-box}body{margin:0;font:17px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1b1b;background:#f4f5f2}
a{color:#0b5394}.top{display:flex;justify-content:space-between;align-items:center;gap:1rem;padding:.6rem 1rem;background:#14532d;color:#fff}
.top a{color:#fff;padding:.4rem .2rem}.brand{display:flex;align-items:center;gap:.5rem;font-weight:700}.brand img{width:1.6rem;height:1.6rem}
main{max-width:40rem;margin:0 auto;padding:1rem}h1{font-size:1.6rem;line-height:1.2;margin:.4rem 0 .6rem}
.card{background:#fff;border-radius:.6rem;padding:1rem;margin-top:1rem;border:1px solid #e2e2e2}.card h2{margin:0 0 .5rem;font-size:1.2rem}
label{display:block;font-weight:600;margin-bottom:.3rem}.row{display:flex;gap:.5rem;flex-wrap:wrap}
input{font:inherit;flex:1 1 14rem;min-width:0;padding:.6rem;border:1px solid #777;border-radius:.4rem}
input[aria-invalid=true]{border:2px solid #b3261e}.hint{color:#555;font-size:.9rem;margin:.3rem 0 0}
button,.button{font:inherit;font-weight:600;padding:.6rem 1.1rem;border:0;border-radius:.4rem;background:#14532d;color:#fff;text-decoration:none;display:inline-block;cursor:pointer}
.secondary{background:#0b5394}.err{color:#b3261e;font-weight:600;margin:.4rem 0 0}
:focus-visible{outline:3px solid #f2b705;outline-offset:2px}.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:.5rem;background:#fff;color:#000;padding:.4rem;z-index:9}
[hidden]{display:none!important}video{width:100%;max-height:60vh;background:#000;border-radius:.6rem;display:block}footer{text-align:center;color:#555;font-size:.85rem;padding:1.5rem 1rem}
@media (prefers-color-scheme:dark){body{background:#111;color:#eee}.card{background:#1d1d1d;border-color:#333}.hint,footer{color:#aaa}a{color:#8ab4f8}.top a{color:#fff}}`;

const langQuery = (lang: Lang) => (lang === 'en' ? '?lang=en' : '');

/** The public pages' shell: header with the other language, main landmark, footer. */
export function publicPage(
  lang: Lang,
  title: string,
  body: Html,
  options: { alternate: string; script?: string },
): Html {
  const t = FRONT_DOOR_TEXT[lang];
  // raw: CSS is a constant of this file; escaping would break its quoted font names.
  return html`<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${title} · OCOP</title><meta name="description" content="${t.intro}">
<link rel="icon" href="/favicon.svg" type="image/svg+xml"><link rel="icon" href="/favicon.ico" sizes="32x32">
<link rel="alternate" hreflang="${t.otherCode}" href="${options.alternate}"><style>${raw(CSS)}</style>
${options.script ? html`<script src="${options.script}" defer></script>` : ''}</head><body>
<a class="skip" href="#main">${t.skip}</a>
<header class="top"><a class="brand" href="/${langQuery(lang)}"><img src="/favicon.svg" alt="">${t.brand}</a>
<a href="${options.alternate}" hreflang="${t.otherCode}" lang="${t.otherCode}">${t.otherLang}</a></header>
<main id="main" tabindex="-1">${body}</main>
<footer><p>${t.footer}</p><p><a href="/docs" hreflang="en">${t.developers}</a></p></footer></body></html>`;
}

function codeForm(t: FrontDoorText, lang: Lang, code: string, error: string | undefined): Html {
  const described = error ? 'code-hint code-err' : 'code-hint';
  return html`<section class="card" aria-labelledby="code-h"><h2 id="code-h">${t.codeHeading}</h2>
<form method="get" action="/verify">${lang === 'en' ? html`<input type="hidden" name="lang" value="en">` : ''}
<label for="code">${t.codeLabel}</label><div class="row"><input id="code" name="code" value="${code}" required maxlength="400"
 autocomplete="off" autocapitalize="characters" spellcheck="false" enterkeyhint="go" aria-describedby="${described}"${error ? html` aria-invalid="true"` : ''}>
<button type="submit">${t.check}</button></div><p class="hint" id="code-hint">${t.codeHint}</p>
${error ? html`<p class="err" id="code-err" role="alert">${error}</p>` : ''}</form></section>`;
}

/** `/`: check a code, scan, find a product, sign in. The page works without script. */
export function frontDoorPage(p: { lang: Lang; code?: string; error?: string }): Html {
  const t = FRONT_DOOR_TEXT[p.lang];
  return publicPage(
    p.lang,
    t.title,
    html`<h1>${t.title}</h1><p>${t.intro}</p>
${codeForm(t, p.lang, p.code ?? '', p.error)}
<section class="card" aria-labelledby="scan-h"><h2 id="scan-h">${t.scanHeading}</h2><p>${t.scanPhone}</p>
<p><a class="button secondary" href="/scan${langQuery(p.lang)}">${t.scanHere}</a></p></section>
<section class="card" aria-labelledby="find-h"><h2 id="find-h">${t.findHeading}</h2>
<form method="get" action="${PRODUCT_SEARCH_PATH}" role="search"><label for="q">${t.findLabel}</label>
<div class="row"><input id="q" name="q" type="search" maxlength="200" aria-describedby="q-hint"><button type="submit">${t.find}</button></div>
<p class="hint" id="q-hint">${t.findHint}</p></form></section>
<section class="card" aria-labelledby="staff-h"><h2 id="staff-h">${t.staffHeading}</h2><p>${t.staffText}</p>
<p><a class="button" href="/console/sign-in">${t.signIn}</a></p></section>`,
    { alternate: p.lang === 'en' ? '/' : '/?lang=en' },
  );
}

/** `/scan`: the camera in the page, for browsers whose camera app does not open links. */
export function scanPage(lang: Lang): Html {
  const t = FRONT_DOOR_TEXT[lang];
  return publicPage(
    lang,
    t.scanTitle,
    html`<h1>${t.scanTitle}</h1><p>${t.scanHow}</p>
<div class="card" data-scan data-lang="${lang}" data-no-camera="${t.scanNoCamera}" data-not-stamp="${t.scanNotStamp}" data-found="${t.scanFound}"
 data-start="${t.scanStart}" data-stop="${t.scanStop}">
<noscript><p class="err">${t.scanNoScript}</p></noscript>
<video id="camera" muted playsinline aria-label="${t.videoLabel}" hidden></video>
<p role="status" aria-live="polite"></p><button type="button" data-scan-toggle hidden>${t.scanStart}</button></div>
<p><a href="/${langQuery(lang)}">${t.home}</a></p>`,
    { alternate: lang === 'en' ? '/scan' : '/scan?lang=en', script: '/scan.js' },
  );
}
