import { describe, expect, it } from 'vitest';
import { addVirtualAuthenticator } from '../support/browser';
import { consoleInBrowser } from '../support/console-browser';
import { cliEnrolLink } from '../support/cli';

describe('an administrator off-boards an inspector who is signed in', () => {
  const env = consoleInBrowser();

  it('shows each person who the link makes them, and the disabled inspector’s next action lands on sign-in', async () => {
    const { h, browser, server } = env;
    const adminContext = await browser.newContext();
    const { page: admin } = await addVirtualAuthenticator(adminContext);
    await admin.goto(cliEnrolLink(h, '--role', 'admin', '--name', 'Trần Quản Trị'));
    await expect.poll(() => admin.locator('[data-enrolment-preview]').textContent()).toContain('Vai trò: Quản trị');
    await admin.getByRole('button', { name: 'Tạo passkey và đăng nhập' }).click();
    await admin.waitForURL(`${server.origin}/console`);

    const inspectorContext = await browser.newContext();
    const { page: inspector } = await addVirtualAuthenticator(inspectorContext);
    await inspector.goto(cliEnrolLink(h, '--role', 'inspector', '--province', '20', '--name', 'Nông Văn Kiểm'));
    await expect
      .poll(() => inspector.locator('[data-enrolment-preview]').textContent())
      .toBe('Bạn sẽ đăng ký với tên: Nông Văn Kiểm · Vai trò: Thanh tra · Phạm vi: Tỉnh Lạng Sơn.');
    await inspector.getByRole('button', { name: 'Tạo passkey và đăng nhập' }).click();
    await inspector.waitForURL(`${server.origin}/console`);
    await inspector.getByRole('link', { name: 'Hậu kiểm' }).click();
    await inspector.waitForURL(`${server.origin}/console/inspect`);

    await admin.getByRole('link', { name: 'Người dùng', exact: true }).click();
    const row = admin.getByRole('row', { name: /Nông Văn Kiểm/ });
    expect(await row.getByRole('cell').nth(2).textContent()).toBe('Tỉnh Lạng Sơn');
    await row.getByRole('button', { name: 'Vô hiệu hóa Nông Văn Kiểm' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Xác thực lại bằng passkey' });
    await dialog.waitFor({ state: 'visible' });
    await dialog.getByRole('button', { name: 'Xác thực' }).click();
    await expect
      .poll(() => admin.locator('main .notice[role="status"]').first().textContent(), { timeout: 30_000 })
      .toContain('Đã vô hiệu hóa Nông Văn Kiểm');
    expect(await admin.getByRole('row', { name: /Nông Văn Kiểm/ }).textContent()).toContain('Đã vô hiệu hóa');

    await inspector.getByRole('link', { name: 'Nghi sao chép' }).click();
    await inspector.waitForURL(/\/console\/sign-in\?next=%2Fconsole%2Fsuspicious/);
    expect(await inspector.getByRole('heading', { name: 'Đăng nhập' }).count()).toBe(1);
    for (const context of [adminContext, inspectorContext]) await context.close();
  }, 120_000);
});
