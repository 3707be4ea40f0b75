import { describe, expect, it } from 'vitest';
import type { Verdict } from '../../src/services/verification/verdict-types';
import { addVirtualAuthenticator } from '../support/browser';
import { consoleInBrowser } from '../support/console-browser';
import { cliEnrolLink } from '../support/cli';

describe('an inspector revokes from the browser, and every party sees it', () => {
  const env = consoleInBrowser();

  it('records an inspection, revokes with step-up; the consumer page shows it and the producer cannot print', async () => {
    const { h, browser, server } = env;
    const valid = (await (await h.request(`/api/v1/verify/${h.codes.valid}`)).json()) as Verdict;
    const inspector = await browser.newContext();
    const { page } = await addVirtualAuthenticator(inspector);
    await page.goto(cliEnrolLink(h, '--role', 'inspector', '--province', '20', '--name', 'Nông Văn Kiểm'));
    await page.getByRole('button', { name: 'Tạo passkey và đăng nhập' }).click();
    await page.waitForURL(`${server.origin}/console`);

    await page.getByRole('link', { name: 'Hậu kiểm' }).click();
    await page.getByRole('searchbox').fill('HVQ2610');
    await page.getByRole('button', { name: 'Tìm' }).click();
    await page.getByRole('link', { name: 'Tinh dầu hồi Văn Quan' }).click();
    await page.waitForURL(/\/console\/inspect\/products\//);

    await page.getByText('Ghi nhận kiểm tra').click();
    const inspection = page.locator('#new-inspection form');
    await inspection.getByLabel('Ngày kiểm tra').fill('2026-11-20');
    await inspection.getByLabel('Cơ quan kiểm tra').fill('Chi cục QLCL Nông lâm thủy sản Lạng Sơn');
    await inspection.getByRole('combobox', { name: 'Kết quả', exact: true }).selectOption('violations');
    await inspection.getByLabel('Kết quả kiểm tra, phát hiện').fill('Mẫu tinh dầu pha dầu khoáng');
    await inspection.getByLabel(/Mẫu đã lấy/).fill('M-01; Tinh dầu hồi 10 ml; không đạt');
    await inspection.getByRole('button', { name: 'Lưu biên bản' }).click();
    await page.waitForURL(/done=inspection/);
    expect(await page.getByText('Mẫu tinh dầu pha dầu khoáng').count()).toBeGreaterThan(0);

    await page.getByText('Đình chỉ, khôi phục hoặc thu hồi').click();
    const action = page.locator(`form[action="/console/inspect/certificates/${valid.certificateId}/status"]`);
    await action.getByLabel('Thao tác').selectOption('revoke');
    await action.getByLabel('Căn cứ thu hồi (chỉ khi thu hồi)').selectOption('violation');
    await action.getByLabel('Ngày hiệu lực').fill('2026-11-23');
    await action.getByLabel('Lý do').fill('Pha dầu khoáng vào tinh dầu hồi');
    await action.getByLabel('Căn cứ (số quyết định, biên bản)').fill('1290/QĐ-UBND');
    await action.getByLabel('Cơ quan quyết định').fill('UBND tỉnh Lạng Sơn');
    await action.getByLabel('Theo lần kiểm tra').selectOption({ index: 1 });
    await action.getByRole('button', { name: 'Ghi quyết định' }).click();
    const dialog = page.getByRole('dialog', { name: 'Xác thực lại bằng passkey' });
    await dialog.waitFor({ state: 'visible' });
    await dialog.getByRole('button', { name: 'Xác thực' }).click();
    await page.waitForURL(/done=status/, { timeout: 15_000 });
    expect(await page.getByRole('heading', { name: /OCOP-LS-2025-0142 .* Đã thu hồi/ }).count()).toBe(1);
    expect(await page.locator('#timeline + ol').textContent()).toContain('thu hồi');

    // A consumer, elsewhere, scans the same stamp.
    const consumer = await browser.newContext();
    const shopper = await consumer.newPage();
    await shopper.goto(`${server.origin}/S/${h.codes.valid}`);
    expect(await shopper.locator('[role="status"]').getAttribute('data-status')).toBe('revoked');
    expect(await shopper.locator('main').textContent()).toContain('1290/QĐ-UBND');
    expect(await shopper.getByRole('button', { name: 'Gửi báo cáo' }).isVisible()).toBe(true);

    // The producer's print page refuses new stamps for the revoked product, and says why.
    const producer = await browser.newContext();
    const { page: print } = await addVirtualAuthenticator(producer);
    await print.goto(cliEnrolLink(h, '--role', 'producer', '--subject', valid.subjectId!, '--name', 'Hoàng Văn Quân'));
    await print.getByRole('button', { name: 'Tạo passkey và đăng nhập' }).click();
    await print.waitForURL(`${server.origin}/console`);
    await print.goto(`${server.origin}/console/print`);
    await print
      .getByRole('combobox', { name: 'Sản phẩm và lô' })
      .selectOption({ label: 'Tinh dầu hồi Văn Quan – lô HVQ2610' });
    await print.getByRole('spinbutton', { name: 'Số tem cần in' }).fill('10');
    await print.getByRole('button', { name: 'In tem' }).click();
    await expect
      .poll(() => print.getByRole('alert').first().textContent())
      .toContain('đã bị thu hồi: không được in tem');
    for (const context of [inspector, consumer, producer]) await context.close();
  }, 120_000);
});
