import { describe, expect, it } from 'vitest';
import { createEnrolment } from '../../src/services/auth/enrolment';
import { addVirtualAuthenticator } from '../support/browser';
import { consoleInBrowser } from '../support/console-browser';
import { ADMIN } from '../support/harness';

/** The markup from the security review, as a person's name: 115 characters, within the 120 allowed. */
const NAME =
  'Bình </title><meta http-equiv=refresh content="0;url=https://evil.example">"><form action="/console/people/invite">';

describe('a person whose name is markup', () => {
  const env = consoleInBrowser();

  it('reads their name as text on the enrolment page, in the console’s title, header and heading, and on the people page', async () => {
    const { h, browser, server } = env;
    const { link } = await createEnrolment({
      ctx: h.ctx(ADMIN),
      input: { name: NAME, role: 'authority', provinceCode: '20', subjectId: null },
    });
    const { page } = await addVirtualAuthenticator(await browser.newContext());
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const injected = async () => ({
      refresh: await page.locator('meta[http-equiv]').count(),
      inviteForms: await page.locator('form[action="/console/people/invite"]').count(),
      bold: await page.locator('b').count(),
    });

    await page.goto(link);
    await expect
      .poll(() => page.locator('[data-enrolment-preview]').textContent())
      .toContain(`Bạn sẽ đăng ký với tên: ${NAME} · Vai trò: Cơ quan quản lý`);
    expect(await injected()).toEqual({ refresh: 0, inviteForms: 0, bold: 0 });

    await page.getByRole('button', { name: 'Tạo passkey và đăng nhập' }).click();
    await page.waitForURL(`${server.origin}/console`);
    expect(await page.title()).toBe(`Xin chào, ${NAME} · OCOP`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(`Xin chào, ${NAME}`);
    expect(await page.locator('header .who').textContent()).toContain(NAME);
    expect(await injected()).toEqual({ refresh: 0, inviteForms: 0, bold: 0 });

    await page.getByRole('link', { name: 'Người dùng', exact: true }).click();
    await page.waitForURL(`${server.origin}/console/people`);
    expect(await page.getByRole('cell', { name: NAME, exact: true }).count()).toBe(1);
    // Only the page's own invitation form, holding the page's own CSRF token.
    expect(await injected()).toEqual({ refresh: 0, inviteForms: 1, bold: 0 });
    expect(await page.locator('form[action="/console/people/invite"] input[name="_csrf"]').count()).toBe(1);
    expect(page.url()).toBe(`${server.origin}/console/people`);
    expect(dialogs).toEqual([]);
  });
});
