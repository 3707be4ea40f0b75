import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Verdict } from '../../src/services/verification/verdict-types';
import { DATABASE_KINDS, openHarness, TEST_ORIGIN, type Harness } from '../support/harness';

/** `/` is a page for people: check a code, scan, find a product, sign in; with an icon and a way into the console. */
describe.each(DATABASE_KINDS)('the front door on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness(kind);
  });
  afterAll(async () => {
    await h?.close();
  });

  const lookup = (code: string, lang?: string) =>
    h.request(`/verify?code=${encodeURIComponent(code)}${lang ? `&lang=${lang}` : ''}`);

  it('answers / with a Vietnamese page that works without script, English one link away', async () => {
    const res = await h.request('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const page = await res.text();
    expect(page).toContain('<html lang="vi">');
    expect(page).toContain('<h1>Kiểm tra sản phẩm OCOP</h1>');
    expect(page).not.toContain('<script');
    // The four ways in, each labelled.
    expect(page).toMatch(
      /<form method="get" action="\/verify">\s*<label for="code">Mã tem hoặc đường dẫn của mã QR<\/label><div class="row"><input id="code" name="code"/,
    );
    expect(page).toContain('href="/scan"');
    expect(page).toMatch(/<form method="get" action="\/console\/inspect" role="search"><label for="q">/);
    expect(page).toContain('href="/console/sign-in"');
    expect(page).toContain('href="/docs"');
    // Landmarks, skip link, focus ring, the icon.
    for (const part of [
      '<header class="top">',
      '<main id="main"',
      '<footer>',
      'class="skip" href="#main"',
      ':focus-visible{outline:3px',
      'rel="icon" href="/favicon.svg"',
    ]) {
      expect(page).toContain(part);
    }
    expect(page).toContain('href="/?lang=en" hreflang="en" lang="en">English</a>');

    const en = await (await h.request('/?lang=en')).text();
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('<h1>Check an OCOP product</h1>');
    expect(en).toContain('<input type="hidden" name="lang" value="en">');
    expect(en).toContain('href="/" hreflang="vi" lang="vi">Tiếng Việt</a>');
    const short = await h.request('/en');
    expect(short.status).toBe(301);
    expect(short.headers.get('location')).toBe('/?lang=en');
    expect((await h.request('/docs')).status).toBe(200);
  });

  it('sends a typed or pasted code to its verification page, and refuses what is not a code on the same page', async () => {
    const url = await lookup(`  ${TEST_ORIGIN}/S/${h.codes.valid}  `);
    expect(url.status).toBe(303);
    expect(url.headers.get('location')).toBe(`/S/${h.codes.valid}`);
    const bare = await lookup(h.codes.revoked.toLowerCase(), 'en');
    expect(bare.headers.get('location')).toBe(`/S/${h.codes.revoked}?lang=en`);
    const verdict = await (await h.request(bare.headers.get('location')!)).text();
    expect(verdict).toContain('data-status="revoked"');
    expect(verdict).toContain('<html lang="en">');

    // A GS1 Digital Link keeps its form, so its product, lot and serial are still checked; only our own paths are redirected to.
    const valid = (await (await h.request(`/api/v1/verify/${h.codes.valid}`)).json()) as Verdict;
    const link = await lookup(valid.digitalLink!.replace(TEST_ORIGIN, 'https://elsewhere.example'));
    expect(link.status).toBe(303);
    expect(link.headers.get('location')).toBe(valid.digitalLink!.replace(TEST_ORIGIN, ''));
    expect(await (await h.request(link.headers.get('location')!)).text()).toContain('data-status="valid"');

    for (const junk of ['', '  ++  ', 'https://evil.example/phish?x=1', '<script>alert(1)</script>']) {
      const res = await lookup(junk);
      expect(res.status, junk).toBe(400);
      expect(res.headers.get('location')).toBeNull();
      const page = await res.text();
      expect(page).toContain('role="alert">Không đọc được mã tem.');
      expect(page).toContain('aria-invalid="true"');
      expect(page).not.toContain('<script>alert');
    }
    expect(await (await lookup('https://evil.example/phish?x=1')).text()).toContain(
      'value="https://evil.example/phish?x=1"',
    );
  });

  it('offers a camera page with its script, and serves the icon as ICO and SVG with cache headers', async () => {
    const scan = await (await h.request('/scan')).text();
    expect(scan).toContain('<script src="/scan.js" defer></script>');
    expect(scan).toContain('<noscript>');
    expect(scan).toContain('aria-label="Hình ảnh từ camera"');
    const script = await h.request('/scan.js');
    expect(script.headers.get('content-type')).toContain('text/javascript');
    expect((await script.text()).length).toBeGreaterThan(1000);

    const ico = await h.request('/favicon.ico');
    expect(ico.status).toBe(200);
    expect(ico.headers.get('content-type')).toBe('image/x-icon');
    expect(ico.headers.get('cache-control')).toMatch(/public, max-age=\d+/);
    const bytes = new Uint8Array(await ico.arrayBuffer());
    expect([...bytes.slice(0, 8)]).toEqual([0, 0, 1, 0, 1, 0, 32, 32]); // an icon, one image, 32×32
    expect(bytes.length).toBe(6 + 16 + 40 + 32 * 32 * 4 + 32 * 4);
    const svg = await h.request('/favicon.svg');
    expect(svg.headers.get('content-type')).toBe('image/svg+xml');
    expect(svg.headers.get('cache-control')).toMatch(/public, max-age=\d+/);
    expect(await svg.text()).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  });

  it('leads /console/ to the console, which asks a stranger to sign in', async () => {
    const res = await h.request('/console/');
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe('/console');
    const console = await h.request('/console');
    expect(console.status).toBe(303);
    expect(console.headers.get('location')).toBe('/console/sign-in?next=%2Fconsole');
  });
});
