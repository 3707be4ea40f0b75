import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { auditLog, people } from '../../src/db/schema';
import { foldedSql } from '../../src/db/search-text';
import { NOT_PLAIN_TEXT_MESSAGE } from '../../src/domain/plain-text';
import { FOLD_FROM, foldForSearch } from '../../src/domain/search-fold';
import { personActor, sessionCookieValue, startSession } from '../../src/services/auth/sessions';
import { searchProducts } from '../../src/services/inspections/search';
import { recallBatch } from '../../src/services/lifecycle/recall-batch';
import { createBatch } from '../../src/services/registry/create-batch';
import type { Verdict } from '../../src/services/verification/verdict-types';
import { ADMIN, bearer, DATABASE_KINDS, openHarness, type Harness } from '../support/harness';
import { vi } from '../../web/words/vi';

type Page = { items: ({ id: string } & Record<string, unknown>)[]; total: number };
type Problem = { error: { code: string; message: string; fields?: { path: string; message: string }[] } };

/** People type without marks and in any case; every registry entity and the console's search must find what they mean. */
describe.each(DATABASE_KINDS)('search as people type, on %s', (kind) => {
  let h: Harness;
  let valid: Verdict;
  let inspectorLS: string; // Lạng Sơn (20), where the demo's "Tinh dầu hồi Văn Quan" is made
  let inspectorQN: string; // Quảng Ninh (22)
  let cookie: string;

  const get = async (path: string, token: string) => {
    const res = await h.request(path, bearer(token));
    return { status: res.status, body: (await res.json()) as Page & Problem };
  };
  const ids = async (path: string, token = inspectorLS) => (await get(path, token)).body.items.map((r) => r.id);

  beforeAll(async () => {
    h = await openHarness(kind);
    valid = (await (await h.request(`/api/v1/verify/${h.codes.valid}`)).json()) as Verdict;
    inspectorLS = await h.token('inspector', { provinceCode: '20' });
    inspectorQN = await h.token('inspector', { provinceCode: '22' });
    const [person] = await h.db
      .insert(people)
      .values({ id: crypto.randomUUID(), name: 'Nông Văn Kiểm', role: 'inspector', provinceCode: '20' })
      .returning();
    const session = await startSession(h.ctx(personActor(person!)), person!);
    cookie = `ocop_session=${await sessionCookieValue(h.ctx(ADMIN), session.id)}`;
  }, 600_000);
  afterAll(async () => {
    await h?.close();
  });

  it('folds in SQL exactly as in TypeScript, for every letter and for decomposed text', async () => {
    const text = `Tinh dầu hồi ĐẠI ${'Rượu men lá Hữu Lễ'.normalize('NFD')} ${FOLD_FROM} 50%_x`;
    const rows = await h.db.execute<{ folded: string }>(sql`select ${foldedSql(sql`${text}::text`)} as folded`);
    const [row] = (Array.isArray(rows) ? rows : (rows as unknown as { rows: { folded: string }[] }).rows) as {
      folded: string;
    }[];
    expect(row!.folded).toBe(foldForSearch(text));
    expect(row!.folded).toContain('tinh dau hoi dai ruou men la huu le');
  });

  it('finds each entity kind from words typed without marks, in capitals, in any order', async () => {
    const cases: [string, string, string | undefined][] = [
      ['subjects', 'htx VAN quan xanh', valid.subjectId],
      ['subjects', 'ban cai thon', valid.subjectId], // the address as issued: "Thôn Bản Cải"
      ['raw-material-areas', 'VUNG hoi', valid.batch?.areas[0]?.id],
      ['products', 'tinh dau hoi', valid.productId],
      ['products', 'DAU', valid.productId],
      ['products', 'hoi tinh', valid.productId],
      ['certificates', 'ubnd tinh lang son ocop-ls-2025-0142', valid.certificateId],
      ['batches', 'hvq2610', valid.batchId],
    ];
    for (const [path, q, id] of cases) {
      expect(id, path).toBeTruthy();
      expect(await ids(`/api/v1/${path}?q=${encodeURIComponent(q)}&pageSize=100`), `${path} ?q=${q}`).toContain(id);
    }
    // Every word must be there: one that is not narrows to nothing.
    expect(await ids(`/api/v1/products?q=${encodeURIComponent('tinh dau nuoc')}`)).toEqual([]);
  });

  it('keeps the list shapes as they were: no search column in what the API returns', async () => {
    const { status, body } = await get(`/api/v1/products?q=tinh`, inspectorLS);
    expect(status).toBe(200);
    expect(body.total).toBeGreaterThan(0);
    for (const item of body.items) expect(Object.keys(item)).not.toContain('searchText');
    const one = (await (await h.request(`/api/v1/batches/${valid.batchId}`, bearer(inspectorLS))).json()) as Record<
      string,
      unknown
    >;
    expect(one).toMatchObject({ id: valid.batchId, lot: 'HVQ2610' });
    expect(one).not.toHaveProperty('searchText');
    // Nor in the inspector's dossier, which reads the same tables.
    const dossier = await (await h.request(`/api/v1/products/${valid.productId}/dossier`, bearer(inspectorLS))).text();
    expect(dossier).toContain('Tinh dầu hồi Văn Quan');
    expect(dossier).not.toContain('searchText');
  });

  it('keeps the folded copy out of lifecycle answers and the audit log', async () => {
    const authority = h.ctx({ kind: 'system', id: 'a', role: 'authority', provinceCode: '20', subjectId: null });
    const batch = await createBatch({
      ctx: authority,
      input: { productId: valid.productId!, lot: 'HVQ-TIM', productionDate: '2026-11-01', quantity: 10, areaIds: [] },
    });
    expect(batch).not.toHaveProperty('searchText');
    const decision = {
      effectiveOn: '2026-11-20',
      reason: 'Mẫu không đạt',
      basis: '1/BB',
      decidedBy: 'Chi cục QLCL Lạng Sơn',
    };
    const recalled = await recallBatch({ ctx: authority, input: { ...decision, batchId: batch.id } });
    expect(recalled.batch).toMatchObject({ id: batch.id, recalledOn: '2026-11-20' });
    expect(recalled.batch).not.toHaveProperty('searchText');
    const entries = await h.db.select().from(auditLog).where(eq(auditLog.entityId, batch.id));
    expect(entries.map((e) => e.action).sort()).toEqual(['batch.create', 'batch.recall']);
    expect(JSON.stringify(entries)).not.toContain('searchText');
  });

  it('searches only inside the caller’s scope, and takes LIKE wildcards as plain characters', async () => {
    expect(await ids(`/api/v1/products?q=tinh+dau+hoi`, inspectorQN)).toEqual([]);
    expect((await get(`/api/v1/subjects?q=%25`, inspectorLS)).body.total).toBe(0);
    expect((await get(`/api/v1/subjects?q=_`, inspectorLS)).body.total).toBe(0);
  });

  it('follows an edit: a renamed product is found by its new name at once, and no longer by the old one', async () => {
    const admin = await h.token('admin');
    const [other] = (await get(`/api/v1/products?q=${encodeURIComponent('men la huu le')}`, admin)).body.items;
    expect(other?.name).toBe('Rượu men lá Hữu Lễ');
    const res = await h.request(`/api/v1/products/${other!.id}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Rượu ngô Đồng Văn' }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).not.toHaveProperty('searchText');
    expect(await ids(`/api/v1/products?q=${encodeURIComponent('RUOU NGO dong van')}`, admin)).toEqual([other!.id]);
    expect(await ids(`/api/v1/products?q=${encodeURIComponent('men la')}`, admin)).toEqual([]);
  });

  it('refuses a NUL or broken Unicode in q with a 400 in Vietnamese, naming the field', async () => {
    for (const path of [
      '/api/v1/subjects?q=a%00b',
      '/api/v1/products?q=%ED%A0%80',
      '/api/v1/batches?q=%FF',
      '/api/v1/search?q=t%00',
      '/api/v1/search?q=%C3',
    ]) {
      const { status, body } = await get(path, inspectorLS);
      expect(status, path).toBe(400);
      expect(body.error.code).toBe('invalid_input');
      expect(body.error.message).toBe('Dữ liệu gửi lên không hợp lệ.');
      expect(body.error.fields).toEqual([{ path: 'q', message: NOT_PLAIN_TEXT_MESSAGE }]);
    }
  });

  it('finds products for inspectors through the search service, saying where the words were found', async () => {
    const ctx = h.ctx({ kind: 'system', id: 'i', role: 'inspector', provinceCode: '20', subjectId: null });
    const hits = await searchProducts({ ctx, input: { q: 'TINH DAU hoi' } });
    expect(hits.map((x) => x.productId)).toEqual([valid.productId]);
    // "tinh" is also in the address ("tỉnh Lạng Sơn") and the issuer ("UBND tỉnh"), "hoi" in the area's name.
    expect(hits[0]).toMatchObject({
      productName: 'Tinh dầu hồi Văn Quan',
      matchedIn: ['subjects', 'areas', 'products', 'certificates'],
    });
    const byLotAndArea = await searchProducts({ ctx, input: { q: 'hvq2610 vung' } });
    expect(byLotAndArea.map((x) => x.productId)).toEqual([valid.productId]);
    expect(byLotAndArea[0]!.matchedIn).toEqual(['areas', 'batches']);
    await expect(searchProducts({ ctx, input: { q: 'dầu\u0000' } })).rejects.toThrow(/NUL/);
  });

  it('lets the console search page find "Tinh dầu hồi" from "tinh dau hoi", and say in Vietnamese when a query is unreadable', async () => {
    const page = await h.request('/console/inspect?q=tinh+dau+hoi', { headers: { cookie } });
    expect(page.status).toBe(200);
    const text = await page.text();
    expect(text).toContain(`<a href="/console/inspect/products/${valid.productId}">Tinh dầu hồi Văn Quan</a>`);
    expect(text).toContain(vi.search.hint);

    const nul = await h.request('/console/inspect?q=dau%00', { headers: { cookie } });
    expect(nul.status).toBe(400);
    expect(nul.headers.get('content-type')).toContain('text/html');
    expect(await nul.text()).toContain(NOT_PLAIN_TEXT_MESSAGE);
    const broken = await h.request('/console/products?q=%ED%A0%80', { headers: { cookie } });
    expect(broken.status).toBe(400);
    expect(await broken.text()).toContain(vi.search.unreadable);

    const list = await (await h.request('/console/products?q=TINH+DAU', { headers: { cookie } })).text();
    expect(list).toContain('Tinh dầu hồi Văn Quan');
    expect(list).not.toContain('Rượu');
  });
});
