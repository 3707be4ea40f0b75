import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intakeReceipts, intakes, people, signingKeys } from '../../src/db/schema';
import { personActor, sessionCookieValue, startSession } from '../../src/services/auth/sessions';
import { recordIntake } from '../../src/services/intake/record-intake';
import type { Verdict } from '../../src/services/verification/verdict-types';
import { pdfText, qrOnFirstPage } from '../support/decode-labels';
import {
  ADMIN,
  bearer,
  DATABASE_KINDS,
  json,
  openHarness,
  TEST_NOW,
  TEST_ORIGIN,
  type Harness,
} from '../support/harness';

type Check = {
  signature: string;
  pointOfSale: string;
  items: { code: string; status: string; offlineStatus: string | null }[];
  retailerName?: string;
};

describe.each(DATABASE_KINDS)('a receipt a person can read, print and check, on %s', (kind) => {
  let h: Harness;
  let cookie: string;
  let id: string;
  let codes: string[];
  // 23:30 UTC is 06:30 the next morning in Vietnam: the receipt must say so.
  const LATE = new Date('2026-11-22T23:30:00Z');

  beforeAll(async () => {
    h = await openHarness(kind);
    const [person] = await h.db
      .insert(people)
      .values({ id: crypto.randomUUID(), name: 'Lò Thị Bán', role: 'retailer', provinceCode: '20', subjectId: null })
      .returning();
    const session = await startSession(h.ctx(personActor(person!)), person!);
    cookie = `ocop_session=${await sessionCookieValue(h.ctx(ADMIN), session.id)}`;
    const first = (await (await h.request(`/api/v1/verify/${h.codes.valid}`)).json()) as Verdict;
    const signer = await h.keys.activeSigner(h.db);
    const candidates = await Promise.all([3, 4, 5, 6].map((k) => signer.signStamp(first.serial! + k)));
    const verdicts = (
      (await (await h.request('/api/v1/verify', json({ codes: candidates }))).json()) as { verdicts: Verdict[] }
    ).verdicts;
    const fresh = candidates.find((_, i) => verdicts[i]!.status === 'valid')!;
    codes = [fresh, h.codes.revoked, h.codes.forged, h.codes.recalled];
    h.setNow(LATE);
    const recorded = await recordIntake(h.ctx(personActor(person!)), {
      sessionId: `receipt-doc-${kind}`,
      pointOfSale: 'OCOP Mart Lạng Sơn, kho sau',
      items: codes.map((code, i) =>
        i === 1 ? { code, offlineStatus: 'valid' as const, offlineAsOf: '2026-11-22T20:00:00Z' } : { code },
      ),
    });
    id = recorded.intake.id;
    h.setNow(TEST_NOW);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('prints as a Vietnamese page: shop, Vietnam time, counts, every code with its verdict in words, a QR, the PDF and the JWS beside it', async () => {
    const res = await h.request(`/console/intake/receipts/${id}`, { headers: { cookie } });
    expect(res.status).toBe(200);
    const page = await res.text();
    for (const expected of [
      'Biên nhận nhận hàng',
      'OCOP Mart Lạng Sơn, kho sau',
      'Lò Thị Bán',
      'Tỉnh Lạng Sơn',
      '23/11/2026 06:30',
      'Chữ ký hợp lệ',
      'Tem chính hãng: 1',
      'Chứng nhận OCOP đã bị thu hồi: 1',
      'Tem giả hoặc không hợp lệ: 1',
      'Lô hàng đã bị thu hồi: 1',
      'Khi quét ngoại tuyến máy hiện: Tem chính hãng',
      `href="/api/v1/intakes/${id}/receipt.pdf"`,
      `href="/api/v1/intakes/${id}/receipt"`,
      `${TEST_ORIGIN}/receipts/${id}`,
      '<svg',
      '@media print',
    ]) {
      expect(page, expected).toContain(expected);
    }
    for (const code of codes) expect(page).toContain(code);
    expect(page).not.toContain('2026-11-22T23:30');
    // Another retailer, a malformed id and no session: nothing of the receipt.
    const [other] = await h.db
      .insert(people)
      .values({ id: crypto.randomUUID(), name: 'Cửa hàng khác', role: 'retailer', provinceCode: '20', subjectId: null })
      .returning();
    const otherSession = await startSession(h.ctx(personActor(other!)), other!);
    const otherCookie = `ocop_session=${await sessionCookieValue(h.ctx(ADMIN), otherSession.id)}`;
    const foreign = await h.request(`/console/intake/receipts/${id}`, { headers: { cookie: otherCookie } });
    expect(foreign.status).toBe(404);
    expect(await foreign.text()).not.toContain('OCOP Mart Lạng Sơn');
    expect((await h.request('/console/intake/receipts/not-a-uuid', { headers: { cookie } })).status).toBe(404);
    expect((await h.request(`/console/intake/receipts/${id}`)).status).toBe(303);
  });

  it('downloads a PDF with the words in Vietnamese and a QR that opens the public check, which finds the signature valid', async () => {
    const res = await h.request(`/api/v1/intakes/${id}/receipt.pdf`, { headers: { cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toMatch(
      /attachment; filename="bien-nhan-2026-11-23-[0-9a-f]{8}\.pdf"/,
    );
    const pdf = new Uint8Array(await res.arrayBuffer());
    const text = pdfText(pdf).replace(/\s+/g, ' ');
    for (const expected of [
      'Biên nhận nhận hàng',
      'OCOP Mart Lạng Sơn, kho sau',
      'Lò Thị Bán',
      '23/11/2026 06:30',
      'Tổng số mã: 4',
      'Tem chính hãng: 1',
      'Chứng nhận OCOP đã bị thu hồi',
      'Tem giả hoặc không hợp lệ',
      'Lô hàng đã bị thu hồi',
      'Tem chính hãng',
      'Chữ ký hợp lệ',
      'Trang 1/1',
    ]) {
      expect(text, expected).toContain(expected);
    }
    // A long code may wrap in its column: compare without spaces.
    for (const code of codes) expect(text.replace(/ /g, '')).toContain(code);

    const [url, ...more] = qrOnFirstPage(pdf);
    expect(more).toEqual([]);
    expect(url).toBe(`${TEST_ORIGIN}/receipts/${id}`);
    const check = await h.request(url!.slice(TEST_ORIGIN.length), { headers: { accept: 'application/json' } });
    expect(check.status).toBe(200);
    const body = (await check.json()) as Check;
    expect(body.signature).toBe('valid');
    expect(body.pointOfSale).toBe('OCOP Mart Lạng Sơn, kho sau');
    expect(body.items.map((i) => i.status)).toEqual(['valid', 'revoked', 'forged', 'recalled']);
    expect(body.items[1]!.offlineStatus).toBe('valid');
    expect(JSON.stringify(body)).not.toContain('Lò Thị Bán');

    const html = await (await h.request(url!.slice(TEST_ORIGIN.length))).text();
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('Chữ ký hợp lệ');
    expect(html).toContain('23/11/2026 06:30');
    expect(html).not.toContain('Lò Thị Bán');
    expect(await (await h.request(`${url!.slice(TEST_ORIGIN.length)}?lang=en`)).text()).toContain('Valid signature');
  });

  it('refuses the PDF to other accounts and to nobody, and answers a missing receipt with 404', async () => {
    const saigon = await h.token('retailer', { provinceCode: '79' });
    expect((await h.request(`/api/v1/intakes/${id}/receipt.pdf`, bearer(saigon))).status).toBe(404);
    expect((await h.request(`/api/v1/intakes/${id}/receipt.pdf`)).status).toBe(401);
    const missing = await h.request(`/receipts/${crypto.randomUUID()}`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('Không tìm thấy biên nhận này');
    expect((await h.request('/receipts/%3Cscript%3E', { headers: { accept: 'application/json' } })).status).toBe(404);
    const hostile = await h.request('/receipts/%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E');
    expect(hostile.status).toBe(404);
    expect(await hostile.text()).not.toContain('<script>');
  });

  it('shows a point of sale typed as markup as text, on the printable page and the public check', async () => {
    const shop = await h.token('retailer', { provinceCode: '20' });
    const markup = '<img src=x onerror=alert(1)> Kho "A" & B';
    const res = await h.request(
      '/api/v1/intakes',
      json({ sessionId: `hostile-receipt-${kind}`, pointOfSale: markup, items: [{ code: h.codes.valid }] }, shop),
    );
    const { id: hostileId } = (await res.json()) as { id: string };
    const page = await (await h.request(`/receipts/${hostileId}`)).text();
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt; Kho &quot;A&quot; &amp; B');
    expect(page).not.toContain('<img');
    const pdf = pdfText(
      new Uint8Array(await (await h.request(`/api/v1/intakes/${hostileId}/receipt.pdf`, bearer(shop))).arrayBuffer()),
    );
    expect(pdf).toContain(markup);
  });

  it('says a receipt altered in the database is not verified, and one whose key was compromised proves nothing', async () => {
    // Receipts are append-only: the altered copy goes in as a receipt of its own, its text changed and its signature kept.
    const [stored] = await h.db.select().from(intakeReceipts).where(eq(intakeReceipts.intakeId, id));
    const [intake] = await h.db.select().from(intakes).where(eq(intakes.id, id));
    const copyId = crypto.randomUUID();
    const [header, payload, signature] = stored!.jws.split('.');
    const altered = Buffer.from(
      Buffer.from(payload!, 'base64url').toString('utf8').replace(id, copyId).replace('OCOP Mart', 'Kho Giả'),
    ).toString('base64url');
    await h.db.insert(intakes).values({ ...intake!, id: copyId, sessionId: `${intake!.sessionId}-altered` });
    await h.db
      .insert(intakeReceipts)
      .values({ intakeId: copyId, kid: stored!.kid, jws: `${header}.${altered}.${signature}` });
    const forged = (await (
      await h.request(`/receipts/${copyId}`, { headers: { accept: 'application/json' } })
    ).json()) as Check;
    expect(forged.signature).toBe('invalid');
    expect(forged.items).toEqual([]);
    const page = await (await h.request(`/receipts/${copyId}`)).text();
    expect(page).toContain('Không xác minh được');
    expect(page).not.toContain('Kho Giả');

    await h.db.update(signingKeys).set({ state: 'compromised' }).where(eq(signingKeys.kid, stored!.kid));
    const compromised = (await (
      await h.request(`/receipts/${id}`, { headers: { accept: 'application/json' } })
    ).json()) as Check;
    expect(compromised.signature).toBe('key_compromised');
    expect(await (await h.request(`/console/intake/receipts/${id}`, { headers: { cookie } })).text()).toContain(
      'về sau bị lộ',
    );
  });
});
