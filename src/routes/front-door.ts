import { Hono } from 'hono';
import type { AppEnv } from '../app-env';
import { extractStampCode } from '../domain/stamp-codec';
import { FRONT_DOOR_TEXT } from '../../web/front-door-text';
import { frontDoorPage, scanPage } from '../../web/front-door';
import { FAVICON_SVG, faviconIco } from '../../web/favicon';
import { SCAN_SCRIPT } from '../../web/generated/scan-script';
import { pickLang } from '../../web/i18n';

/** The public front door: `/` in Vietnamese (`?lang=en` in English), the code form's lookup, the camera page, the icon. */
export const frontDoorRoutes = new Hono<AppEnv>();

// The icon changes with a release at most; a day fresh, a week more while it is revalidated.
const ICON_CACHE = 'public, max-age=86400, stale-while-revalidate=604800';

frontDoorRoutes.get('/', (c) => {
  c.header('Cache-Control', 'public, max-age=300');
  return c.html(frontDoorPage({ lang: pickLang(c.req.query('lang')) }));
});
frontDoorRoutes.get('/en', (c) => c.redirect('/?lang=en', 301));

/**
 * Where a typed or pasted code goes: the stamp's own page. A GS1 Digital Link keeps its form, so
 * that its product, lot and serial are checked against the stamp; anything else is read as a
 * stamp URL or a bare code. Only paths of this site are redirected to, whatever host was pasted.
 */
function verificationPath(input: string): string | null {
  const link =
    /\/01\/(\d{8,14})\/10\/([^/?#\s]{1,120})\/21\/(\d{1,20})\/?\?(?:[^#\s]*&)?stamp=([0-9A-Za-z-]{1,400})/.exec(input);
  if (link) {
    const [, gtin, lot, serial, stamp] = link as unknown as [string, string, string, string, string];
    let decodedLot: string;
    try {
      decodedLot = decodeURIComponent(lot);
    } catch {
      return null;
    }
    return `/01/${gtin}/10/${encodeURIComponent(decodedLot)}/21/${serial}?stamp=${stamp.toUpperCase()}`;
  }
  const code = extractStampCode(input);
  return code ? `/S/${encodeURIComponent(code)}` : null;
}

frontDoorRoutes.get('/verify', (c) => {
  const lang = pickLang(c.req.query('lang'));
  const input = (c.req.query('code') ?? '').slice(0, 2000);
  const path = verificationPath(input);
  if (path) return c.redirect(`${path}${lang === 'en' ? `${path.includes('?') ? '&' : '?'}lang=en` : ''}`, 303);
  c.header('Cache-Control', 'no-store');
  return c.html(frontDoorPage({ lang, code: input.slice(0, 400), error: FRONT_DOOR_TEXT[lang].notACode }), 400);
});

frontDoorRoutes.get('/scan', (c) => {
  c.header('Cache-Control', 'public, max-age=300');
  return c.html(scanPage(pickLang(c.req.query('lang'))));
});
frontDoorRoutes.get('/scan.js', (c) =>
  c.body(SCAN_SCRIPT, 200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-cache' }),
);

frontDoorRoutes.get('/favicon.svg', (c) =>
  c.body(FAVICON_SVG, 200, { 'Content-Type': 'image/svg+xml', 'Cache-Control': ICON_CACHE }),
);
frontDoorRoutes.get('/favicon.ico', (c) =>
  c.body(faviconIco(), 200, { 'Content-Type': 'image/x-icon', 'Cache-Control': ICON_CACHE }),
);

// People type the console's address with a slash; the console itself sends them on to sign in.
frontDoorRoutes.get('/console/', (c) => c.redirect('/console', 301));
