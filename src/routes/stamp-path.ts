import { getPath } from 'hono/utils/url';

/**
 * The app's path reader: `/s/` reads as `/S/`, as the code after it already reads in any case. A
 * scanner or a person who lowercases the printed URL still reaches the verdict. (Hono matches
 * paths case-sensitively; this is the one place where case is forgiven.)
 */
export function stampPathAnyCase(request: Request): string {
  const path = getPath(request);
  return path.startsWith('/s/') || path === '/s' ? `/S${path.slice(2)}` : path;
}
