import { describe, expect, it } from 'vitest';
import { TEST_ORIGIN } from '../support/harness';
import { consoleInBrowser } from '../support/console-browser';

describe('the front door on a phone', () => {
  const env = consoleInBrowser();

  it('takes a typed code to its verdict, says so when the text is no code, and reaches English and the console', async () => {
    const { h, browser, server } = env;
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.origin}/`);
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');
    // The keyboard's first stop is the skip link, and the code field is in the first screen.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Bỏ qua, đến nội dung chính');
    const field = page.getByLabel('Mã tem hoặc đường dẫn của mã QR');
    expect((await field.boundingBox())!.y + 40).toBeLessThan(844);

    await field.fill('không phải mã tem!');
    await field.press('Enter');
    await page.waitForURL(/\/verify\?code=/);
    expect(await page.getByRole('alert').textContent()).toContain('Không đọc được mã tem');
    expect(await field.inputValue()).toBe('không phải mã tem!');

    await field.fill(`${TEST_ORIGIN}/S/${h.codes.recalled.toLowerCase()}`);
    await page.getByRole('button', { name: 'Kiểm tra' }).click();
    await page.waitForURL(`${server.origin}/S/${h.codes.recalled}`);
    expect(await page.locator('[role="status"]').getAttribute('data-status')).toBe('recalled');

    await page.goto(`${server.origin}/`);
    await page.getByRole('link', { name: 'English' }).click();
    await page.waitForURL(`${server.origin}/?lang=en`);
    await page.getByLabel('Stamp code or the QR code’s link').fill(h.codes.valid);
    await page.getByRole('button', { name: 'Check' }).click();
    await page.waitForURL(`${server.origin}/S/${h.codes.valid}?lang=en`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Genuine stamp');

    await page.goto(`${server.origin}/`);
    await page.getByRole('link', { name: 'Đăng nhập trang quản lý' }).click();
    await page.waitForURL(`${server.origin}/console/sign-in`);
    await page.goto(`${server.origin}/console/`);
    await page.waitForURL(`${server.origin}/console/sign-in?next=%2Fconsole`);
    await context.close();
  }, 60_000);
});
