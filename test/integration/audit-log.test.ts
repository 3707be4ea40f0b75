import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { people } from '../../src/db/schema';
import { personActor, sessionCookieValue, startSession } from '../../src/services/auth/sessions';
import { closeReport } from '../../src/services/reports/report-queue';
import { submitReport } from '../../src/services/reports/submit-report';
import type { Actor, Role } from '../../src/services/shared/policy';
import { createApiToken } from '../../src/services/tokens/create-token';
import { ADMIN, DATABASE_KINDS, json, openHarness, TEST_NOW, type Harness } from '../support/harness';

const CLI: Actor = { kind: 'system', id: 'cli:ops', role: 'admin', provinceCode: null, subjectId: null };
/** 23:30 UTC on the 23rd: the 24th in Vietnam, where the period filter must put it. */
const LATE = new Date('2026-11-23T23:30:00Z');

describe.each(DATABASE_KINDS)('the audit log people read on %s', (kind) => {
  let h: Harness;
  const cookies: Record<string, string> = {};
  const ids: Record<string, string> = {};

  const as = async (name: string, role: Role, provinceCode: string | null) => {
    const [person] = await h.db
      .insert(people)
      .values({ id: crypto.randomUUID(), name, role, provinceCode, subjectId: null })
      .returning();
    const session = await startSession(h.ctx(personActor(person!)), person!);
    cookies[name] = `ocop_session=${await sessionCookieValue(h.ctx(ADMIN), session.id)}`;
    return person!;
  };
  const get = (who: string | null, path: string) => h.request(path, { headers: who ? { cookie: cookies[who]! } : {} });
  const page = async (query: string) => {
    const res = await get('admin', `/console/audit${query}`);
    expect(res.status).toBe(200);
    return res.text();
  };
  /** The body rows of the log's table, one string of text each. */
  const rows = (html: string) =>
    [...html.slice(html.indexOf('<tbody>')).matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) =>
      m[1]!.replace(/<[^>]+>/g, ' '),
    );

  beforeAll(async () => {
    h = await openHarness(kind);
    await as('admin', 'admin', null);
    const inspector = await as('Nguyễn Thị Thanh Tra', 'inspector', '20');
    ids.inspector = inspector.id;
    const hostile = await as('@SUM(A1) Kế toán', 'authority', '20');
    const first = await submitReport({
      ctx: h.ctx({ kind: 'anonymous' }),
      input: { code: h.codes.valid, problem: 'label', details: 'Nhãn mờ' },
    });
    const second = await submitReport({
      ctx: h.ctx({ kind: 'anonymous' }),
      input: { code: h.codes.valid, problem: 'quality', details: 'Chè ẩm' },
    });
    ids.report = first.id;
    await closeReport({ ctx: h.ctx(personActor(inspector)), input: { id: first.id, note: 'Đã kiểm tra' } });
    h.setNow(LATE);
    await closeReport({ ctx: h.ctx(personActor(hostile)), input: { id: second.id, note: 'Đã xử lý' } });
    const scanner = await createApiToken({
      ctx: h.ctx(CLI),
      input: { name: 'Máy quét kho', role: 'retailer', provinceCode: '20', subjectId: null, expiresAt: null },
    });
    const intake = await h.request(
      '/api/v1/intakes',
      json(
        { sessionId: `audit-${kind}`, pointOfSale: 'Kho Lạng Sơn', items: [{ code: h.codes.valid }] },
        scanner.token,
      ),
    );
    expect(intake.status).toBe(201);
    h.setNow(TEST_NOW);
  }, 180_000);
  afterAll(async () => {
    await h?.close();
  });

  it('says who did what, on what, and when, in words', async () => {
    const all = rows(await page(''));
    const closed = all.find((r) => r.includes('Nguyễn Thị Thanh Tra') && r.includes('Đóng phản ánh'));
    expect(closed).toContain('Thanh tra');
    expect(closed).toContain('Phản ánh');
    expect(all.find((r) => r.includes('Ghi phiên nhận hàng'))).toMatch(/Mã truy cập “Máy quét kho”\s+Nhà bán lẻ/);
    expect(all.find((r) => r.includes('Tạo mã truy cập'))).toContain('Dòng lệnh vận hành (ops)');
    expect(all.find((r) => r.includes('Người tiêu dùng gửi phản ánh'))).toContain('Người tiêu dùng (không đăng nhập)');
    expect(rows(await page('?action=product.create'))[0]).toContain('Dữ liệu minh họa');
    expect(all.find((r) => r.includes('Ghi phiên nhận hàng'))).toContain('24/11/2026 06:30');
    const table = (await page('')).split('<tbody>')[1]!;
    expect(table).not.toMatch(/session:|token:|system:/); // never an actor label
    expect(table).not.toMatch(/<td>[a-z_]+\.[a-z_]+<\/td>/); // never a bare action code as the "what"
  });

  it('links each object to its console page', async () => {
    const html = await page('?action=product.create');
    expect(html).toMatch(/<a href="\/console\/inspect\/products\/[0-9a-f-]{36}">Sản phẩm: [^<]+<\/a>/);
    expect(await page('?action=report.close')).toContain('<a href="/console/reports?state=closed">Phản ánh</a>');
    expect(await page('?action=token.create')).toContain('<a href="/console/tokens">Mã truy cập: Máy quét kho</a>');
  });

  it('filters by person, action, object and period (Vietnam days)', async () => {
    const byPerson = rows(await page(`?actor=${encodeURIComponent(`session:${ids.inspector}:`)}`));
    expect(byPerson.length).toBeGreaterThan(0);
    expect(byPerson.every((r) => r.includes('Nguyễn Thị Thanh Tra'))).toBe(true);
    const byAction = await page('?action=report.close');
    expect(rows(byAction)).toHaveLength(2);
    expect(byAction).toContain('<option value="report.close" selected>Đóng phản ánh</option>');
    const byObject = rows(await page(`?entity=report&entityId=${ids.report}`));
    expect(byObject.map((r) => /Người tiêu dùng gửi phản ánh|Đóng phản ánh/.exec(r)?.[0])).toEqual([
      'Đóng phản ánh',
      'Người tiêu dùng gửi phản ánh',
    ]);
    const late = rows(await page('?from=2026-11-24&to=2026-11-24'));
    expect(late.some((r) => r.includes('@SUM(A1) Kế toán'))).toBe(true);
    expect(late.some((r) => r.includes('Nguyễn Thị Thanh Tra') || r.includes('Dữ liệu minh họa'))).toBe(false);
    const early = rows(await page('?to=2026-11-23'));
    expect(early.some((r) => r.includes('Dữ liệu minh họa'))).toBe(true);
    expect(
      early.some(
        (r) => (r.includes('@SUM(A1) Kế toán') && r.includes('Đóng phản ánh')) || r.includes('Ghi phiên nhận hàng'),
      ),
    ).toBe(false);
  });

  it('exports the filtered log as a spreadsheet-safe CSV with Vietnam times', async () => {
    const res = await get('admin', '/console/audit/export.csv?action=report.close');
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toContain('attachment');
    // Read as bytes: Response.text() would drop the BOM that tells Excel the file is UTF-8.
    const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
    expect(csv.startsWith('\uFEFF#,Thời điểm,Người thực hiện,Vai trò,Hành động,Mã hành động')).toBe(true);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(
      /^\d+,2026-11-24T06:30:00\+07:00,'@SUM\(A1\) Kế toán,Cơ quan quản lý,Đóng phản ánh,report\.close,Phản ánh,/,
    );
    expect(lines[2]).toMatch(/^\d+,2026-11-23T10:00:00\+07:00,Nguyễn Thị Thanh Tra,Thanh tra,Đóng phản ánh,/);
  });

  it('is for administrators only', async () => {
    expect((await get('Nguyễn Thị Thanh Tra', '/console/audit')).status).toBe(403);
    expect((await get('Nguyễn Thị Thanh Tra', '/console/audit/export.csv')).status).toBe(403);
    const stranger = await get(null, '/console/audit/export.csv');
    expect(stranger.status).toBe(303);
    expect(stranger.headers.get('location')).toBe('/console/sign-in?next=%2Fconsole%2Faudit%2Fexport.csv');
  });
});
