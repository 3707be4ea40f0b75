import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LABEL_TEMPLATES } from '../../src/labels/templates';
import type { Verdict } from '../../src/services/verification/verdict-types';
import { addVirtualAuthenticator } from '../support/browser';
import { consoleInBrowser } from '../support/console-browser';
import { cliEnrolLink } from '../support/cli';
import { decodeLabels } from '../support/decode-labels';
import { json } from '../support/harness';

describe('a producer prints labels from the browser', () => {
  const env = consoleInBrowser();

  it('signs in with a passkey, previews, prints 48 labels, downloads the PDF, and every QR decodes and verifies', async () => {
    const { h, browser, server } = env;
    const vanQuan = ((await (await h.request(`/api/v1/verify/${h.codes.valid}`)).json()) as Verdict).subjectId!;
    const context = await browser.newContext({ acceptDownloads: true });
    const { page } = await addVirtualAuthenticator(context);
    await page.goto(cliEnrolLink(h, '--role', 'producer', '--subject', vanQuan, '--name', 'Hoàng Văn Quân'));
    await page.getByRole('button', { name: 'Tạo passkey và đăng nhập' }).click();
    await page.waitForURL(`${server.origin}/console`);

    await page.getByRole('link', { name: 'In tem' }).click();
    await page
      .getByRole('combobox', { name: 'Sản phẩm và lô' })
      .selectOption({ label: 'Tinh dầu hồi Văn Quan – lô HVQ2610' });
    await page.getByRole('combobox', { name: 'Mẫu nhãn (khổ giấy)' }).selectOption('a4-3x8-70x37');
    await page.getByRole('button', { name: 'Xem trước' }).click();
    await page.waitForURL(`${server.origin}/console/print/preview`); // a POST: no form fields, no _csrf in the URL
    const preview = page.getByRole('img', { name: 'Xem trước tờ nhãn đầu tiên' });
    const box = (await preview.boundingBox())!;
    expect(box.width).toBeGreaterThan(600); // was 285×400 px; now the page's width, up to A4's 210 mm
    expect(box.height / box.width).toBeCloseTo(297 / 210, 1);
    expect(await page.getByText('In ở tỉ lệ 100% (kích thước thực).').first().isVisible()).toBe(true);

    await page.getByRole('spinbutton', { name: 'Số tem cần in' }).fill('48');
    await page.getByRole('button', { name: 'In tem' }).click();
    await page.waitForURL(/\/console\/print\/jobs\//);
    const jobId = page.url().split('/').at(-1)!;
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /Phần 1 \(48 tem/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`tem-HVQ2610-${jobId.slice(0, 8)}-phan-1.pdf`);
    const pdf = new Uint8Array(readFileSync((await download.path())!));
    const decoded = decodeLabels(pdf, LABEL_TEMPLATES.get('a4-3x8-70x37')!, 48, 300);
    expect(decoded.filter(Boolean)).toHaveLength(48);
    const verdicts = (await (await h.request('/api/v1/verify', json({ codes: decoded }))).json()) as {
      verdicts: Verdict[];
    };
    expect(verdicts.verdicts.map((v) => v.status)).toEqual(Array(48).fill('valid'));

    // The history lists the job; its row takes its own serials, shows them, and voids on confirmation.
    await page.goto(`${server.origin}/console/print`);
    const serial = Number((await page.locator('tbody tr').first().locator('td').nth(3).textContent())!.split('–')[0]); // the first label's
    await page
      .getByRole('textbox', { name: /Sê-ri cần vô hiệu/ })
      .first()
      .fill(String(serial));
    await page.getByRole('button', { name: 'Vô hiệu tem' }).first().click();
    await expect.poll(() => page.getByRole('heading', { name: 'Vô hiệu 1 tem?' }).isVisible()).toBe(true);
    expect(await page.locator('[data-void-serials] li').allTextContents()).toEqual([String(serial)]);
    await page.getByRole('button', { name: 'Vô hiệu 1 tem' }).click();
    await page.waitForURL(/voided=/);
    expect(await page.getByRole('status').first().textContent()).toContain(`Đã vô hiệu 1 tem, sê-ri ${serial}`);
    const after = (await (await h.request('/api/v1/verify', json({ codes: decoded.slice(0, 2) }))).json()) as {
      verdicts: Verdict[];
    };
    expect(after.verdicts.map((v) => v.status)).toEqual(['void', 'valid']);
    await context.close();
  }, 120_000);
});
