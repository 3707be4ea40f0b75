import { PROVINCES } from '../../src/data/provinces';
import { TARGET_KINDS } from '../../src/domain/plan-targets';
import type { Statistics } from '../../src/services/statistics/read-statistics';
import { html, type Html } from '../view';
import type { StatisticsWords } from '../words/statistics-types';
import { renderField, type Field, type FieldErrors } from './forms';

/** The plan's targets, each with its progress as a bar and as words ("12/20, chưa đạt"). */
export function targetsView(s: Statistics, w: StatisticsWords): Html {
  const t = w.targets;
  const rows = s.targets.map((x) => {
    const p = x.progress;
    const progress = p.measured
      ? html`<progress max="${p.goal}" value="${Math.min(p.achieved, p.goal)}" aria-hidden="true"></progress>
<span>${t.progress(p.achieved, p.goal)} · ${p.met ? t.met : t.notMet}</span>`
      : html`<span data-not-measured>${t.notMeasured}</span>`;
    return html`<tr data-target="${x.kind}"><th scope="row">${t.goal(x.kind, x.value, x.units)}${x.note ? html`<br><span class="hint">${x.note}</span>` : ''}</th>
<td>${t.window(x.sinceYear, x.year)}</td><td data-progress>${progress}</td></tr>`;
  });
  return html`<h2 id="targets">${t.heading}</h2>
${
  s.targets.length
    ? html`<div class="scroll"><table aria-labelledby="targets"><thead><tr><th scope="col">${w.columns.target}</th><th scope="col">${w.columns.window}</th><th scope="col">${w.columns.progress}</th></tr></thead>
<tbody>${rows}</tbody></table></div>`
    : html`<p>${t.none}</p>`
}`;
}

export function targetFields(w: StatisticsWords, central: boolean): Field[] {
  const f = w.targets.form;
  const fields: Field[] = [
    {
      name: 'kind',
      label: f.kind,
      type: 'select',
      required: true,
      options: TARGET_KINDS.map((k) => ({ value: k, label: w.targets.kinds[k] })),
    },
    { name: 'value', label: f.value, type: 'number', required: true, hint: f.valueHint },
    { name: 'units', label: f.units, type: 'number', hint: f.unitsHint },
    { name: 'sinceYear', label: f.sinceYear, type: 'number' },
    { name: 'year', label: f.year, type: 'number', required: true },
    { name: 'note', label: f.note, type: 'text' },
  ];
  if (central)
    fields.push({
      name: 'province',
      label: f.province,
      type: 'select',
      options: Object.entries(PROVINCES).map(([value, p]) => ({ value, label: `${value} – ${p.vi}` })),
      hint: f.national,
    });
  return fields;
}

/** The form an authority records a target with (a plain POST with the session's CSRF token). */
export function targetForm(
  csrf: string,
  central: boolean,
  w: StatisticsWords,
  input: Record<string, unknown> = {},
  errors: FieldErrors = {},
  message?: string,
): Html {
  return html`<form class="card" method="post" action="/console/statistics/targets" id="target-form"><h3>${w.targets.form.heading}</h3>
${message ? html`<p class="error" role="alert">${message}</p>` : ''}<input type="hidden" name="_csrf" value="${csrf}">
${targetFields(w, central).map((field) => renderField(field, input[field.name], errors[field.name], 'target'))}
<button type="submit">${w.targets.form.submit}</button></form>`;
}
