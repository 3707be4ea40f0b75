import { describe, expect, it } from 'vitest';
import { addVirtualAuthenticator } from '../support/browser';
import { cliEnrolLink } from '../support/cli';
import { consoleInBrowser } from '../support/console-browser';

describe('an authority registers a point of sale and opens its public page', () => {
  const env = consoleInBrowser();

  it('registers the organisation and the shop in the console, and the public page reads it live', async () => {
    const { h, browser, server } = env;
    const context = await browser.newContext();
    const { page } = await addVirtualAuthenticator(context);
    await page.goto(cliEnrolLink(h, '--role', 'authority', '--province', '20', '--name', 'Lường Văn Bán'));
    await page.getByRole('button', { name: 'Tạo passkey và đăng nhập' }).click();
    await page.waitForURL(`${server.origin}/console`);

    await page.getByRole('link', { name: 'Điểm bán OCOP' }).click();
    await page.waitForURL(`${server.origin}/console/points-of-sale`);
    const org = page.locator('form[action="/console/points-of-sale/organisations"]');
    await org.getByRole('textbox', { name: 'Tên', exact: true }).fill('Hợp tác xã Thương mại Kỳ Lừa');
    await org.getByLabel('Số đăng ký kinh doanh').fill('4900888777');
    await org.getByLabel('Địa chỉ').fill('Số 2 Kỳ Lừa');
    await org.getByLabel('Tỉnh, thành phố').selectOption('20');
    await org.getByRole('button', { name: 'Đăng ký' }).click();
    await page.waitForURL(/\/console\/points-of-sale\/organisations\/[0-9a-f-]{36}$/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Hợp tác xã Thương mại Kỳ Lừa');

    const shop = page.locator('form[action$="/points"]');
    await shop
      .getByRole('textbox', { name: 'Tên', exact: true })
      .fill('Điểm giới thiệu và bán sản phẩm OCOP chợ Kỳ Lừa');
    await shop.getByLabel('Địa chỉ').fill('Ki-ốt 12, chợ Kỳ Lừa');
    await shop.getByLabel('Mã xã, phường (5 chữ số)').fill('abc');
    await shop.getByLabel('Tên xã, phường').fill('Phường Đông Kinh');
    await shop.getByLabel('Ngày mở').fill('2026-03-01');
    await shop.getByRole('button', { name: 'Đăng ký' }).click();
    // A slip is refused beside its field, in Vietnamese, with what was typed kept.
    expect(await page.getByRole('alert').allTextContents()).toContain('Mã xã gồm 5 chữ số.');
    await shop.getByLabel('Mã xã, phường (5 chữ số)').fill('06265');
    await shop.getByRole('button', { name: 'Đăng ký' }).click();
    await page.getByRole('heading', { name: 'Điểm giới thiệu và bán sản phẩm OCOP chợ Kỳ Lừa' }).waitFor();

    await page.getByRole('link', { name: 'Trang xác minh công khai' }).click();
    await page.waitForURL(/\/register\/points-of-sale\/[0-9a-f-]{36}$/);
    expect(await page.getByRole('status').textContent()).toContain('Đang hoạt động');
    expect(await page.locator('main').textContent()).toContain('Hợp tác xã Thương mại Kỳ Lừa');
    await context.close();
  }, 120_000);
});
