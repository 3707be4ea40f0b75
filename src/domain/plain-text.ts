/**
 * Text that a database, a signature or a spreadsheet can hold: no NUL (PostgreSQL text and jsonb
 * refuse it) and no lone UTF-16 surrogate (it has no UTF-8 form, so encoders fail or silently
 * change it, and a signed receipt would no longer match what was stored).
 */
const NOT_PLAIN_TEXT = /\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const NOT_PLAIN_TEXT_MESSAGE = 'Không được chứa ký tự NUL hoặc ký tự Unicode hỏng.';

export function isPlainText(value: string): boolean {
  return !NOT_PLAIN_TEXT.test(value);
}

/**
 * The path of the first string (or object key) in a parsed input that is not plain text, or
 * null when all of it is. Walks arrays and plain objects; dates, numbers and the like hold no text.
 */
export function findNonPlainText(value: unknown, path: (string | number)[] = []): (string | number)[] | null {
  if (typeof value === 'string') return isPlainText(value) ? null : path;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = findNonPlainText(item, [...path, i]);
      if (found) return found;
    }
    return null;
  }
  if (!isPlainObject(value)) return null;
  for (const [key, item] of Object.entries(value)) {
    // The key is named with its bad characters replaced, so the error itself is plain text.
    if (!isPlainText(key)) return [...path, key.replace(new RegExp(NOT_PLAIN_TEXT, 'g'), '\uFFFD')];
    const found = findNonPlainText(item, [...path, key]);
    if (found) return found;
  }
  return null;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
