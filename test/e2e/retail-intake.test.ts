import { readFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq, gte, lte } from 'drizzle-orm';
import { compactVerify, createLocalJWKSet, type JSONWebKeySet } from 'jose';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { intakeItems, intakes, stampRanges, voidedSerials } from '../../src/db/schema';
import { extractStampCode } from '../../src/domain/stamp-codec';
import { STATUS_TEXT } from '../../web/i18n';
import { LABEL_TEMPLATES } from '../../src/labels/templates';
import type { Verdict } from '../../src/services/verification/verdict-types';
import { addVirtualAuthenticator, launchChromium } from '../support/browser';
import { cliEnrolLink } from '../support/cli';
import { consoleInBrowser } from '../support/console-browser';
import { decodeLabels } from '../support/decode-labels';
import { labelSheetVideo } from '../support/fake-camera';
import { bearer, json, TEST_NOW, type Harness } from '../support/harness';

/** A retailer account with a passkey, on the intake page, ready (service worker and offline data loaded). */
async function retailerOnIntake(h: Harness, context: BrowserContext, origin: string, name: string): Promise<Page> {
  // The phone keeps the wall clock while the service runs on its fixed test clock, hours apart:
  // the upload's `sentAt` puts the scan times back on the service's clock.
  const { page } = await addVirtualAuthenticator(context);
  await page.goto(cliEnrolLink(h, '--role', 'retailer', '--province', '20', '--name', name));
  await page.getByRole('button', { name: 'Tạo passkey và đăng nhập' }).click();
  await page.waitForURL(`${origin}/console`);
  await page.getByRole('link', { name: 'Nhận hàng', exact: true }).click();
  await page.waitForURL(`${origin}/console/intake/`);
  await page.locator('body[data-intake-ready="true"]').waitFor();
  // The scanner field has the focus from the start: a handheld scanner can type into it at once.
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('scan-input');
  await page.getByLabel('Điểm bán hoặc kho nhận hàng').fill('OCOP Mart Lạng Sơn, kho sau');
  return page;
}

async function freshValidCodes(h: Harness, offset: number, n: number): Promise<string[]> {
  const first = (await (await h.request(`/api/v1/verify/${h.codes.valid}`)).json()) as Verdict;
  const signer = await h.keys.activeSigner(h.db);
  return Promise.all(Array.from({ length: n }, (_, k) => signer.signStamp(first.serial! + offset + k)));
}

async function rangeOf(h: Harness, serial: number): Promise<string> {
  const [range] = await h.db
    .select({ id: stampRanges.id })
    .from(stampRanges)
    .where(and(lte(stampRanges.firstSerial, serial), gte(stampRanges.lastSerial, serial)));
  return range!.id;
}

const statuses = (page: Page) =>
  page
    .locator('#results > li')
    .evaluateAll((items) => items.map((li) => (li as HTMLElement).dataset.status))
    .then((s) => s.reverse());

// Playwright's offline emulation does not reach a service worker's own fetches (microsoft/playwright#2311);
// with its service-worker network events on, the test can cut those too (`offline` below).
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';

/** No network for the page and for its service worker, as in a back room with no signal. */
async function offline(context: BrowserContext, on: boolean): Promise<void> {
  await context.setOffline(on);
  if (on)
    await context.route('**', (route) =>
      route.request().serviceWorker() ? route.abort('internetdisconnected') : route.continue(),
    );
  else await context.unrouteAll();
}

describe('a retailer checks stamps at intake, online and offline', () => {
  const env = consoleInBrowser();

  it('reads codes from a handheld scanner, a pasted list and a CSV file; flags duplicates; exports CSV; records a signed receipt', async () => {
    const { h, browser, server } = env;
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await retailerOnIntake(h, context, server.origin, 'Lò Thị Bán');
    const [fresh] = await freshValidCodes(h, 20, 1);

    // A USB scanner types the code and Enter into the focused field, one pack after another.
    await page.getByLabel('Mã tem (máy quét cầm tay hoặc gõ tay)').focus();
    for (const code of [fresh!, `${server.origin}/S/${h.codes.revoked}`, h.codes.forged, fresh!]) {
      const rows = await page.locator('#results > li').count();
      await page.keyboard.type(`${code}\n`);
      await page.waitForFunction((n) => document.querySelectorAll('#results > li').length === n, rows + 1);
    }
    expect(await statuses(page)).toEqual(['valid', 'revoked', 'forged', 'valid']);
    const newest = page.locator('#results > li').first();
    expect(await newest.textContent()).toContain('Trùng: mã này đã quét trong phiên');
    expect(await newest.textContent()).toContain('Tinh dầu hồi Văn Quan');
    expect(await page.locator('#results > li[data-status="revoked"] .icon').textContent()).toBe('✕');

    await page
      .getByLabel('Dán danh sách mã hoặc đường dẫn tem')
      .fill(`${h.codes.suspended}\n${h.codes.recalled}, chữ linh tinh`);
    await page.getByRole('button', { name: 'Kiểm tra danh sách' }).click();
    await page.waitForFunction(() => document.querySelectorAll('#results > li').length === 6);

    await page.getByLabel('Tải lên tệp CSV').setInputFiles({
      name: 'phieu-nhap.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`Mã tem;Ghi chú\n${h.codes.expired};thùng 1\n${h.codes.void};thùng 2\n`),
    });
    await page.waitForFunction(() => document.querySelectorAll('#results > li').length === 8);
    expect(await page.locator('#csv-result').textContent()).toContain('Đã đọc 2 mã từ “phieu-nhap.csv”');
    expect(await statuses(page)).toEqual([
      'valid',
      'revoked',
      'forged',
      'valid',
      'suspended',
      'recalled',
      'expired',
      'void',
    ]);
    expect(await page.locator('#tally-total').textContent()).toBe('Tổng 8 mã, 1 trùng');
    expect(await page.locator('#tally li[data-status="valid"]').textContent()).toBe('Tem chính hãng: 2');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Xuất CSV' }).click();
    const csv = readFileSync(await (await download).path(), 'utf8');
    expect(csv.startsWith('\uFEFFThời điểm quét,Mã tem')).toBe(true);
    expect(csv.trim().split('\r\n')).toHaveLength(9);
    expect(csv).toContain('revoked');

    // Meanwhile a shop in Hồ Chí Minh City has received the same stamp.
    const elsewhere = await h.token('retailer', { provinceCode: '79' });
    expect(
      (
        await h.request(
          '/api/v1/intakes',
          json({ sessionId: 'elsewhere-first', pointOfSale: 'Siêu thị Quận 1', items: [{ code: fresh }] }, elsewhere),
        )
      ).status,
    ).toBe(201);

    await page.getByRole('button', { name: 'Kết thúc phiên và lấy biên nhận' }).click();
    const receiptLink = page.locator('#receipts tbody tr').first().getByRole('link', { name: 'Tải biên nhận (JWS)' });
    await receiptLink.waitFor();
    // The pack read twice here carries the stamp the other shop received: both reads are flagged.
    expect(await page.locator('#receipts tbody tr').first().textContent()).toContain('2 mã nghi sao chép');
    expect(await page.locator('#announce').textContent()).toContain('2 mã nghi sao chép');
    // The finished session stays on screen with its receipt, across a reload, until the next one starts.
    const finished = async () => {
      expect(await page.locator('#results > li').count()).toBe(8);
      expect(await page.locator('#session-title').textContent()).toBe('Phiên vừa kết thúc');
      expect(await page.locator('#tally-total').textContent()).toBe('Tổng 8 mã, 1 trùng');
      expect(await page.locator('#session-state').textContent()).toContain('Phiên 8 mã đã được ghi nhận lúc');
    };
    await page.locator('#session-state').getByRole('link', { name: 'Xem và in biên nhận' }).waitFor();
    await finished();
    await page.reload();
    await page.locator('body[data-intake-ready="true"]').waitFor();
    await finished();
    // Its printable page: the shop, every code in words, and the signature found valid.
    await page.locator('#session-state').getByRole('link', { name: 'Xem và in biên nhận' }).click();
    await page.getByRole('heading', { name: 'Biên nhận nhận hàng' }).waitFor();
    expect(await page.locator('main').textContent()).toContain('OCOP Mart Lạng Sơn, kho sau');
    expect(await page.locator('.codes tbody tr').count()).toBe(8);
    expect(await page.locator('.codes tbody tr[data-status="revoked"]').textContent()).toContain(
      'Chứng nhận OCOP đã bị thu hồi',
    );
    expect(await page.locator('[data-signature]').getAttribute('data-signature')).toBe('valid');
    const pdf = await context.request.get(
      `${server.origin}${await page.getByRole('link', { name: 'Tải PDF' }).getAttribute('href')}`,
    );
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    await page.goBack();
    await page.locator('body[data-intake-ready="true"]').waitFor();
    const receipt = await (
      await context.request.get(`${server.origin}${await receiptLink.getAttribute('href')}`)
    ).text();
    const jwks = (await (await h.request('/.well-known/jwks.json')).json()) as JSONWebKeySet;
    const { payload } = await compactVerify(receipt, createLocalJWKSet(jwks));
    const items = (
      JSON.parse(new TextDecoder().decode(payload)) as { items: { status: string; suspicious: boolean }[] }
    ).items;
    expect(items.map((i) => i.status)).toEqual([
      'valid',
      'revoked',
      'forged',
      'valid',
      'suspended',
      'recalled',
      'expired',
      'void',
    ]);
    expect(items.map((i) => i.suspicious)).toEqual([true, false, false, true, false, false, false, false]);

    // English is one link away, the page script included.
    await page.getByRole('link', { name: 'English' }).click();
    await page.locator('body[data-intake-ready="true"]').waitFor();
    await page.getByLabel('Stamp code (handheld scanner or typed)').fill(h.codes.forged);
    await page.keyboard.press('Enter');
    // The first read of the next session takes the finished one off the screen.
    await page.waitForFunction(() => document.querySelectorAll('#results > li').length === 1);
    expect(await page.locator('#results > li strong').first().textContent()).toBe(STATUS_TEXT.en.forged.title);
    expect(await page.locator('#tally-total').textContent()).toBe('1 code in total');
    expect(await page.locator('#results > li').count()).toBe(1);
    expect(await page.locator('#session-state').isHidden()).toBe(true);
    await context.close();
  });

  it('keeps scanning with no network, marks verdicts offline, and syncs the session when the network returns', async () => {
    const { h, browser, server } = env;
    const context = await browser.newContext({ serviceWorkers: 'allow' });
    const page = await retailerOnIntake(h, context, server.origin, 'Hoàng Văn Kho');
    // The page, its scripts, the JWKS, the snapshot, the status-list aggregation and the one Token Status List of the demo's serials.
    await page.waitForFunction(async () => (await (await caches.open('ocop-intake-v1')).keys()).length === 7);
    const [valid] = await freshValidCodes(h, 25, 1);
    const validSerial = ((await (await h.request(`/api/v1/verify/${valid}`)).json()) as Verdict).serial!;

    await offline(context, true);
    // The back room: the page itself comes from the service worker's cache.
    await page.reload();
    await page.locator('body[data-intake-ready="true"]').waitFor();
    expect(await page.locator('#net').textContent()).toContain('Ngoại tuyến');
    for (const code of [h.codes.revoked, valid!, h.codes.forged]) {
      await page.getByLabel('Mã tem (máy quét cầm tay hoặc gõ tay)').fill(code);
      const rows = await page.locator('#results > li').count();
      await page.keyboard.press('Enter');
      await page.waitForFunction((n) => document.querySelectorAll('#results > li').length === n, rows + 1);
    }
    expect(await statuses(page)).toEqual(['revoked', 'valid', 'forged']);
    expect(await page.locator('#results > li').first().textContent()).toContain('Ngoại tuyến, trạng thái tính đến');
    expect(await page.locator('#results > li[data-status="valid"]').textContent()).toContain('Tinh dầu hồi Văn Quan');
    await page.getByRole('button', { name: 'Kết thúc phiên và lấy biên nhận' }).click();
    await page.getByText('1 phiên chờ đồng bộ.').waitFor();
    const mine = async () => h.db.select().from(intakes).where(eq(intakes.retailerName, 'Hoàng Văn Kho'));
    expect(await mine()).toEqual([]);

    // Even a reload while offline keeps the queued session, and the finished session on screen.
    await page.reload();
    await page.getByText('1 phiên chờ đồng bộ.').waitFor();
    expect(await page.locator('#results > li').count()).toBe(3);
    expect(await page.locator('#session-state').textContent()).toContain('đang chờ ghi nhận');

    // Before the network returns, the producer voids the stamp the back room accepted as genuine.
    await h.db.insert(voidedSerials).values({
      id: crypto.randomUUID(),
      rangeId: await rangeOf(h, validSerial),
      firstSerial: validSerial,
      lastSerial: validSerial,
      reason: 'Tem in lỗi, đã tiêu hủy',
    });
    expect(await page.locator('#worse').isHidden()).toBe(true);
    await offline(context, false);
    await page.locator('#receipts tbody tr a').first().waitFor();
    // A standing alert names the goods on the shelf that must now come off it, beyond the plain "recorded".
    const alert = page.getByRole('alert').filter({ hasText: 'nay có kết quả xấu hơn' });
    await alert.waitFor();
    expect(await alert.getByRole('heading').textContent()).toBe('⚠ 1 mã nhận khi ngoại tuyến nay có kết quả xấu hơn');
    expect(
      await alert
        .locator('li')
        .evaluateAll((items) =>
          items.map((li) => [(li as HTMLElement).dataset.code, (li as HTMLElement).dataset.status]),
        ),
    ).toEqual([[valid, 'void']]);
    expect(await alert.locator('li').textContent()).toContain('Tem đã bị hủy (lúc ngoại tuyến: Tem chính hãng)');
    expect(await page.locator(`#results > li[data-code="${valid}"]`).getAttribute('data-status')).toBe('void');
    // It stays through a reload until the clerk says the goods were set aside.
    await page.reload();
    await alert.waitFor();
    await alert.getByRole('button', { name: 'Đã tách riêng, ẩn cảnh báo' }).click();
    expect(await page.locator('#worse').isHidden()).toBe(true);
    await page.waitForFunction(() => document.querySelector('#sync')!.textContent === '');
    const [recorded, ...more] = await mine();
    expect(more).toEqual([]);
    const rows = await h.db
      .select()
      .from(intakeItems)
      .where(eq(intakeItems.intakeId, recorded!.id))
      .orderBy(intakeItems.position);
    expect(rows.map((r) => [r.status, r.offlineStatus])).toEqual([
      ['revoked', 'revoked'],
      ['void', 'valid'],
      ['forged', 'forged'],
    ]);
    expect(rows.every((r) => r.offlineAsOf !== null)).toBe(true);
    // Read on the phone's wall clock, recorded on the service's clock.
    expect(rows.every((r) => Math.abs(r.scannedAt.getTime() - TEST_NOW.getTime()) < 10 * 60_000)).toBe(true);
    await context.close();
  });

  it('keeps one person’s queued sessions to that person on a shared phone', async () => {
    const { h, browser, server } = env;
    const context = await browser.newContext();
    const page = await retailerOnIntake(h, context, server.origin, 'Người Ca Sáng');
    // The service refuses nothing but cannot be reached for recording: the session stays queued.
    await context.route('**/api/v1/intakes', (route) => route.abort('internetdisconnected'));
    await page.getByLabel('Mã tem (máy quét cầm tay hoặc gõ tay)').fill(h.codes.valid);
    await page.keyboard.press('Enter');
    await page.locator('#results > li').first().waitFor();
    await page.getByRole('button', { name: 'Kết thúc phiên và lấy biên nhận' }).click();
    await page.getByText('1 phiên chờ đồng bộ.').waitFor();

    // The next shift signs in on the same phone: nothing of the first person's queue is theirs.
    await page.goto(cliEnrolLink(h, '--role', 'retailer', '--province', '20', '--name', 'Người Ca Chiều'));
    await page.getByRole('button', { name: 'Tạo passkey và đăng nhập' }).click();
    await page.waitForURL(`${server.origin}/console`);
    await page.goto(`${server.origin}/console/intake/`);
    await page.locator('body[data-intake-ready="true"]').waitFor();
    expect(await page.locator('#sync').textContent()).toBe('');
    const queues = await page.evaluate(() =>
      Object.keys(localStorage).filter(
        (k) => k.endsWith(':pending') && JSON.parse(localStorage.getItem(k)!).length > 0,
      ),
    );
    expect(queues).toHaveLength(1);
    await context.unrouteAll();
    await context.close();
  });

  it('reads stamps of a printed label sheet from the camera', async () => {
    const { h, server } = env;
    const valid = (await (await h.request(`/api/v1/verify/${h.codes.valid}`)).json()) as Verdict;
    const producer = await h.token('producer', { subjectId: valid.subjectId! });
    const template = LABEL_TEMPLATES.get('a4-3x8-70x37')!;
    const job = (await (
      await h.request(
        `/api/v1/batches/${valid.batchId}/print`,
        json({ quantity: 3, template: template.id, idempotencyKey: 'camera-sheet' }, producer),
      )
    ).json()) as { parts: { url: string }[] };
    const pdf = new Uint8Array(await (await h.request(job.parts[0]!.url, bearer(producer))).arrayBuffer());
    const printed = decodeLabels(pdf, template, 3).map((url) => extractStampCode(url)!);
    expect(printed.every(Boolean)).toBe(true);

    const dir = mkdtempSync(join(tmpdir(), 'ocop-video-'));
    const video = join(dir, 'labels.y4m');
    labelSheetVideo(pdf, template, 3, video);
    const browser = await launchChromium([
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${video}`,
      '--use-fake-ui-for-media-stream',
    ]);
    try {
      // A phone: 390×844 CSS pixels, touch.
      const context = await browser.newContext({
        permissions: ['camera'],
        viewport: { width: 390, height: 844 },
        isMobile: true,
        hasTouch: true,
        deviceScaleFactor: 3,
      });
      const page = await retailerOnIntake(h, context, server.origin, 'Vi Thị Camera');
      await page.getByRole('button', { name: 'Bật camera' }).click();
      // Chromium on Linux has no BarcodeDetector: the JS decoder does the work.
      await page.getByText('Camera đang quét liên tục (jsQR)').waitFor();
      // While the camera scans, each newest result, the tally and the preview are all on screen at once.
      const onScreen = () =>
        page.evaluate(() =>
          Object.fromEntries(
            ['#camera', '#tally-total', '#results > li:first-child'].map((selector) => {
              const box = document.querySelector(selector)!.getBoundingClientRect();
              return [selector, box.height > 0 && box.top >= 0 && box.bottom <= window.innerHeight];
            }),
          ),
        );
      const inView = { '#camera': true, '#tally-total': true, '#results > li:first-child': true };
      for (let n = 1; n <= printed.length; n++) {
        await page.waitForFunction((count) => document.querySelectorAll('#results > li').length >= count, n, {
          timeout: 30_000,
        });
        expect(await onScreen(), `after ${n} read(s)`).toEqual(inView);
      }
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await page.waitForFunction(
        (codes) => codes.every((c) => document.querySelector(`#results > li[data-code="${c}"]`)),
        printed,
        { timeout: 30_000 },
      );
      await page.getByRole('button', { name: 'Tắt camera' }).click();
      const read = await page
        .locator('#results > li')
        .evaluateAll((items) =>
          items.map((li) => [(li as HTMLElement).dataset.code, (li as HTMLElement).dataset.status]),
        );
      for (const code of printed) expect(read).toContainEqual([code, 'valid']);
    } finally {
      await browser.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000); // renders a sheet, rasterises it and plays it to the camera frame by frame: slow on a loaded machine
});
