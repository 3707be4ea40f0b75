import { formatVietnameseDate } from '../src/domain/calendar';
import { PROVINCES } from '../src/data/provinces';
import type { ProductInfo } from '../src/services/resolver/product-info';
import { LABELS, type Lang } from './i18n';
import { PRODUCT_TEXT } from './product-page-text';
import { html, raw, type Html } from './view';
import { VERIFY_PAGE_CSS } from './verify-page-css';
import { inWords, WORDS } from './words';

/** The verification page's sheet, plus a neutral tone: this page is information, never a verdict. */
const CSS = `${VERIFY_PAGE_CSS}
.info{background:#0b5394}.info .icon{color:#0b5394;font-family:Georgia,serif;font-style:italic}
.links{display:flex;flex-wrap:wrap;gap:.4rem 1.2rem;margin:1rem 0 0;padding:0;list-style:none}.links a{color:#0b5394;padding:.3rem 0;display:inline-block}
@media (prefers-color-scheme:dark){.links a{color:#8ab4f8}}`;

/** Where the page lives and what it links to; paths are the resolver's own, made by the route. */
export type PagePaths = { self: string; linkset: string; verify: string };

const d = (iso: string | null | undefined) => (iso ? formatVietnameseDate(iso) : '—');

function row(label: string, value: Html | string | null | undefined): Html {
  return value ? html`<dt>${label}</dt><dd>${value}</dd>` : html``;
}

function shell(lang: Lang, title: string, self: string, body: Html): Html {
  const t = PRODUCT_TEXT[lang];
  const other = LABELS[lang].switchHref;
  // raw: a constant style sheet from this repository; CSS must not be entity-escaped.
  return html`<!doctype html><html lang="${lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex">
<title>${title} · OCOP</title><style>${raw(CSS)}</style></head><body>
<header class="top"><span>${t.heading}</span><a href="${self}?lang=${other}" hreflang="${other}" lang="${other}">${LABELS[lang].switchLang}</a></header>
<main>${body}</main>
<footer>${LABELS[lang].footer}</footer></body></html>`;
}

function banner(title: string, text: string): Html {
  return html`<section class="banner info" role="status"><span class="icon" aria-hidden="true">i</span><div><h1>${title}</h1><p>${text}</p></div></section>`;
}

function stars(n: number, label: string): Html {
  return html`<span class="stars" role="img" aria-label="${label}">${'★'.repeat(n)}<span class="dim">${'★'.repeat(5 - n)}</span></span>`;
}

/**
 * The page a GS1 barcode (a Digital Link without a signed stamp) opens: the product, its producer,
 * the lot if one was named, and the certificate's standing today. A neutral banner, never a tick
 * and never red: no stamp was checked, so the page neither vouches for the pack nor condemns it.
 */
export function renderProductPage(info: ProductInfo, serial: string | null, lang: Lang, paths: PagePaths): Html {
  const t = PRODUCT_TEXT[lang];
  const l = LABELS[lang];
  const { product, subject, certificate, batch } = info;
  const group =
    product.group && (lang === 'en' ? product.group.nameEn : `${product.group.name} · ${product.group.subgroupName}`);
  const province = PROVINCES[subject.provinceCode]?.[lang] ?? subject.provinceCode;
  const certificateNote = certificate && t.certificateNote[certificate.status];
  return shell(
    lang,
    product.name,
    paths.self,
    html`
${banner(t.title, t.advice)}
${subject.demo ? html`<p class="note demo">${l.demoNote}</p>` : ''}
${certificateNote ? html`<p class="note" role="note">${certificateNote}</p>` : ''}
${batch?.recall ? html`<p class="note" role="note">${t.recalled(d(batch.recall.on))}</p>` : ''}
<section class="card" aria-labelledby="p"><h2 id="p">${product.name}</h2>
${certificate ? html`<p class="rating">OCOP ${stars(certificate.stars, l.starsOf(certificate.stars))}</p>` : ''}
<dl>${row(l.group, group)}${row('GTIN', product.gtin)}</dl></section>
<section class="card" id="certificate" aria-labelledby="c"><h2 id="c">${t.certificate}</h2>
${
  certificate
    ? html`<dl>${row(t.status, html`<b>${t.certificateStatus[certificate.status]}</b>`)}${row(l.number, certificate.number)}
${row(l.decision, `${certificate.decisionNumber}, ${d(certificate.decisionDate)}`)}
${row(l.issuer, `${certificate.issuerName} (${inWords(WORDS[lang].levels, certificate.issuerLevel)})`)}
${row(l.validity, `${d(certificate.validFrom)} – ${d(certificate.validUntil)}`)}
${certificate.statusChange ? html`${row(l.statusChange, d(certificate.statusChange.on))}${row(l.reason, certificate.statusChange.reason)}${row(l.basis, certificate.statusChange.basis)}` : ''}</dl>`
    : html`<p>${t.noCertificate}</p>`
}</section>
${batch ? lotCard(batch, lang) : ''}
<section class="card" aria-labelledby="s"><h2 id="s">${l.producer}</h2><dl>
${row(l.name, `${subject.name} (${inWords(WORDS[lang].subjectKinds, subject.kind)})`)}${row(l.address, `${subject.address} — ${province}`)}</dl></section>
<ul class="links"><li><a href="${paths.verify}">${t.verifyHint}</a></li><li><a href="${paths.linkset}" type="application/linkset+json">${t.linkset}</a></li></ul>
${serial !== null ? html`<p class="serial">${t.serialUnchecked(serial)}</p>` : ''}`,
  );
}

function lotCard(batch: NonNullable<ProductInfo['batch']>, lang: Lang): Html {
  const l = LABELS[lang];
  return html`<section class="card" aria-labelledby="b"><h2 id="b">${l.batch}</h2><dl>
${row(l.lot, batch.lot)}${row(l.produced, d(batch.productionDate))}${row(l.bestBefore, batch.bestBefore ? d(batch.bestBefore) : null)}
${batch.recall ? html`${row(l.recall, d(batch.recall.on))}${row(l.reason, batch.recall.reason)}${row(l.basis, batch.recall.basis)}` : ''}
${batch.areas.map((a) =>
  row(
    l.area,
    html`${a.name}${a.officialCode ? html`<br>${l.areaCode}: <b>${a.officialCode}</b>` : ''}${
      a.standards.length
        ? html`<br>${l.standards}: ${a.standards.map((s, i) => html`${i ? ', ' : ''}${s.name} (${l.expires} ${d(s.expiresOn)})`)}`
        : ''
    }${a.flags.map(
      (f) => html`<br><b>${l.areaFlag(f.standard, d(f.on))}</b> ${f.reason}`,
    )}<br>${PROVINCES[a.provinceCode]?.[lang] ?? a.provinceCode}`,
  ),
)}</dl></section>`;
}

export type NotFoundKind =
  | { kind: 'product'; gtin: string }
  | { kind: 'lot'; lot: string; product: string; productPath: string }
  | { kind: 'bad_gtin'; gtin: string }
  | { kind: 'unsupported' };

/** The answer when a Digital Link names nothing here: what was not found, in plain words, never "forged". */
export function renderNotFoundPage(what: NotFoundKind, lang: Lang, self: string): Html {
  const t = PRODUCT_TEXT[lang];
  const [title, text] =
    what.kind === 'product'
      ? [t.notFoundTitle, t.notFound(what.gtin)]
      : what.kind === 'lot'
        ? [t.lotNotFoundTitle, t.lotNotFound(what.lot, what.product)]
        : what.kind === 'bad_gtin'
          ? [t.badGtinTitle, t.badGtin(what.gtin)]
          : [t.unsupportedTitle, t.unsupported];
  return shell(
    lang,
    title,
    self,
    html`${banner(title, text)}
${what.kind === 'lot' ? html`<ul class="links"><li><a href="${what.productPath}">${t.productPage}</a></li></ul>` : ''}`,
  );
}
