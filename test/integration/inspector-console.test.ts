import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { people } from '../../src/db/schema';
import { personActor, sessionCookieValue, startSession } from '../../src/services/auth/sessions';
import { recordIntake } from '../../src/services/intake/record-intake';
import { submitReport } from '../../src/services/reports/submit-report';
import type { Role } from '../../src/services/shared/policy';
import type { Verdict } from '../../src/services/verification/verdict-types';
import { ADMIN, openHarness, type Harness } from '../support/harness';

/** The inspector's console pages over HTTP with real sessions (the passkey ceremony is in test/e2e). */
describe('inspector console pages', () => {
  let h: Harness;
  let recalled: Verdict;
  let valid: Verdict;
  const sessions: Record<string, { cookie: string; csrf: string }> = {};
  const as = async (name: string, role: Role, provinceCode: string | null) => {
    const [person] = await h.db
      .insert(people)
      .values({ id: crypto.randomUUID(), name, role, provinceCode, subjectId: null })
      .returning();
    const session = await startSession(h.ctx(personActor(person!)), person!);
    sessions[name] = {
      cookie: `ocop_session=${await sessionCookieValue(h.ctx(ADMIN), session.id)}`,
      csrf: session.csrfToken,
    };
  };
  const get = (who: string, path: string) => h.request(path, { headers: { cookie: sessions[who]!.cookie } });
  const post = (who: string, path: string, form: Record<string, string>) =>
    h.request(path, {
      method: 'POST',
      headers: { cookie: sessions[who]!.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ...form, _csrf: sessions[who]!.csrf }).toString(),
    });
  const verdict = async (code: string) => (await (await h.request(`/api/v1/verify/${code}`)).json()) as Verdict;
  const decision = {
    effectiveOn: '2026-11-23',
    reason: 'Nhầm lô',
    basis: '90/QĐ-CCATTP',
    decidedBy: 'Chi cục ATVSTP Hải Phòng',
  };

  beforeAll(async () => {
    h = await openHarness('pglite');
    recalled = await verdict(h.codes.recalled);
    valid = await verdict(h.codes.valid);
    await as('haiphong', 'inspector', '31');
    await as('langson', 'inspector', '20');
  });
  afterAll(async () => {
    await h?.close();
  });

  it('lifts a mistaken recall from the product page by a correction that names it', async () => {
    const page = await (await get('haiphong', `/console/inspect/products/${recalled.productId}`)).text();
    expect(page).toContain('Đính chính quyết định thu hồi lô gần nhất');
    const eventId = /name="eventId" value="(\d+)"/.exec(page)![1]!;
    const res = await post('haiphong', `/console/inspect/batches/${recalled.batchId}/corrections`, {
      ...decision,
      eventId,
    });
    expect(res.status).toBe(303);
    expect((await verdict(h.codes.recalled)).status).toBe('valid');
    const again = await post('haiphong', `/console/inspect/batches/${recalled.batchId}/corrections`, {
      ...decision,
      eventId,
    });
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('Chỉ sửa được quyết định thu hồi lô đang có hiệu lực');
  });

  it('flags a lapsed area standard, which every verdict naming the area then shows', async () => {
    const areaId = valid.batch!.areas[0]!.id;
    const res = await post('langson', `/console/inspect/areas/${areaId}/flags`, {
      productId: valid.productId!,
      standard: 'VietGAP',
      flaggedOn: '2026-11-15',
      reason: 'Chứng nhận VietGAP bị thu hồi',
    });
    expect(res.status).toBe(303);
    expect((await verdict(h.codes.valid)).batch!.areas[0]!.flags).toEqual([
      { standard: 'VietGAP', on: '2026-11-15', reason: 'Chứng nhận VietGAP bị thu hồi' },
    ]);
    expect(await (await h.request(`/S/${h.codes.valid}`)).text()).toContain(
      'tiêu chuẩn VietGAP đã hết hiệu lực từ 15/11/2026',
    );
    const outside = await post('haiphong', `/console/inspect/areas/${areaId}/flags`, {
      productId: valid.productId!,
      standard: 'VietGAP',
      flaggedOn: '2026-11-15',
      reason: 'x',
    });
    expect(outside.status).toBe(404); // another province's record answers as a missing one
  });

  it('recalls a batch from the product page: the stamp verifies as recalled at once', async () => {
    const outside = await post('haiphong', `/console/inspect/batches/${valid.batchId}/recall`, {
      ...decision,
      reason: 'Mẫu không đạt',
    });
    expect(outside.status).toBe(404);
    const res = await post('langson', `/console/inspect/batches/${valid.batchId}/recall`, {
      ...decision,
      reason: 'Mẫu không đạt',
      decidedBy: 'Sở NN&MT Lạng Sơn',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toContain('done=recall');
    expect((await verdict(h.codes.valid)).status).toBe('recalled');
    const missing = await post('langson', `/console/inspect/batches/${valid.batchId}/recall`, {
      effectiveOn: '2026-11-23',
    });
    expect(missing.status).toBe(400);
  });

  it('shows each inspector its province’s report queue, and closes a report with a note', async () => {
    await submitReport({
      ctx: h.ctx({ kind: 'anonymous' }),
      input: { code: h.codes.valid, problem: 'label', details: 'Nhãn ghi sai hạn dùng' },
    });
    expect(await (await get('haiphong', '/console/reports')).text()).not.toContain('Nhãn ghi sai hạn dùng');
    const queue = await (await get('langson', '/console/reports')).text();
    expect(queue).toContain('Nhãn ghi sai hạn dùng');
    const id = /action="\/console\/reports\/([0-9a-f-]{36})\/close"/.exec(queue)![1]!;
    expect((await post('haiphong', `/console/reports/${id}/close`, { note: 'x' })).status).toBe(404);
    expect((await post('langson', `/console/reports/${id}/close`, { note: 'Đã liên hệ chủ thể' })).status).toBe(303);
    expect(await (await get('langson', '/console/reports?state=closed')).text()).toContain('Đã liên hệ chủ thể');
  });

  it('lists certificates to renew and refuses an inspection form without its findings', async () => {
    expect(await (await get('langson', '/console/expiring')).text()).toContain('OCOP-VQ-2023-0009');
    const res = await post('langson', `/console/inspect/products/${valid.productId}/inspections`, {
      target: `product:${valid.productId}`,
      inspectedOn: '2026-11-20',
      agency: 'Chi cục',
      result: 'pass',
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('findings');
  });

  it('lists suspected copies of the inspector’s province with the reasons in words; other provinces see none', async () => {
    const signer = await h.keys.activeSigner(h.db);
    const copied = await signer.signStamp(valid.serial! + 33);
    const retailer = (id: string, provinceCode: string) =>
      h.ctx({ kind: 'system', id, role: 'retailer', provinceCode, subjectId: null });
    await recordIntake(retailer('shop-langson', '20'), {
      sessionId: 'console-copy-1',
      pointOfSale: 'Kho Lạng Sơn',
      items: [{ code: copied }],
    });
    await recordIntake(retailer('shop-camau', '96'), {
      sessionId: 'console-copy-2',
      pointOfSale: 'Kho Cà Mau',
      items: [{ code: copied }],
    });

    const page = await (await get('langson', '/console/suspicious')).text();
    expect(page).toContain('Tinh dầu hồi Văn Quan');
    expect(page).toContain(String(valid.serial! + 33));
    expect(page).toContain('Tem này đã được 2 điểm bán khác nhau nhận hàng');
    expect(page).toContain('Tỉnh Lạng Sơn và Tỉnh Cà Mau');
    expect(await (await get('haiphong', '/console/suspicious')).text()).toContain('Không có tem nào bị nghi sao chép');
  });

  it('shows the intake page to retailers only', async () => {
    await as('shop', 'retailer', '20');
    const page = await get('shop', '/console/intake/');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<script src="/console/intake/app.js" defer>');
    expect(html).toContain('Mã tem (máy quét cầm tay hoặc gõ tay)');
    const english = await (await get('shop', '/console/intake/?lang=en')).text();
    expect(english).toContain('<html lang="en">');
    expect(english).toContain('Stamp code (handheld scanner or typed)');
    expect(english).toContain('href="?lang=vi"');
    expect((await get('langson', '/console/intake/')).status).toBe(403);
    expect((await h.request('/console/intake')).headers.get('location')).toBe('/console/intake/');
    const worker = await h.request('/console/intake/sw.js');
    expect(worker.headers.get('content-type')).toContain('text/javascript');
  });
});
