import ExcelJS from 'exceljs';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, people, planTargets } from '../../src/db/schema';
import { personActor, sessionCookieValue, startSession } from '../../src/services/auth/sessions';
import type { Role } from '../../src/services/shared/policy';
import { ADMIN, DATABASE_KINDS, bearer, json, openHarness, type Harness } from '../support/harness';
import { STATISTICS_SCENARIO, seedRegistry } from '../support/statistics-registry';

type Target = {
  kind: string;
  value: number;
  progress: { measured: boolean; achieved?: number; goal?: number; met?: boolean };
};
type Stats = {
  targets: Target[];
  totals: Record<string, number>;
  products: { total: number };
  periods: { key: string; new: number }[];
};

/** Plan targets and their progress, the CSV and XLSX reports, and the console page, over HTTP with tokens and sessions. */
describe.each(DATABASE_KINDS)('statistics targets and reports on %s', (kind) => {
  let h: Harness;
  let tokens: Record<string, string>;
  const sessions: Record<string, { cookie: string; csrf: string }> = {};
  const signIn = async (name: string, role: Role, provinceCode: string | null) => {
    const [person] = await h.db
      .insert(people)
      .values({ id: crypto.randomUUID(), name, role, provinceCode })
      .returning();
    const session = await startSession(h.ctx(personActor(person!)), person!);
    sessions[name] = {
      cookie: `ocop_session=${await sessionCookieValue(h.ctx(ADMIN), session.id)}`,
      csrf: session.csrfToken,
    };
  };
  const page = (who: string, path: string) => h.request(path, { headers: { cookie: sessions[who]!.cookie } });
  const stats = async (token: string, query = '') =>
    (await (await h.request(`/api/v1/statistics?${query}`, bearer(token))).json()) as Stats;
  const put = (token: string, body: unknown) => h.request('/api/v1/statistics/targets', json(body, token, 'PUT'));

  beforeAll(async () => {
    h = await openHarness(kind, { seed: false });
    await seedRegistry(h.db, STATISTICS_SCENARIO);
    tokens = {
      authority19: await h.token('authority', { provinceCode: '19' }),
      inspector19: await h.token('inspector', { provinceCode: '19' }),
      central: await h.token('authority', { provinceCode: 'central' }),
    };
    await signIn('authority', 'authority', '19');
    await signIn('central', 'authority', null);
    await signIn('retailer', 'retailer', '19');
  });
  afterAll(async () => {
    await h?.close();
  });

  it('records a province’s targets and measures each against the registry; points of sale are not measured yet', async () => {
    for (const body of [
      { kind: 'products_per_commune', value: 1, units: 4, year: 2030, note: 'KH 120/KH-UBND' },
      { kind: 'new_products_by_year', value: 3, year: 2026 },
      { kind: 'share_upgraded', value: 50, year: 2026 },
      { kind: 'points_of_sale_per_district', value: 1, year: 2030 },
    ]) {
      const res = await put(tokens.authority19!, body);
      expect(res.status, await res.clone().text()).toBe(200);
    }
    const s = await stats(tokens.authority19!);
    const of = (k: string) => s.targets.find((t) => t.kind === k)!.progress;
    // Thái Nguyên: communes 05001 and 05002 both have a product in force, of the plan's 4.
    expect(of('products_per_commune')).toMatchObject({ measured: true, achieved: 2, goal: 4, met: false });
    expect(of('new_products_by_year')).toMatchObject({ measured: true, achieved: 1, goal: 3 });
    // 3 products in force, half of them is 2 (rounded up); one was upgraded in 2026.
    expect(of('share_upgraded')).toMatchObject({ measured: true, achieved: 1, goal: 2 });
    expect(of('points_of_sale_per_district')).toEqual({ measured: false });
    // The national plan holds none of them; another province's authority cannot write one.
    expect((await stats(tokens.central!)).targets).toEqual([]);
    expect(
      (await put(tokens.authority19!, { kind: 'share_upgraded', value: 5, year: 2026, province: '20' })).status,
    ).toBe(403);
    expect((await put(tokens.inspector19!, { kind: 'share_upgraded', value: 5, year: 2026 })).status).toBe(403);
  });

  it('replaces a target of the same kind and year, with the old figure kept in the audit log', async () => {
    const res = await put(tokens.authority19!, { kind: 'new_products_by_year', value: 1, year: 2026 });
    expect(res.status).toBe(200);
    const rows = await h.db
      .select()
      .from(planTargets)
      .where(and(eq(planTargets.provinceCode, '19'), eq(planTargets.kind, 'new_products_by_year')));
    expect(rows.map((r) => r.value)).toEqual([1]);
    const audit = await h.db.select().from(auditLog).where(eq(auditLog.entityId, rows[0]!.id));
    expect(audit.map((a) => a.action)).toEqual(['target.set', 'target.set']);
    expect((audit[1]!.before as { value: number }).value).toBe(3);
    const met = (await stats(tokens.authority19!)).targets.find((t) => t.kind === 'new_products_by_year')!;
    expect(met.progress).toMatchObject({ achieved: 1, goal: 1, met: true });
    const national = await put(tokens.central!, {
      kind: 'new_products_by_year',
      value: 4500,
      year: 2026,
      province: null,
    });
    expect(national.status).toBe(200);
    expect((await stats(tokens.central!)).targets.map((t) => t.value)).toEqual([4500]);
  });

  it.each([
    [{ kind: 'share_upgraded', value: 120, year: 2026 }, 'value', 'tối đa 100'],
    [{ kind: 'new_products_by_year', value: 0, year: 2026 }, 'value', 'lớn hơn 0'],
    [{ kind: 'new_products_by_year', value: 5, year: 2026, sinceYear: 2027 }, 'sinceYear', 'Năm bắt đầu'],
    [{ kind: 'stalls', value: 5, year: 2026 }, 'kind', 'Loại chỉ tiêu'],
    [{ kind: 'new_products_by_year', value: 5, year: 2026, note: 'a\u0000b' }, 'note', ''],
  ])('refuses %j with a Vietnamese 400 naming the field', async (body, field, words) => {
    const res = await put(tokens.authority19!, body);
    expect(res.status).toBe(400);
    const error = ((await res.json()) as { error: { fields: { path: string; message: string }[] } }).error;
    const hit = error.fields.find((f) => f.path === field);
    expect(hit, JSON.stringify(error)).toBeDefined();
    expect(hit!.message).toContain(words);
  });

  it('exports CSV as a dated, scoped report whose figures are the JSON’s, and no cell reads as a formula', async () => {
    await put(tokens.authority19!, { kind: 'products_per_commune', value: 2, year: 2031, note: '=HYPERLINK("x")' });
    const res = await h.request('/api/v1/statistics/report.csv?granularity=quarter', bearer(tokens.authority19!));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toContain('thong-ke-ocop-19-2026-01-01-2026-12-31.csv');
    const text = await res.text();
    const lines = text.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines.slice(0, 4)).toEqual([
      'Báo cáo thống kê Chương trình OCOP',
      'Phạm vi: Tỉnh Thái Nguyên',
      '"Kỳ báo cáo: theo quý, từ 01/01/2026 đến 31/12/2026"',
      'Lập lúc: 2026-11-23T10:00:00+07:00',
    ]);
    const s = await stats(tokens.authority19!);
    expect(lines).toContain(`Sản phẩm có giấy chứng nhận,${s.products.total}`);
    const q2 = lines.find((l) => l.startsWith('2026-Q2,'))!.split(',');
    expect(Number(q2[3])).toBe(s.periods.find((p) => p.key === '2026-Q2')!.new);
    const total = lines.find((l) => l.startsWith('Tổng cộng,'))!.split(',');
    expect(Number(total[3])).toBe(s.totals.new);
    expect(text).toContain(`"'=HYPERLINK(""x"")"`);
    expect(text).not.toMatch(/(^|,)=HYPERLINK/m);
  });

  it('exports XLSX with a title naming the scope, the periods and the date, read back with exceljs', async () => {
    const res = await h.request('/api/v1/statistics/report.xlsx?granularity=year', bearer(tokens.central!));
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    expect(book.worksheets.map((w) => w.name)).toEqual(['Tổng hợp', 'Theo kỳ', 'Theo tỉnh', 'Theo xã', 'Chỉ tiêu']);
    const summary = book.getWorksheet('Tổng hợp')!;
    expect(summary.getCell('A1').value).toBe('Báo cáo thống kê Chương trình OCOP');
    expect(summary.getCell('A2').value).toBe('Phạm vi: Toàn quốc');
    expect(summary.getCell('A3').value).toBe('Kỳ báo cáo: theo năm, từ 01/01/2026 đến 31/12/2026');
    expect(summary.getCell('A4').value).toBe('Lập lúc: 2026-11-23T10:00:00+07:00');
    expect(summary.getRow(6).font?.bold).toBe(true);
    const s = await stats(tokens.central!, 'granularity=year');
    const rows = new Map<string, unknown>();
    summary.eachRow((row) => rows.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(rows.get('Sản phẩm có giấy chứng nhận')).toBe(s.products.total);
    const provinces = book.getWorksheet('Theo tỉnh')!;
    let sum = 0;
    provinces.eachRow((row, n) => {
      if (n > 6) sum += Number(row.getCell(3).value);
    });
    expect(sum).toBe(s.products.total);
    expect(provinces.getCell('A7').value).toBe('19'); // a code stays text, leading zeros and all
  });

  it('shows the console page with charts and their text, and records a target from the form', async () => {
    const res = await page('authority', '/console/statistics?granularity=quarter');
    expect(res.status).toBe(200);
    const html = await res.text();
    for (const id of ['by-status', 'by-stars', 'by-group', 'by-commune', 'new-by-period'])
      expect(html).toContain(`aria-labelledby="${id}-title ${id}-desc"`);
    expect(html).toContain('role="img"');
    expect(html).toContain('data-chart-table="by-stars"');
    expect(html).not.toMatch(/<(script|img|link)[^>]+(src|href)="https?:/);
    expect(html).toContain('action="/console/statistics/targets"');
    const form = new FormData();
    for (const [k, v] of Object.entries({
      _csrf: sessions.authority!.csrf,
      kind: 'share_upgraded',
      value: '30',
      year: '2027',
    }))
      form.append(k, v);
    const saved = await h.request('/console/statistics/targets', {
      method: 'POST',
      body: form,
      headers: { cookie: sessions.authority!.cookie },
    });
    expect(saved.status).toBe(303);
    expect(await (await page('authority', '/console/statistics?saved=1')).text()).toContain(
      'Nâng hạng sao ít nhất 30%',
    );
    const bad = await page('authority', '/console/statistics?from=2026-02-30');
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('ngày có thật');
    expect((await page('retailer', '/console/statistics')).status).toBe(403);
    const central = await (await page('central', '/console/statistics')).text();
    expect(central).toContain('aria-labelledby="by-province-title by-province-desc"');
    expect(central).toContain('id="target-province"'); // central records a province's plan, or the national one
  });
});
