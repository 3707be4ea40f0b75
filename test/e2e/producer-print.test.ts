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
    await page.getByRole('combobox', { name: 'Sản phẩm và lô' }).selectOption({ label: 'Tinh dầu hồi Văn Quan – lô HVQ2610' });
    await page.getByRole('combobox', { name: 'Mẫu nhãn (khổ giấy)' }).selectOption('a4-3x8-70x37');
    await page.getByRole('button', { name: 'Xem trước' }).click();
    const preview = page.getByRole('img', { name: 'Xem trước tờ nhãn đầu tiên' });
    await expect.poll(() => preview.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);

    await page.getByRole('spinbutton', { name: 'Số tem cần in' }).fill('48');
    await page.getByRole('button', { name: 'In tem' }).click();
    await page.waitForURL(/\/console\/print\/jobs\//);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /Phần 1 \(48 tem/ }).click()]);
    const pdf = new Uint8Array(readFileSync((await download.path())!));
    const decoded = decodeLabels(pdf, LABEL_TEMPLATES.get('a4-3x8-70x37')!, 48, 300);
    expect(decoded.filter(Boolean)).toHaveLength(48);
    const verdicts = (await (await h.request('/api/v1/verify', json({ codes: decoded }))).json()) as { verdicts: Verdict[] };
    expect(verdicts.verdicts.map((v) => v.status)).toEqual(Array(48).fill('valid'));

    // The history lists the job; voiding its first serial turns that stamp void.
    await page.goto(`${server.origin}/console/print`);
    await page.getByRole('button', { name: 'Hủy' }).first().click();
    await page.waitForURL(/voided=1/);
    const after = (await (await h.request('/api/v1/verify', json({ codes: decoded.slice(0, 2) }))).json()) as { verdicts: Verdict[] };
    expect(after.verdicts.map((v) => v.status)).toEqual(['void', 'valid']);
    await context.close();
  }, 120_000);
});
