import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VERDICT_STATUSES } from '../../src/domain/verdict';
import { STATUS_TEXT } from '../../web/i18n';
import { launchChromium, listen } from '../support/browser';
import { openHarness, type Harness } from '../support/harness';

const WITH_PRODUCT = ['void', 'recalled', 'revoked', 'suspended', 'expired', 'valid'] as const;
const STARS = { void: 4, valid: 4, recalled: 4, revoked: 4, suspended: 4, expired: 3 } as const;
const BANNER = {
  valid: 'rgb(30, 123, 52)',
  forged: 'rgb(179, 38, 30)',
  revoked: 'rgb(179, 38, 30)',
  recalled: 'rgb(179, 38, 30)',
} as Record<string, string>;

describe('verification page in Chromium', () => {
  let h: Harness;
  let browser: Browser;
  let server: Awaited<ReturnType<typeof listen>>;

  beforeAll(async () => {
    h = await openHarness('pglite');
    server = await listen(h.app.fetch);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await h?.close();
  });

  it.each(VERDICT_STATUSES)('shows the %s demo stamp with its banner, stars and words', async (status) => {
    const page = await browser.newPage();
    const response = await page.goto(`${server.origin}/S/${h.codes[status]}`);
    expect(response!.status()).toBe(200);
    const banner = page.locator('[role="status"]');
    expect(await banner.getAttribute('data-status')).toBe(status);
    expect(await page.locator('h1').textContent()).toBe(STATUS_TEXT.vi[status].title);
    const colour = await banner.evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(colour).toBe(BANNER[status] ?? 'rgb(242, 183, 5)');
    if ((WITH_PRODUCT as readonly string[]).includes(status)) {
      const stars = STARS[status as keyof typeof STARS];
      expect(await page.getByRole('img', { name: `${stars} trên 5 sao` }).count()).toBe(1);
    } else {
      expect(await page.locator('.stars').count()).toBe(0);
    }
    await page.close();
  });

  it('switches to English and back with the keyboard', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/S/${h.codes.revoked}`);
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('English');
    await page.keyboard.press('Enter');
    await page.waitForURL(/lang=en/);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('h1').textContent()).toBe('OCOP certificate revoked');
    expect(await page.getByRole('img', { name: '4 out of 5 stars' }).count()).toBe(1);
    await page.getByRole('link', { name: 'Tiếng Việt' }).click();
    await page.waitForURL(/lang=vi/);
    expect(await page.locator('h1').textContent()).toBe('Chứng nhận OCOP đã bị thu hồi');
    await page.close();
  });

  it('shows origin details a consumer looks for on a valid stamp', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${server.origin}/S/${h.codes.valid}`);
    const text = await page.locator('main').textContent();
    for (const expected of [
      'Tinh dầu hồi Văn Quan',
      'HTX Văn Quan Xanh',
      'VN-LSOR-0031',
      'VietGAP',
      'HVQ2610',
      '02/10/2026',
      'OCOP-LS-2025-0142',
      '15/09/2025 – 14/09/2028',
      'Dữ liệu minh họa',
    ]) {
      expect(text).toContain(expected);
    }
    // Nothing overflows a phone-width screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.close();
  });
});
