import { readFileSync } from 'node:fs';
import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTokens, auditLog, enrolments, people, stampSummaries } from '../../src/db/schema';
import { createEnrolment } from '../../src/services/auth/enrolment';
import { personActor, sessionCookieValue, startSession } from '../../src/services/auth/sessions';
import type { Verdict } from '../../src/services/verification/verdict-types';
import { ADMIN, bearer, DATABASE_KINDS, json, openHarness, type Harness } from '../support/harness';

type Row = { id: string; status: string; [key: string]: unknown };
type ErrorBody = { error: { code: string; message: string; fields?: { path: string; message: string }[] } };

const organisation = (n: string) => ({
  name: `Công ty TNHH Đặc sản ${n}`,
  registrationNumber: `49001${n}`,
  address: `${n} Trần Đăng Ninh`,
  provinceCode: '20',
});
const point = (organisationId: string, n: string, communeCode = '06265') => ({
  organisationId,
  name: `Điểm giới thiệu và bán sản phẩm OCOP ${n}`,
  address: `${n} Lê Lợi`,
  communeCode,
  communeName: communeCode === '06265' ? 'Phường Đông Kinh' : 'Phường Lương Văn Tri',
  openedOn: '2026-03-01',
});

describe.each(DATABASE_KINDS)('points of sale on %s', (kind) => {
  let h: Harness;
  let langSon: string;
  let quangNinh: string;
  const audits = async () => Number((await h.db.select({ n: count() }).from(auditLog))[0]!.n);
  const post = async (path: string, body: unknown, token = langSon) => h.request(path, json(body, token));
  const created = async (path: string, body: unknown) => {
    const res = await post(path, body);
    expect(res.status, await res.clone().text()).toBe(201);
    return (await res.json()) as Row;
  };
  const standing = async (id: string) =>
    ((await (await h.request(`/api/v1/register/points-of-sale/${id}`)).json()) as Row).status;

  beforeAll(async () => {
    h = await openHarness(kind);
    langSon = await h.token('authority', { provinceCode: '20' });
    quangNinh = await h.token('authority', { provinceCode: '22' });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('an authority registers an organisation and its point of sale in its province, audited', async () => {
    const before = await audits();
    const org = await created('/api/v1/retail-organisations', organisation('01'));
    const shop = await created('/api/v1/points-of-sale', point(org.id, '01'));
    expect(shop).toMatchObject({ provinceCode: '20', status: 'open', organisationId: org.id });
    expect(await audits()).toBe(before + 2);
    const detail = (await (await h.request(`/api/v1/retail-organisations/${org.id}`, bearer(langSon))).json()) as {
      points: Row[];
    };
    expect(detail.points.map((p) => p.id)).toEqual([shop.id]);
  });

  it('registers one live organisation per number, even when two authorities send it at the same instant', async () => {
    const before = await audits();
    const answers = await Promise.all(
      Array.from({ length: 4 }, () => post('/api/v1/retail-organisations', organisation('77'))),
    );
    expect(answers.map((r) => r.status).sort()).toEqual([201, 409, 409, 409]);
    for (const refused of answers.filter((r) => r.status === 409))
      expect(((await refused.json()) as ErrorBody).error.code).toBe('conflict');
    expect(await audits()).toBe(before + 1);
  });

  it('keeps each authority to its province and other roles out', async () => {
    const org = await created('/api/v1/retail-organisations', organisation('02'));
    const retailer = await h.token('retailer', { provinceCode: '20' });
    const before = await audits();
    expect((await post('/api/v1/retail-organisations', organisation('03'), quangNinh)).status).toBe(403);
    expect((await h.request(`/api/v1/retail-organisations/${org.id}`, bearer(quangNinh))).status).toBe(404);
    expect((await post('/api/v1/points-of-sale', point(org.id, '02'), quangNinh)).status).toBe(404);
    expect((await post('/api/v1/points-of-sale', point(org.id, '02'), retailer)).status).toBe(403);
    expect((await h.request('/api/v1/points-of-sale', json(point(org.id, '02')))).status).toBe(401);
    expect(await audits()).toBe(before);
    const list = (await (await h.request('/api/v1/retail-organisations', bearer(quangNinh))).json()) as {
      items: Row[];
    };
    expect(list.items.map((o) => o.id)).not.toContain(org.id);
  });

  it('refuses bad input with a Vietnamese 400 naming the field', async () => {
    const org = await created('/api/v1/retail-organisations', organisation('04'));
    const bad = await post('/api/v1/points-of-sale', { ...point(org.id, '04'), communeCode: 'abc' });
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as ErrorBody;
    expect(body.error.fields).toContainEqual({ path: 'communeCode', message: 'Mã xã gồm 5 chữ số.' });
    const nul = await post('/api/v1/retail-organisations', { ...organisation('05'), name: 'Cửa hàng\u0000' });
    expect(nul.status).toBe(400);
    expect(((await nul.json()) as ErrorBody).error.fields?.map((f) => f.path)).toContain('name');
    const status = await post(`/api/v1/points-of-sale/${crypto.randomUUID()}/status`, { status: 'paused' });
    expect(status.status).toBe(400);
    expect(((await status.json()) as ErrorBody).error.fields?.map((f) => f.path)).toEqual(['status', 'reason']);
    const dup = await post('/api/v1/retail-organisations', organisation('04'));
    expect(dup.status).toBe(409);
    expect(((await dup.json()) as ErrorBody).error.message).toMatch(/Số đăng ký kinh doanh/);
  });

  it('reads a shop’s standing live: suspended, reinstated, its organisation suspended, closed for good', async () => {
    const org = await created('/api/v1/retail-organisations', organisation('06'));
    const shop = await created('/api/v1/points-of-sale', point(org.id, '06'));
    const change = (path: string, status: string, reason = 'Kiểm tra nguồn hàng') =>
      post(`${path}/status`, { status, reason });
    expect(await standing(shop.id)).toBe('open');
    expect((await change(`/api/v1/points-of-sale/${shop.id}`, 'suspended')).status).toBe(200);
    expect(await standing(shop.id)).toBe('suspended');
    expect((await change(`/api/v1/points-of-sale/${shop.id}`, 'open', 'Đã khắc phục')).status).toBe(200);
    expect(await standing(shop.id)).toBe('open');
    expect((await change(`/api/v1/retail-organisations/${org.id}`, 'suspended')).status).toBe(200);
    const shown = (await (await h.request(`/api/v1/register/points-of-sale/${shop.id}`)).json()) as Row;
    expect(shown).toMatchObject({ status: 'suspended', statusReason: 'Kiểm tra nguồn hàng' });
    expect((await change(`/api/v1/points-of-sale/${shop.id}`, 'closed', 'Ngừng kinh doanh')).status).toBe(200);
    expect(await standing(shop.id)).toBe('closed');
    const reopen = await change(`/api/v1/points-of-sale/${shop.id}`, 'open');
    expect(reopen.status).toBe(409);
    expect(await standing(shop.id)).toBe('closed');
  });

  it('lists points of sale publicly by province and commune, as JSON and as a page without script', async () => {
    const org = await created('/api/v1/retail-organisations', organisation('07'));
    const east = await created('/api/v1/points-of-sale', point(org.id, '07'));
    const west = await created('/api/v1/points-of-sale', point(org.id, '08', '06280'));
    const list = async (query: string) =>
      ((await (await h.request(`/api/v1/register/points-of-sale${query}`)).json()) as { items: Row[] }).items.map(
        (p) => p.id,
      );
    expect(await list('?province=20&commune=06280')).toContain(west.id);
    expect(await list('?province=20&commune=06280')).not.toContain(east.id);
    expect(await list('?province=22')).not.toContain(east.id);
    const bad = await h.request('/api/v1/register/points-of-sale?province=99');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as ErrorBody).error.fields?.[0]?.path).toBe('province');
    const page = await h.request('/register/points-of-sale?province=20&commune=06280', {
      headers: { accept: 'text/html' },
    });
    expect(page.status).toBe(200);
    const text = await page.text();
    expect(text).toContain('Điểm giới thiệu và bán sản phẩm OCOP 08');
    expect(text).not.toContain('Điểm giới thiệu và bán sản phẩm OCOP 07');
    expect(text).toContain('<option value="06280" selected>Phường Lương Văn Tri</option>');
    expect(text).not.toContain('<script');
    const one = await (await h.request(`/register/points-of-sale/${west.id}`)).text();
    expect(one).toContain('Đang hoạt động');
  });

  it('counts organisations in many_retailers: two clerks of one shop are one retailer, two shops are two', async () => {
    const shopA = await created('/api/v1/retail-organisations', organisation('10'));
    const shopB = await created('/api/v1/retail-organisations', organisation('11'));
    const clerk1 = await h.token('retailer', { organisationId: shopA.id });
    const clerk2 = await h.token('retailer', { organisationId: shopA.id });
    const other = await h.token('retailer', { provinceCode: '20', organisationId: shopB.id });
    const first = (await (await h.request(`/api/v1/verify/${h.codes.valid}`)).json()) as Verdict;
    const code = await (await h.keys.activeSigner(h.db)).signStamp(first.serial! + 61);
    const serial = first.serial! + 61;
    const receive = async (token: string, session: string) => {
      const res = await h.request(
        '/api/v1/intakes',
        json({ sessionId: session, pointOfSale: 'Kho', items: [{ code }] }, token),
      );
      expect(res.status, await res.clone().text()).toBe(201);
      return ((await res.json()) as { verdicts: Verdict[] }).verdicts[0]!;
    };
    expect((await receive(clerk1, 'session-pos-a-1')).scans?.suspicious).toBe(false);
    expect((await receive(clerk2, 'session-pos-a-2')).scans?.suspicious).toBe(false);
    const [summary] = await h.db.select().from(stampSummaries).where(eq(stampSummaries.serial, serial));
    expect(summary!.retailers).toEqual([shopA.id]);
    const third = await receive(other, 'session-pos-b-1');
    expect(third.scans?.signals).toContainEqual({ rule: 'many_retailers', retailers: 2 });
  });

  it('invitations and tokens name an organisation in the inviter’s province only, for retailers only', async () => {
    const org = await created('/api/v1/retail-organisations', organisation('12'));
    const ctx = (provinceCode: string) =>
      h.ctx({ kind: 'system', id: `authority-${provinceCode}`, role: 'authority', provinceCode, subjectId: null });
    const invited = await createEnrolment({
      ctx: ctx('20'),
      input: { name: 'Thu ngân', role: 'retailer', organisationId: org.id },
    });
    const [row] = await h.db.select().from(enrolments).where(eq(enrolments.id, invited.enrolment.id));
    expect(row).toMatchObject({ organisationId: org.id, provinceCode: '20' });
    await expect(
      createEnrolment({ ctx: ctx('22'), input: { name: 'Thu ngân', role: 'retailer', organisationId: org.id } }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      createEnrolment({
        ctx: ctx('20'),
        input: { name: 'Thu ngân', role: 'retailer', provinceCode: '22', organisationId: org.id },
      }),
    ).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(
      createEnrolment({
        ctx: h.ctx(ADMIN),
        input: { name: 'Thanh tra', role: 'inspector', provinceCode: '20', organisationId: org.id },
      }),
    ).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('migrates each older retailer account to an organisation of its own, with the account’s id', async () => {
    const person = crypto.randomUUID();
    const token = crypto.randomUUID();
    await h.db.insert(people).values({ id: person, name: 'Cửa hàng cũ', role: 'retailer', provinceCode: '20' });
    await h.db.insert(apiTokens).values({
      id: token,
      tokenHash: `legacy-${token}`,
      name: 'Máy quét cũ',
      role: 'retailer',
      provinceCode: '20',
    });
    const migration = readFileSync('migrations/0016_retail_accounts_own_organisation.sql', 'utf8');
    for (const statement of migration.split('--> statement-breakpoint')) await h.db.execute(sql.raw(statement));
    const [migrated] = await h.db.select().from(people).where(eq(people.id, person));
    const [migratedToken] = await h.db.select().from(apiTokens).where(eq(apiTokens.id, token));
    expect(migrated!.organisationId).toBe(person);
    expect(migratedToken!.organisationId).toBe(token);
    const detail = (await (await h.request(`/api/v1/retail-organisations/${person}`, bearer(langSon))).json()) as {
      organisation: Row;
      clerks: Row[];
    };
    expect(detail.organisation).toMatchObject({ name: 'Cửa hàng cũ', registrationNumber: null, provinceCode: '20' });
    expect(detail.clerks.map((c) => c.id)).toEqual([person]);
  });

  it('serves the console pages to an authority, with forms that refuse in Vietnamese beside the field', async () => {
    const [person] = await h.db
      .insert(people)
      .values({ id: crypto.randomUUID(), name: 'Cán bộ OCOP', role: 'authority', provinceCode: '20' })
      .returning();
    const session = await startSession(h.ctx(personActor(person!)), person!);
    const cookie = `ocop_session=${await sessionCookieValue(h.ctx(ADMIN), session.id)}`;
    const form = (fields: Record<string, string>) => ({
      method: 'POST',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: session.csrfToken, ...fields }).toString(),
    });
    const made = await h.request(
      '/console/points-of-sale/organisations',
      form({ ...organisation('13'), communeCode: '' }),
    );
    expect(made.status).toBe(303);
    const detail = made.headers.get('location')!;
    const refused = await h.request(`${detail}/points`, form({ ...point('', '13'), communeCode: '6265' }));
    expect(refused.status).toBe(400);
    const page = await refused.text();
    expect(page).toContain('Mã xã gồm 5 chữ số.');
    expect(page).toContain('value="13 Lê Lợi"');
    const added = await h.request(`${detail}/points`, form({ ...point('', '13') }));
    expect(added.status).toBe(303);
    const list = await (await h.request('/console/points-of-sale', { headers: { cookie } })).text();
    expect(list).toContain('Công ty TNHH Đặc sản 13');
    expect(list).toContain('1 điểm bán');
  });
});
