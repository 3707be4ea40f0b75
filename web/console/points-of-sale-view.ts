import { PROVINCES } from '../../src/data/provinces';
import type { Standing } from '../../src/domain/registration-standing';
import type { listOrganisations, organisationDetail } from '../../src/services/points-of-sale/read-retail';
import { vietnamDate, vietnamTime } from '../format';
import { html, type Html } from '../view';
import { vi } from '../words/vi';
import { renderField, type Field, type FieldErrors } from './forms';

type Listing = Awaited<ReturnType<typeof listOrganisations>>;
type Detail = Awaited<ReturnType<typeof organisationDetail>>;
/** A form's state after a refusal: what was typed, the message and one error per field. */
export type FormState = { form: string; values: Record<string, unknown>; errors: FieldErrors; message: string };

const w = vi.pointsOfSale;
const STATUSES: Standing[] = ['open', 'suspended', 'closed'];
const provinceOptions = Object.entries(PROVINCES).map(([value, p]) => ({ value, label: p.vi }));

export const ORGANISATION_FIELDS: Field[] = [
  { name: 'name', label: w.fields.name, type: 'text', required: true },
  { name: 'registrationNumber', label: w.fields.registrationNumber, type: 'text', required: true },
  { name: 'address', label: w.fields.address, type: 'text', required: true },
  { name: 'provinceCode', label: w.fields.province, type: 'select', required: true, options: provinceOptions },
  { name: 'communeCode', label: w.fields.communeCode, type: 'text' },
];
export const POINT_FIELDS: Field[] = [
  { name: 'name', label: w.fields.name, type: 'text', required: true, hint: w.designation },
  { name: 'address', label: w.fields.address, type: 'text', required: true },
  { name: 'communeCode', label: w.fields.communeCode, type: 'text', required: true },
  { name: 'communeName', label: w.fields.communeName, type: 'text', required: true },
  { name: 'openedOn', label: w.fields.openedOn, type: 'date', required: true },
];
export const STATUS_FIELDS: Field[] = [
  {
    name: 'status',
    label: w.fields.status,
    type: 'select',
    required: true,
    options: STATUSES.map((s) => ({ value: s, label: w.statuses[s] })),
  },
  { name: 'reason', label: w.fields.reason, type: 'text', required: true },
];

/** A form of its own on a page that holds several: ids are prefixed by `name`, so labels stay unique. */
function form(p: {
  name: string;
  action: string;
  fields: Field[];
  csrf: string;
  submit: string;
  values?: Record<string, unknown>;
  state?: FormState;
}): Html {
  const mine = p.state?.form === p.name ? p.state : undefined;
  const values = mine?.values ?? p.values ?? {};
  return html`<form class="card" method="post" action="${p.action}" novalidate>
${mine ? html`<p class="error" role="alert">${mine.message}</p>` : ''}<input type="hidden" name="_csrf" value="${p.csrf}">
${p.fields.map((f) => renderField(f, values[f.name], mine?.errors[f.name], p.name))}<button type="submit">${p.submit}</button></form>`;
}

/** The organisations of the authority's province, and the form that registers one. */
export function organisationsView(listing: Listing, csrf: string, state?: FormState): Html {
  return html`<h2>${w.console.organisations}</h2>
${listing.items.length === 0 ? html`<p role="status">${w.console.noOrganisations}</p>` : ''}
<table><thead><tr><th scope="col">${w.fields.name}</th><th scope="col">${w.fields.registrationNumber}</th><th scope="col">${w.fields.province}</th><th scope="col">${w.fields.status}</th><th scope="col">${w.console.points}</th></tr></thead>
<tbody>${listing.items.map(
    (o) => html`<tr><td><a href="/console/points-of-sale/organisations/${o.id}">${o.name}</a></td>
<td>${o.registrationNumber ?? html`<span class="hint">${w.console.notRecorded}</span>`}</td><td>${PROVINCES[o.provinceCode]?.vi ?? o.provinceCode}</td>
<td>${w.statuses[o.status]}</td><td>${w.console.pointsCount(Number(o.points))}</td></tr>`,
  )}</tbody></table>
<h2>${w.console.newOrganisation}</h2>
${form({ name: 'org', action: '/console/points-of-sale/organisations', fields: ORGANISATION_FIELDS, csrf, submit: w.console.register, state })}`;
}

/** One organisation: its details and standing, its points of sale (each with its public page), its accounts. */
export function organisationView(d: Detail, csrf: string, state?: FormState): Html {
  const o = d.organisation;
  const base = `/console/points-of-sale/organisations/${o.id}`;
  const editable = ORGANISATION_FIELDS.filter((f) => f.name !== 'provinceCode');
  return html`<p>${PROVINCES[o.provinceCode]?.vi ?? o.provinceCode} · <strong>${w.statuses[o.status]}</strong>${o.statusReason ? html` · ${o.statusReason} (${o.statusChangedAt ? vietnamTime(o.statusChangedAt) : ''})` : ''}</p>
<h2>${w.console.points}</h2>${d.points.length === 0 ? html`<p role="status">${w.console.noPoints}</p>` : ''}
${d.points.map(
  (p) => html`<section class="card" aria-labelledby="p-${p.id}"><h3 id="p-${p.id}">${p.name}</h3>
<p>${p.address}, ${p.communeName} · ${w.fields.openedOn} ${vietnamDate(p.openedOn)}${p.closedOn ? html` · ${w.fields.closedOn} ${vietnamDate(p.closedOn)}` : ''} · <strong>${w.statuses[p.status]}</strong></p>
<p><a href="/register/points-of-sale/${p.id}">${w.console.publicPage}</a></p>
${p.status === 'closed' ? '' : form({ name: `ps-${p.id}`, action: `/console/points-of-sale/points/${p.id}/status`, fields: STATUS_FIELDS, csrf, submit: w.console.changeStatus, state })}</section>`,
)}
<h2>${w.console.newPoint}</h2>
${o.status === 'closed' ? '' : form({ name: 'point', action: `${base}/points`, fields: POINT_FIELDS, csrf, submit: w.console.register, state })}
<h2>${w.console.clerks}</h2>${d.clerks.length + d.tokens.length === 0 ? html`<p>${w.console.noAccounts}</p>` : ''}
<ul>${d.clerks.map((p) => html`<li>${p.name}${p.disabledAt ? ` (${w.console.disabled})` : ''}</li>`)}
${d.tokens.map((t) => html`<li>${w.console.tokens}: ${t.name}</li>`)}</ul>
<h2>${w.fields.organisation}</h2>
${form({ name: 'edit', action: base, fields: editable, csrf, submit: w.console.save, values: o, state })}
${o.status === 'closed' ? '' : html`<h2>${w.console.changeStatus}</h2>${form({ name: 'status', action: `${base}/status`, fields: STATUS_FIELDS, csrf, submit: w.console.changeStatus, state })}`}`;
}
