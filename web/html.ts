/** Escapes text for HTML element content and double-quoted attributes. */
export function esc(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A tagged template whose interpolations are escaped unless wrapped in `raw`. */
export type Raw = { __raw: string };
export const raw = (html: string): Raw => ({ __raw: html });

export function html(strings: TemplateStringsArray, ...values: unknown[]): Raw {
  let out = strings[0]!;
  values.forEach((value, i) => {
    const part = Array.isArray(value)
      ? value.map((v) => (isRaw(v) ? v.__raw : esc(v))).join('')
      : isRaw(value) ? value.__raw : value === null || value === undefined || value === false ? '' : esc(value);
    out += part + strings[i + 1]!;
  });
  return raw(out);
}

function isRaw(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && '__raw' in value;
}
