import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { people, stampRanges } from '../../src/db/schema';
import { personActor, sessionCookieValue, startSession } from '../../src/services/auth/sessions';
import type { Role } from '../../src/services/shared/policy';
import { ADMIN, openHarness, type Harness } from '../support/harness';

/** Console pages through HTTP with real sessions; the passkey ceremony itself is in test/e2e. */
describe('console pages', () => {
  let h: Harness;
  const sessions: Record<string, { cookie: string; csrf: string }> = {};
  let vanQuan: string;

  const as = async (name: string, role: Role, scope: { provinceCode?: string | null; subjectId?: string | null }) => {
    const [person] = await h.db
      .insert(people)
      .values({
        id: crypto.randomUUID(),
        name,
        role,
        provinceCode: scope.provinceCode ?? null,
        subjectId: scope.subjectId ?? null,
      })
      .returning();
    const session = await startSession(h.ctx(personActor(person!)), person!);
    sessions[name] = {
      cookie: `ocop_session=${await sessionCookieValue(h.ctx(ADMIN), session.id)}`,
      csrf: session.csrfToken,
    };
  };
  const get = (who: string, path: string) => h.request(path, { headers: { cookie: sessions[who]!.cookie } });
  const post = (who: string, path: string, form: Record<string, string>, csrf = true) =>
    h.request(path, {
      method: 'POST',
      headers: { cookie: sessions[who]!.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ...form, ...(csrf ? { _csrf: sessions[who]!.csrf } : {}) }).toString(),
    });

  beforeAll(async () => {
    h = await openHarness('pglite');
    vanQuan = ((await (await h.request(`/api/v1/verify/${h.codes.valid}`)).json()) as { subjectId: string }).subjectId;
    await as('admin', 'admin', {});
    await as('producer', 'producer', { provinceCode: '20', subjectId: vanQuan });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('sends people who are not signed in to the sign-in page', async () => {
    const res = await h.request('/console/subjects');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/console/sign-in?next=%2Fconsole%2Fsubjects');
  });

  it('shows a producer its own subject only, read-only, but lets it edit its batches', async () => {
    const list = await (await get('producer', '/console/subjects')).text();
    expect(list).toContain('HTX Văn Quan Xanh');
    expect(list).not.toContain('Miến dong Bình Liêu');
    expect(list).not.toContain('Thêm chủ thể');
    const refused = await post('producer', '/console/subjects', {
      kind: 'htx',
      name: 'X',
      registrationNumber: '1',
      provinceCode: '20',
      addressAsIssued: 'x',
    });
    expect(refused.status).toBe(403);
    const batches = await (await get('producer', '/console/batches')).text();
    expect(batches).toContain('Thêm lô hàng');
    expect(batches).toMatch(/href="\/console\/batches\/[0-9a-f-]+\/edit"/);
  });

  it('refuses a console form posted without the CSRF token', async () => {
    const res = await post(
      'admin',
      '/console/subjects',
      { kind: 'htx', name: 'Giả mạo', registrationNumber: '1', provinceCode: '20', addressAsIssued: 'x' },
      false,
    );
    expect(res.status).toBe(403);
    expect(await (await get('admin', '/console/subjects?q=Gi%E1%BA%A3')).text()).not.toContain('Giả mạo');
  });

  it('lets an admin filter the audit log', async () => {
    const page = await (await get('admin', '/console/audit?action=batch.recall')).text();
    expect(page).toContain('batch.recall');
    expect(page).not.toContain('subject.create</td>');
  });

  it('lets an admin revoke a token from the console', async () => {
    const token = await h.token('retailer', { provinceCode: '20' });
    const listed = await (await get('admin', '/console/tokens')).text();
    const id = /action="\/console\/tokens\/([0-9a-f-]+)\/revoke"/.exec(listed)![1]!;
    expect((await post('admin', `/console/tokens/${id}/revoke`, {})).status).toBe(303);
    const res = await h.request('/api/v1/verify', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: '{"codes":["x"]}',
    });
    expect(res.status).toBe(401);
  });

  it('refuses printing for a revoked certificate with a clear message, reserving nothing', async () => {
    await as('central', 'authority', {});
    const batch = await h.demoBatchId('revoked');
    const ranges = async () => (await h.db.select().from(stampRanges).where(eq(stampRanges.batchId, batch))).length;
    const before = await ranges();
    const page = await post('central', '/console/print', {
      batch,
      template: 'a4-3x8-70x37',
      quantity: '10',
      idempotencyKey: 'console-revoked-1',
    });
    expect(page.status).toBe(422);
    expect(await page.text()).toContain('Giấy chứng nhận OCOP đã bị thu hồi: không được in tem.');
    expect(await ranges()).toBe(before);
  });

  it('invites a person inside the jurisdiction and shows the one-time link', async () => {
    const page = await (
      await post('admin', '/console/people/invite', { name: 'Trần Văn Bình', role: 'inspector', provinceCode: '20' })
    ).text();
    expect(page).toMatch(/data-enrolment-link>https:\/\/ocop\.example\.vn\/enroll#[\w-]+</);
    const bad = await post('admin', '/console/people/invite', { name: '', role: 'inspector', provinceCode: '20' });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('id="f-name-err"');
    // "—" in the scope select used to mean the whole country; now it is a field error.
    const scopeless = await post('admin', '/console/people/invite', {
      name: 'Không phạm vi',
      role: 'inspector',
      provinceCode: '',
    });
    expect(scopeless.status).toBe(400);
    expect(await scopeless.text()).toMatch(
      /id="f-provinceCode-err" role="alert">Chọn một tỉnh, hoặc &quot;central&quot;/,
    );
  });
});
