import { html, type Html } from '../view';

export type Option = { value: string; label: string; group?: string };
export type Field = {
  name: string;
  label: string;
  type: 'text' | 'number' | 'date' | 'select' | 'multiselect';
  required?: boolean;
  hint?: string;
  options?: Option[];
  editable?: boolean;
  /** A select whose values are numbers (e.g. stars). */
  numeric?: boolean;
};
export type FieldErrors = Record<string, string>;

/** Turns posted form strings into the JSON shape the input schemas expect (empty = absent). */
export function formToInput(fields: Field[], form: Record<string, string | string[]>): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const field of fields) {
    const raw = form[field.name];
    if (field.type === 'multiselect') {
      input[field.name] = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
      continue;
    }
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value === undefined || value.trim() === '') continue;
    input[field.name] = field.type === 'number' || field.numeric ? Number(value) : value.trim();
  }
  return input;
}

function control(field: Field, id: string, value: unknown, error: string | undefined): Html {
  const described = [field.hint ? `${id}-hint` : '', error ? `${id}-err` : ''].filter(Boolean).join(' ');
  const common = html`id="${id}" name="${field.name}"${field.required ? html` required aria-required="true"` : ''}${error ? html` aria-invalid="true"` : ''}${described ? html` aria-describedby="${described}"` : ''}`;
  if (field.type === 'select' || field.type === 'multiselect') {
    const selected = new Set((Array.isArray(value) ? value : [value]).map(String));
    const groups = new Map<string, Option[]>();
    for (const o of field.options ?? []) groups.set(o.group ?? '', [...(groups.get(o.group ?? '') ?? []), o]);
    const options = [...groups].map(([group, opts]) => {
      const items = opts.map(
        (o) => html`<option value="${o.value}"${selected.has(o.value) ? html` selected` : ''}>${o.label}</option>`,
      );
      return group ? html`<optgroup label="${group}">${items}</optgroup>` : html`${items}`;
    });
    return html`<select ${common}${field.type === 'multiselect' ? html` multiple size="4"` : ''}>${field.type === 'select' && !field.required ? html`<option value="">—</option>` : ''}${options}</select>`;
  }
  return html`<input ${common} type="${field.type}" value="${value === null || value === undefined ? '' : String(value)}"${field.type === 'number' ? html` inputmode="numeric"` : ''}>`;
}

/**
 * One labelled field, its hint, and its error right beside it (announced by screen readers).
 * `idPrefix` keeps ids unique on a page that holds several forms with the same fields.
 */
export function renderField(field: Field, value: unknown, error?: string, idPrefix = 'f'): Html {
  const id = `${idPrefix}-${field.name}`;
  return html`<div class="field"><label for="${id}">${field.label}${field.required ? html`<span aria-hidden="true"> *</span>` : ''}</label>
${control(field, id, value, error)}${field.hint ? html`<div class="hint" id="${id}-hint">${field.hint}</div>` : ''}
${error ? html`<div class="err" id="${id}-err" role="alert">${error}</div>` : ''}</div>`;
}

export function renderForm(opts: {
  action: string;
  fields: Field[];
  values: Record<string, unknown>;
  errors: FieldErrors;
  csrf: string;
  submit: string;
  message?: string;
  stepUp?: boolean;
  hidden?: Record<string, string>;
  secondary?: Html;
}): Html {
  return html`<form class="card" method="post" action="${opts.action}" novalidate${opts.stepUp ? html` data-step-up` : ''}>
${opts.message ? html`<p class="error" role="alert">${opts.message}</p>` : ''}
<input type="hidden" name="_csrf" value="${opts.csrf}">${Object.entries(opts.hidden ?? {}).map(([name, value]) => html`<input type="hidden" name="${name}" value="${value}">`)}
${opts.fields.map((f) => renderField(f, opts.values[f.name], opts.errors[f.name]))}
<button type="submit">${opts.submit}</button> ${opts.secondary ?? ''}</form>`;
}
