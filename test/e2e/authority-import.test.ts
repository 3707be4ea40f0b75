import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { certificates } from '../../src/db/schema';
import { addVirtualAuthenticator } from '../support/browser';
import { certificateList, listCsv, type ListRow } from '../support/certificate-list';
import { cliEnrolLink } from '../support/cli';
import { consoleInBrowser } from '../support/console-browser';

/** Three certificates of Lạng Sơn, one recorded under the former code the province kept (20). */
function langSonList(): ListRow[] {
  return certificateList(3, 'LS').map((row, i) => ({
    ...row,
    ma_tinh: i === 0 ? 'Tỉnh Lạng Sơn' : '20',
    dia_chi: `Thôn Nà Lầu, xã Văn Quan, tỉnh Lạng Sơn (${i})`,
    co_quan_cap: row.cap_cong_nhan === 'huyện' ? 'UBND huyện Văn Quan' : 'UBND tỉnh Lạng Sơn',
  }));
}

describe('an authority imports its certificate list from the console', () => {
  const env = consoleInBrowser();

  it('uploads a small file, reads the report, fixes it, and imports it with Nhập', async () => {
    const { h, browser, server } = env;
    const context = await browser.newContext();
    const { page } = await addVirtualAuthenticator(context);
    await page.goto(cliEnrolLink(h, '--role', 'authority', '--province', '20', '--name', 'Hoàng Thị Nhập'));
    await page.getByRole('button', { name: 'Tạo passkey và đăng nhập' }).click();
    await page.waitForURL(`${server.origin}/console`);

    await page.getByRole('link', { name: 'Nhập danh sách' }).click();
    await page.waitForURL(`${server.origin}/console/imports`);
    const template = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Excel (.xlsx)' }).click();
    expect((await template).suggestedFilename()).toBe('mau-nhap-chung-nhan.xlsx');

    const rows = langSonList();
    const wrong = rows.map((r, i) => (i === 1 ? { ...r, so_sao: '5' } : r));
    await page
      .getByLabel('Tệp danh sách (CSV hoặc XLSX)')
      .setInputFiles({ name: 'ocop-lang-son.csv', mimeType: 'text/csv', buffer: Buffer.from(listCsv(wrong)) });
    await page.getByRole('button', { name: 'Kiểm tra tệp' }).click();
    await page.waitForURL(`${server.origin}/console/imports`);
    expect(await page.getByRole('alert').first().textContent()).toContain('1 lỗi ở 1 dòng');
    const problem = page.locator('tr[data-problem-row="3"]');
    expect(await problem.textContent()).toContain('không phải 5 sao');
    expect(await page.getByRole('button', { name: 'Nhập', exact: true }).count()).toBe(0);

    await page.getByRole('link', { name: '‹ Tải lên tệp khác' }).click();
    await page
      .getByLabel('Tệp danh sách (CSV hoặc XLSX)')
      .setInputFiles({ name: 'ocop-lang-son.csv', mimeType: 'text/csv', buffer: Buffer.from(listCsv(rows)) });
    await page.getByRole('button', { name: 'Kiểm tra tệp' }).click();
    expect(await page.locator('[data-count="certificates"]').textContent()).toBe('3 mới, 0 đã có');
    expect(await page.locator('[data-count="problems"]').textContent()).toBe('0');
    await page.getByRole('button', { name: 'Nhập', exact: true }).click();
    await page.waitForURL(`${server.origin}/console/imports/commit`);
    expect(await page.getByRole('status').first().textContent()).toContain(
      'Đã nhập tệp ocop-lang-son.csv: 3 giấy chứng nhận',
    );

    const [stored] = await h.db.select().from(certificates).where(eq(certificates.number, rows[0]!.so_chung_nhan));
    expect(stored).toMatchObject({ issuerProvinceCode: '20', stars: Number(rows[0]!.so_sao) });
    await page.getByRole('link', { name: 'Xem danh sách chứng nhận' }).click();
    await page.getByRole('searchbox').fill(rows[2]!.so_chung_nhan);
    await page.getByRole('button', { name: 'Tìm' }).click();
    expect(await page.locator('main').textContent()).toContain(rows[2]!.so_chung_nhan);
    await context.close();
  }, 120_000);
});
