import { describe, expect, it } from 'vitest';
import { addVirtualAuthenticator } from '../support/browser';
import { consoleInBrowser } from '../support/console-browser';
import { cliEnrolLink } from '../support/cli';

describe('passkeys and the authority console in Chromium', () => {
  const env = consoleInBrowser();

  it('enrols an authority from a CLI link, signs out and in, and registers a producer, product, certificate and batch', async () => {
    const { h, browser, server } = env;
    const link = cliEnrolLink(h, '--role', 'authority', '--province', '20', '--name', 'Lê Thị Hoa');
    expect(link).toMatch(new RegExp(`^${server.origin}/enroll#`));
    const context = await browser.newContext();
    const { page } = await addVirtualAuthenticator(context);

    await page.goto(link);
    await page.getByLabel('Tên passkey').fill('Laptop văn phòng');
    await page.getByRole('button', { name: 'Tạo passkey và đăng nhập' }).click();
    await page.waitForURL(`${server.origin}/console`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('Lê Thị Hoa');

    // The link is single-use.
    const reuse = await h.request('/api/v1/auth/enrolment/options', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ enrolment: link.split('#')[1] }),
    });
    expect(reuse.status).toBe(400);

    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.waitForURL(/\/console\/sign-in/);
    await page.goto(`${server.origin}/console/subjects`);
    await page.waitForURL(/\/console\/sign-in\?next=/);
    await page.getByRole('button', { name: 'Đăng nhập bằng passkey' }).click();
    await page.waitForURL(`${server.origin}/console/subjects`);

    // A producer (chủ thể), with the keyboard-labelled form.
    await page.getByRole('link', { name: 'Thêm chủ thể' }).click();
    await page.getByLabel('Loại hình').selectOption('htx');
    await page.getByLabel('Tên chủ thể').fill('HTX Na Chi Lăng');
    await page.getByLabel('Mã số thuế / số đăng ký').fill('4900123456');
    await page.getByLabel('Tỉnh, thành phố').selectOption('20');
    await page.getByLabel('Địa chỉ (như trên giấy tờ)').fill('xã Chi Lăng, tỉnh Lạng Sơn');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.waitForURL(/\/console\/subjects\?saved=1/);
    expect(await page.getByRole('cell', { name: 'HTX Na Chi Lăng', exact: true }).count()).toBe(1);

    await page.goto(`${server.origin}/console/products/new`);
    await page.getByRole('combobox', { name: 'Chủ thể', exact: true }).selectOption({ label: 'HTX Na Chi Lăng' });
    await page.getByLabel('Tên sản phẩm').fill('Na Chi Lăng');
    await page.getByLabel('Nhóm (QĐ 148)').selectOption('1');
    await page.getByLabel('Phân nhóm').selectOption('1.1');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.waitForURL(/\/console\/products\?saved=1/);

    // A certificate whose stars disagree with its score: the error stands next to the field.
    await page.goto(`${server.origin}/console/certificates/new`);
    await page.getByRole('combobox', { name: 'Sản phẩm', exact: true }).selectOption({ label: 'Na Chi Lăng' });
    await page.getByLabel('Số giấy chứng nhận').fill('OCOP-LS-2026-0200');
    await page.getByLabel('Điểm (0–100)').fill('72');
    await page.getByLabel('Hạng sao').selectOption('5');
    await page.getByLabel('Cơ quan công nhận').fill('UBND tỉnh Lạng Sơn');
    await page.getByLabel('Cấp công nhận').selectOption('province');
    await page.getByLabel('Số quyết định').fill('2001/QĐ-UBND');
    await page.getByLabel('Ngày quyết định').fill('2026-08-01');
    await page.getByRole('button', { name: 'Lưu' }).click();
    const starsField = page.getByLabel('Hạng sao');
    expect(await starsField.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#f-stars-err').textContent()).toContain('Điểm 72 tương ứng 4 sao');
    await starsField.selectOption('4');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.waitForURL(/\/console\/certificates\?saved=1/);
    expect(await page.getByRole('cell', { name: 'OCOP-LS-2026-0200', exact: true }).count()).toBe(1);

    await page.goto(`${server.origin}/console/batches/new`);
    await page.getByRole('combobox', { name: 'Sản phẩm', exact: true }).selectOption({ label: 'Na Chi Lăng' });
    await page.getByLabel('Số lô').fill('NA2609');
    await page.getByLabel('Ngày sản xuất').fill('2026-09-10');
    await page.getByLabel('Số lượng sản phẩm').fill('1200');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.waitForURL(/\/console\/batches\?saved=1/);
    expect(await page.getByRole('cell', { name: 'NA2609', exact: true }).count()).toBe(1);

    const audit = (await (
      await h.request('/api/v1/audit?limit=200', { headers: { authorization: `Bearer ${await h.token('admin')}` } })
    ).json()) as { items: { action: string; actor: string }[] };
    const mine = audit.items.filter((e) => e.actor.startsWith('session:')).map((e) => e.action);
    expect(mine).toEqual(
      expect.arrayContaining([
        'person.enrol',
        'passkey.add',
        'session.start',
        'subject.create',
        'product.create',
        'certificate.create',
        'batch.create',
      ]),
    );
    await context.close();
  });

  it('asks an admin for a fresh passkey before creating a token', async () => {
    const { h, browser, server } = env;
    const context = await browser.newContext();
    const { page } = await addVirtualAuthenticator(context);
    await page.goto(cliEnrolLink(h, '--role', 'admin', '--name', 'Quản trị viên'));
    await page.getByRole('button', { name: 'Tạo passkey và đăng nhập' }).click();
    await page.waitForURL(`${server.origin}/console`);

    await page.goto(`${server.origin}/console/tokens`);
    await page.getByLabel('Họ tên / tên').fill('Máy quét kho Lạng Sơn');
    await page.getByLabel('Vai trò').selectOption('retailer');
    await page.getByLabel('Phạm vi').selectOption('20');
    await page.getByRole('button', { name: 'Tạo mã truy cập' }).click();
    const dialog = page.getByRole('dialog', { name: 'Xác thực lại bằng passkey' });
    await dialog.waitFor({ state: 'visible' });
    await dialog.getByRole('button', { name: 'Xác thực' }).click();
    const secret = await page.locator('[data-new-token]').textContent({ timeout: 15_000 });
    expect(secret).toMatch(/^ocop_/);
    const check = await h.request('/api/v1/verify', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
      body: JSON.stringify({ codes: [h.codes.valid] }),
    });
    expect(check.status).toBe(200);
    await context.close();
  });

  it('does not sign in a browser that holds no passkey', async () => {
    const { browser, server } = env;
    const context = await browser.newContext();
    const { page } = await addVirtualAuthenticator(context);
    await page.goto(`${server.origin}/console/sign-in`);
    await page.getByRole('button', { name: 'Đăng nhập bằng passkey' }).click();
    const status = page.locator('form[data-passkey="sign-in"] [role="status"]');
    await expect.poll(async () => status.getAttribute('class'), { timeout: 70_000 }).toBe('error');
    expect(page.url()).toContain('/console/sign-in');
    expect((await context.cookies()).some((c) => c.name === 'ocop_session')).toBe(false);
    await context.close();
  }, 90_000);
});
