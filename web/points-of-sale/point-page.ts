import { PROVINCES } from '../../src/data/provinces';
import type { PublicPointOfSale } from '../../src/services/points-of-sale/public-register';
import { vietnamDate, vietnamTime } from '../format';
import type { Lang } from '../i18n';
import { html, type Html } from '../view';
import { WORDS } from '../words';
import { statusBadge } from './register-page';
import { registerShell } from './shell';

const BANNER = { open: 'ok', suspended: 'warning', closed: 'danger' } as const;
const ICON = { open: '✓', suspended: '!', closed: '✕' } as const;

/**
 * What a plaque's code opens, and the register's page of one shop: its standing read live, in a
 * banner that says what it means, then the facts of the designation. `self` is this page's path.
 */
export function renderPointOfSalePage(p: PublicPointOfSale, lang: Lang, self: string, now: Date): Html {
  const w = WORDS[lang].pointsOfSale;
  const list = `/register/points-of-sale?province=${p.provinceCode}${lang === 'en' ? '&lang=en' : ''}`;
  const body = html`<section class="banner ${BANNER[p.status]}" role="status"><span class="icon" aria-hidden="true">${ICON[p.status]}</span>
<div><h1>${w.statuses[p.status]}</h1><p>${w.statusNotes[p.status]}</p></div></section>
<section class="card"><h2>${p.name}</h2><p>${w.designation} ${statusBadge(p.status, lang)}</p><dl>
<dt>${w.fields.organisation}</dt><dd>${p.organisationName}</dd>
${p.registrationNumber ? html`<dt>${w.fields.registrationNumber}</dt><dd>${p.registrationNumber}</dd>` : ''}
<dt>${w.fields.address}</dt><dd>${p.address}</dd>
<dt>${w.fields.commune}</dt><dd>${p.communeName}, ${PROVINCES[p.provinceCode]?.[lang] ?? p.provinceCode}</dd>
<dt>${w.fields.openedOn}</dt><dd>${vietnamDate(p.openedOn)}</dd>
${p.closedOn ? html`<dt>${w.fields.closedOn}</dt><dd>${vietnamDate(p.closedOn)}</dd>` : ''}
${p.statusReason ? html`<dt>${w.fields.reason}</dt><dd>${p.statusReason}</dd>` : ''}
${p.status !== 'open' && p.statusChangedAt ? html`<dt>${w.fields.since}</dt><dd>${vietnamTime(p.statusChangedAt)}</dd>` : ''}
</dl><p class="serial">${w.register.checkedAt(vietnamTime(now))}</p></section>
<p><a href="${list}">${w.register.backToList}</a></p>`;
  return registerShell(lang, `${w.register.pointTitle}: ${p.name}`, self, body);
}
