import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../../app-env';
import { NOT_PLAIN_TEXT_MESSAGE } from '../../domain/plain-text';
import { searchQuery } from '../../services/registry/inputs';
import { errorBody, safeParseText } from '../errors';
import { vi } from '../../../web/words/vi';

/**
 * The query parameters whose raw value is not percent-encoded UTF-8 (`%FF`, an encoded
 * surrogate `%ED%A0%80`). Hono hands such a value over undecoded, as if "%FF" had been typed,
 * so a search would quietly find nothing instead of saying the text was broken on its way.
 */
export function unreadableQueryParams(url: string): string[] {
  const search = new URL(url).search.slice(1);
  const names: string[] = [];
  for (const pair of search ? search.split('&') : []) {
    const [rawName = '', rawValue = ''] = pair.split(/=(.*)/s);
    try {
      decodeURIComponent(rawValue.replaceAll('+', ' '));
    } catch {
      names.push(safeName(rawName));
    }
  }
  return names;
}

function safeName(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return '(query)';
  }
}

/** For search routes: a 400 in Vietnamese, naming the field, when a query parameter is not UTF-8. */
export const readableQuery = createMiddleware<AppEnv>(async function readableQueryText(c, next) {
  const broken = unreadableQueryParams(c.req.url);
  if (broken.length) {
    const fields = broken.map((path) => ({ path, message: NOT_PLAIN_TEXT_MESSAGE }));
    return c.json(errorBody(c, 'invalid_input', 'Dữ liệu gửi lên không hợp lệ.', fields), 400);
  }
  await next();
});

/**
 * A console search box's `q`, as the search service will take it, or why it cannot be used
 * (in Vietnamese, for the page to say beside the box). Text that cannot be read is not echoed.
 */
export function searchPageInput(c: Context<AppEnv>, max = 400): { q: string; problem?: string } {
  if (unreadableQueryParams(c.req.url).length) return { q: '', problem: vi.search.unreadable };
  const parsed = safeParseText(searchQuery(max), c.req.query('q') ?? '');
  return parsed.success
    ? { q: parsed.data }
    : { q: '', problem: parsed.error.issues[0]?.message ?? vi.search.unreadable };
}
