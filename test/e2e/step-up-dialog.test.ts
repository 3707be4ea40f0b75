import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { webauthnChallenges } from '../../src/db/schema';
import type { Verdict } from '../../src/services/verification/verdict-types';
import { addVirtualAuthenticator } from '../support/browser';
import { cliEnrolLink } from '../support/cli';
import { consoleInBrowser } from '../support/console-browser';

describe('the step-up dialog restates each decision and asks for a passkey once in 5 minutes', () => {
  const env = consoleInBrowser();

  it('recalls a batch with a passkey, then revokes with only a confirmation; nothing is chosen for the inspector', async () => {
    const { h, browser, server } = env;
    const valid = (await (await h.request(`/api/v1/verify/${h.codes.valid}`)).json()) as Verdict;
    const stepUps = async () =>
      (await h.db.select({ n: count() }).from(webauthnChallenges).where(eq(webauthnChallenges.purpose, 'step_up')))[0]!
        .n;
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const { page } = await addVirtualAuthenticator(context);
    await page.goto(cliEnrolLink(h, '--role', 'inspector', '--province', '20', '--name', 'Nông Văn Kiểm'));
    await page.getByRole('button', { name: 'Tạo passkey và đăng nhập' }).click();
    await page.waitForURL(`${server.origin}/console`);
    await page.goto(`${server.origin}/console/inspect/products/${valid.productId}`);

    // First decision: a recall. The dialog says what and on which batch, field by field, and asks for a passkey.
    await page.getByText(`Thu hồi lô ${valid.batch!.lot}`).click();
    const recall = page.locator(`form[action="/console/inspect/batches/${valid.batchId}/recall"]`);
    await recall.getByLabel('Ngày hiệu lực').fill('2026-11-23');
    await recall.getByLabel('Lý do').fill('Mẫu tinh dầu không đạt');
    await recall.getByLabel('Căn cứ (số quyết định, biên bản)').fill('88/QĐ-SNNMT');
    await recall.getByLabel('Cơ quan quyết định').fill('Sở NN&MT Lạng Sơn');
    await recall.getByRole('button', { name: 'Thu hồi lô' }).click();
    const asking = page.getByRole('dialog', { name: 'Xác thực lại bằng passkey' });
    await asking.waitFor({ state: 'visible' });
    expect(await asking.locator('[data-step-up-what]').textContent()).toBe(
      `Thu hồi lô ${valid.batch!.lot} của sản phẩm ${valid.product!.name}`,
    );
    expect(await asking.locator('dl').innerText()).toMatch(/Lý do\s+Mẫu tinh dầu không đạt/);
    // Going back sends nothing.
    await asking.getByRole('button', { name: 'Quay lại' }).click();
    await asking.waitFor({ state: 'hidden' });
    expect(page.url()).not.toContain('done=');
    await recall.getByRole('button', { name: 'Thu hồi lô' }).click();
    await asking.waitFor({ state: 'visible' });
    await asking.getByRole('button', { name: 'Xác thực' }).click();
    await page.waitForURL(/done=recall/, { timeout: 15_000 });
    expect(await stepUps()).toBe(1);

    // Second decision, a moment later: the action and the grounds start unchosen.
    await page.getByText('Đình chỉ, khôi phục hoặc thu hồi').click();
    const status = page.locator(`form[action="/console/inspect/certificates/${valid.certificateId}/status"]`);
    expect(await status.getByLabel('Thao tác').inputValue()).toBe('');
    expect(await status.getByLabel('Căn cứ thu hồi (chỉ khi thu hồi)').inputValue()).toBe('');
    await status.getByLabel('Thao tác').selectOption('revoke');
    await status.getByLabel('Căn cứ thu hồi (chỉ khi thu hồi)').selectOption('violation');
    await status.getByLabel('Ngày hiệu lực').fill('2026-11-23');
    await status.getByLabel('Lý do').fill('Pha dầu khoáng vào tinh dầu hồi');
    await status.getByLabel('Căn cứ (số quyết định, biên bản)').fill('1290/QĐ-UBND');
    await status.getByLabel('Cơ quan quyết định').fill('UBND tỉnh Lạng Sơn');
    await status.getByRole('button', { name: 'Ghi quyết định' }).click();
    // The assertion of a minute ago still covers it: the dialog restates the decision and asks no passkey.
    const confirming = page.getByRole('dialog', { name: 'Xác nhận quyết định' });
    await confirming.waitFor({ state: 'visible' });
    expect(await confirming.locator('[data-step-up-what]').textContent()).toBe(
      `Thu hồi giấy chứng nhận số ${valid.certificate!.number} của sản phẩm ${valid.product!.name}`,
    );
    const details = await confirming.locator('dl').innerText();
    expect(details).toMatch(/Căn cứ thu hồi \(chỉ khi thu hồi\)\s+Vi phạm an toàn thực phẩm/);
    expect(details).toMatch(/Căn cứ \(số quyết định, biên bản\)\s+1290\/QĐ-UBND/);
    expect(details).not.toContain('Thao tác'); // the sentence already says it
    await confirming.getByRole('button', { name: 'Xác nhận' }).click();
    await page.waitForURL(/done=status/, { timeout: 15_000 });
    expect(
      await page.getByRole('heading', { name: new RegExp(`${valid.certificate!.number} .* Đã thu hồi`) }).count(),
    ).toBe(1);
    expect(await stepUps()).toBe(1);
    await context.close();
  }, 120_000);

  it('says in Vietnamese that this device already holds the person’s passkey', async () => {
    const { h, browser, server } = env;
    const context = await browser.newContext();
    const { page } = await addVirtualAuthenticator(context);
    const { subjectId } = (await (await h.request(`/api/v1/verify/${h.codes.valid}`)).json()) as Verdict;
    await page.goto(cliEnrolLink(h, '--role', 'producer', '--subject', subjectId!, '--name', 'Hoàng Văn Quân'));
    await page.getByRole('button', { name: 'Tạo passkey và đăng nhập' }).click();
    await page.waitForURL(`${server.origin}/console`);
    await page.goto(`${server.origin}/console/passkeys`);
    const add = page.locator('form[data-passkey="add"]');
    await add.getByRole('button', { name: 'Thêm passkey' }).click();
    const status = add.locator('[role="status"]');
    await expect
      .poll(() => status.textContent(), { timeout: 30_000 })
      .toContain('Thiết bị này đã có passkey của tài khoản bạn rồi.');
    expect(await status.textContent()).not.toMatch(/authenticator|registered/i);
    await context.close();
  }, 90_000);
});
