import { PROVINCES } from '../../src/data/provinces';
import type { PublicPointOfSale } from '../../src/services/points-of-sale/public-register';
import { vietnamDate } from '../format';
import type { Lang } from '../i18n';
import { html, type Html } from '../view';
import { WORDS } from '../words';
import { registerShell } from './shell';

export type RegisterFilter = { province?: string; commune?: string; page: number };
export type RegisterListing = { items: PublicPointOfSale[]; page: number; pageSize: number; total: number };

const provinceName = (code: string, lang: Lang) => PROVINCES[code]?.[lang] ?? code;

/** The query string of a filter, in a fixed order, so every link to a page of the list is the same URL. */
export function registerQuery(filter: RegisterFilter, lang: Lang, page = filter.page): string {
  const params = new URLSearchParams();
  if (filter.province) params.set('province', filter.province);
  if (filter.commune) params.set('commune', filter.commune);
  if (page > 1) params.set('page', String(page));
  if (lang === 'en') params.set('lang', 'en');
  const query = params.toString();
  return query ? `?${query}` : '';
}

export function statusBadge(status: PublicPointOfSale['status'], lang: Lang): Html {
  return html`<span class="badge b-${status}">${WORDS[lang].pointsOfSale.statuses[status]}</span>`;
}

function pointCard(p: PublicPointOfSale, lang: Lang): Html {
  const w = WORDS[lang].pointsOfSale;
  const href = `/register/points-of-sale/${p.id}${lang === 'en' ? '?lang=en' : ''}`;
  return html`<li class="card"><h2><a href="${href}">${p.name}</a></h2><p>${statusBadge(p.status, lang)}</p>
<dl><dt>${w.fields.organisation}</dt><dd>${p.organisationName}</dd><dt>${w.fields.address}</dt><dd>${p.address}</dd>
<dt>${w.fields.commune}</dt><dd>${p.communeName}, ${provinceName(p.provinceCode, lang)}</dd>
<dt>${w.fields.openedOn}</dt><dd>${vietnamDate(p.openedOn)}</dd>${p.closedOn ? html`<dt>${w.fields.closedOn}</dt><dd>${vietnamDate(p.closedOn)}</dd>` : ''}</dl></li>`;
}

/**
 * The public list of points of sale, filtered by province and commune with a plain GET form: it
 * works without script, and the communes offered are those of the chosen province that have a shop.
 */
export function renderRegisterPage(
  lang: Lang,
  filter: RegisterFilter,
  communes: { code: string; name: string }[],
  listing: RegisterListing,
): Html {
  const w = WORDS[lang].pointsOfSale;
  const pages = Math.max(1, Math.ceil(listing.total / listing.pageSize));
  const provinces = Object.entries(PROVINCES).sort((a, b) => a[1][lang].localeCompare(b[1][lang], lang));
  const body = html`<h1>${w.register.title}</h1><p>${w.register.intro}</p>
<form class="filter" method="get" action="/register/points-of-sale">${lang === 'en' ? html`<input type="hidden" name="lang" value="en">` : ''}
<div><label for="province">${w.fields.province}</label><select id="province" name="province"><option value="">${w.register.anyProvince}</option>
${provinces.map(([code, p]) => html`<option value="${code}"${code === filter.province ? html` selected` : ''}>${p[lang]}</option>`)}</select></div>
<div><label for="commune">${w.fields.commune}</label><select id="commune" name="commune"${filter.province ? '' : html` disabled`}><option value="">${w.register.anyCommune}</option>
${communes.map((c) => html`<option value="${c.code}"${c.code === filter.commune ? html` selected` : ''}>${c.name}</option>`)}</select></div>
<button type="submit">${w.register.filter}</button></form>
<p role="status">${listing.total === 0 ? w.register.none : w.register.count(listing.items.length, listing.total)}</p>
<ul class="points">${listing.items.map((p) => pointCard(p, lang))}</ul>
<nav class="pager" aria-label="${w.register.title}">${listing.page > 1 ? html`<a href="/register/points-of-sale${registerQuery(filter, lang, listing.page - 1)}" rel="prev">${w.register.previous}</a>` : html`<span></span>`}
${listing.page < pages ? html`<a href="/register/points-of-sale${registerQuery(filter, lang, listing.page + 1)}" rel="next">${w.register.next}</a>` : ''}</nav>
<p><a href="/api/v1/register/points-of-sale${registerQuery(filter, 'vi')}">${w.register.openData}</a></p>`;
  return registerShell(lang, w.register.title, `/register/points-of-sale${registerQuery(filter, 'vi')}`, body);
}
