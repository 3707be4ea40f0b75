import { describe, expect, it } from 'vitest';
import { addVirtualAuthenticator } from '../support/browser';
import { cliEnrolLink } from '../support/cli';
import { consoleInBrowser } from '../support/console-browser';
import { STATISTICS_SCENARIO, seedRegistry } from '../support/statistics-registry';

describe('an authority reads its province’s statistics on a phone', () => {
  const env = consoleInBrowser();

  it('sees charts with their figures as text, changes the periods, downloads the report and records a target', async () => {
    const { h, browser, server } = env;
    await seedRegistry(h.db, STATISTICS_SCENARIO, 'E2E');
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const { page } = await addVirtualAuthenticator(context);
    const foreign: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(server.origin)) foreign.push(r.url());
    });
    await page.goto(cliEnrolLink(h, '--role', 'authority', '--province', '19', '--name', 'Nông Thị Thống Kê'));
    await page.getByRole('button', { name: 'Tạo passkey và đăng nhập' }).click();
    await page.waitForURL(`${server.origin}/console`);

    await page.getByRole('link', { name: 'Thống kê' }).click();
    await page.waitForURL(`${server.origin}/console/statistics`);
    expect(await page.locator('[data-scope]').textContent()).toContain('Phạm vi: Tỉnh Thái Nguyên');
    // Every chart is one image with a name, and its figures follow as a table.
    const charts = page.getByRole('img');
    expect(await charts.count()).toBeGreaterThanOrEqual(6);
    const stars = page.getByRole('img', { name: 'Sản phẩm theo hạng sao' });
    expect(await stars.isVisible()).toBe(true);
    const starsTable = page.locator('table[data-chart-table="by-stars"]');
    expect(await starsTable.getByRole('rowheader').allTextContents()).toEqual(['3 sao', '4 sao']);
    expect(await page.locator('[data-figure="products"]').textContent()).toBe('4');
    // Nothing wider than the phone, and nothing fetched from anywhere else.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const svgWidth = await stars.evaluate((svg) => svg.getBoundingClientRect().width);
    expect(svgWidth).toBeLessThanOrEqual(390);
    expect(svgWidth).toBeGreaterThan(300);

    await page.getByRole('combobox', { name: 'Kỳ', exact: true }).selectOption('month');
    await page.getByLabel('Từ ngày').fill('2026-04-01');
    await page.getByLabel('Đến ngày').fill('2026-06-30');
    await page.getByRole('button', { name: 'Xem thống kê' }).click();
    await page.waitForURL(/granularity=month/);
    expect(
      await page.locator('tr[data-period]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-period'))),
    ).toEqual(['2026-04', '2026-05', '2026-06']);
    expect(await page.locator('tr[data-period="2026-05"] td[data-flow="new"]').textContent()).toBe('1');
    expect(await page.locator('tr[data-period="2026-04"] td[data-flow="renewed"]').textContent()).toBe('1');

    const xlsx = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Excel (.xlsx)' }).click();
    expect((await xlsx).suggestedFilename()).toBe('thong-ke-ocop-19-2026-04-01-2026-06-30.xlsx');

    await page.getByLabel('Loại chỉ tiêu').selectOption('products_per_commune');
    await page.getByLabel('Con số cần đạt').fill('1');
    await page.getByLabel('Số xã (huyện) của kế hoạch').fill('4');
    await page.getByLabel('Đến năm').fill('2030');
    await page.getByRole('button', { name: 'Lưu chỉ tiêu' }).click();
    await page.waitForURL(/saved=1/);
    expect(await page.getByRole('status').first().textContent()).toContain('Đã lưu chỉ tiêu');
    const row = page.locator('tr[data-target="products_per_commune"]');
    expect(await row.textContent()).toContain('Mỗi xã có ít nhất 1 sản phẩm OCOP (4 xã)');
    expect(await row.locator('[data-progress]').textContent()).toContain('2/4 · Chưa đạt');
    expect(foreign).toEqual([]);
    await context.close();
  }, 120_000);
});
