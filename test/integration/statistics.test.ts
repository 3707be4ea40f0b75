import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspections, intakes, reports, scans, stampRanges, subjects } from '../../src/db/schema';
import { ADMIN, DATABASE_KINDS, bearer, openHarness, type Harness } from '../support/harness';
import { registryCounts } from '../support/registry-counts';
import { STATISTICS_SCENARIO, seedRegistry } from '../support/statistics-registry';

type Breakdown = {
  total: number;
  byProvince: Row[];
  byGroup: Row[];
  byStars: Row[];
  byStatus: Row[];
  bySubjectKind: Row[];
};
type Row = { key: string | number; count: number };
type Stats = {
  scope: { provinceCode: string | null };
  range: { from: string; to: string };
  products: Breakdown;
  certificates: Breakdown;
  cooperatives: {
    subjectsInForce: number;
    cooperatives: number;
    productsInForce: number;
    productsOfCooperatives: number;
  };
  communes: {
    withProductInForce: number;
    list: { provinceCode: string; communeCode: string | null; products: number }[];
  };
  periods: ({ key: string } & Record<string, number>)[];
  totals: Record<string, number>;
};

const asMap = (rows: Row[]) => Object.fromEntries(rows.map((r) => [String(r.key), r.count]));
const sum = (rows: Row[]) => rows.reduce((n, r) => n + r.count, 0);

describe.each(DATABASE_KINDS)('statistics against the registry on %s', (kind) => {
  let h: Harness;
  let tokens: Record<string, string>;
  const stats = async (token: string, query = 'granularity=quarter&from=2026-01-01&to=2026-12-31') => {
    const res = await h.request(`/api/v1/statistics?${query}`, bearer(token));
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as Stats;
  };

  beforeAll(async () => {
    h = await openHarness(kind, { seed: false });
    const [batch0, , , , batch4] = await seedRegistry(h.db, STATISTICS_SCENARIO);
    await h.db.insert(stampRanges).values([
      {
        id: crypto.randomUUID(),
        batchId: batch0!,
        kid: 'k',
        firstSerial: 9_100_000_000,
        lastSerial: 9_100_000_099,
        idempotencyKey: 'a',
        createdBy: 't',
        createdAt: new Date('2026-05-10T09:00:00+07:00'),
      },
      {
        id: crypto.randomUUID(),
        batchId: batch4!,
        kid: 'k',
        firstSerial: 9_100_001_000,
        lastSerial: 9_100_001_049,
        idempotencyKey: 'b',
        createdBy: 't',
        createdAt: new Date('2026-07-01T09:00:00+07:00'),
      },
    ]);
    await h.db.insert(scans).values([
      { serial: 9_100_000_001, scannedAt: new Date('2026-06-10T10:00:00+07:00') },
      { serial: 9_100_000_002, scannedAt: new Date('2026-06-20T10:00:00+07:00') },
      // 00:30 on 1 July in Vietnam, still 30 June in UTC: the third quarter's.
      { serial: 9_100_000_003, scannedAt: new Date('2026-06-30T17:30:00Z') },
      { serial: 9_100_001_001, scannedAt: new Date('2026-08-01T10:00:00+07:00') },
      { serial: 1, scannedAt: new Date('2026-08-02T10:00:00+07:00') }, // a forged code: counted nationally only
    ]);
    const [subject19] = await h.db.select().from(subjects).where(eq(subjects.provinceCode, '19')).limit(1);
    await h.db.insert(intakes).values({
      id: crypto.randomUUID(),
      retailerId: 'r1',
      retailerName: 'Cửa hàng',
      provinceCode: '19',
      pointOfSale: 'Quầy 1',
      sessionId: 's1',
      startedAt: new Date('2026-08-01T09:00:00+07:00'),
      finishedAt: new Date('2026-08-01T09:10:00+07:00'),
      recordedAt: new Date('2026-08-01T09:10:00+07:00'),
      itemCount: 1,
      summary: { valid: 1 },
    });
    await h.db.insert(reports).values([
      {
        id: crypto.randomUUID(),
        code: 'X',
        verdictStatus: 'forged',
        provinceCode: '20',
        problem: 'counterfeit',
        details: 'giả',
        createdAt: new Date('2026-09-01T10:00:00+07:00'),
      },
      {
        id: crypto.randomUUID(),
        code: 'Y',
        verdictStatus: 'forged',
        provinceCode: null,
        problem: 'other',
        details: 'không rõ',
        createdAt: new Date('2026-09-02T10:00:00+07:00'),
      },
    ]);
    await h.db.insert(inspections).values({
      id: crypto.randomUUID(),
      subjectId: subject19!.id,
      provinceCode: '19',
      scope: 'subject',
      inspectedOn: '2026-10-10',
      agency: 'Sở NN&MT',
      findings: 'Đạt',
      result: 'pass',
      recordedBy: 't',
    });
    tokens = {
      authority19: await h.token('authority', { provinceCode: '19' }),
      inspector20: await h.token('inspector', { provinceCode: '20' }),
      central: await h.token('authority', { provinceCode: 'central' }),
      admin: await h.token('admin'),
      producer: await h.token('producer', { subjectId: subject19!.id }),
    };
  });
  afterAll(async () => {
    await h?.close();
  });

  it.each([
    ['authority19', '19'],
    ['inspector20', '20'],
    ['central', null],
    ['admin', null],
  ] as const)('%s: every total and breakdown equals the registry counted directly', async (who, province) => {
    const s = await stats(tokens[who]!);
    const d = await registryCounts(h, province);
    expect(s.scope.provinceCode).toBe(province);
    expect(s.products.total).toBe(d.products);
    expect(s.certificates.total).toBe(d.certificates);
    expect(asMap(s.products.byStatus)).toEqual(d.productsByStatus);
    expect(asMap(s.products.byStars)).toEqual(d.productsByStars);
    expect(asMap(s.products.byGroup)).toEqual(d.productsByGroup);
    expect(asMap(s.products.byProvince)).toEqual(d.productsByProvince);
    expect(asMap(s.certificates.byStatus)).toEqual(d.certificatesByStatus);
    for (const b of [s.products, s.certificates])
      for (const part of [b.byProvince, b.byGroup, b.byStars, b.byStatus, b.bySubjectKind])
        expect(sum(part)).toBe(b.total);
    expect(s.communes.list.reduce((n, c) => n + c.products, 0)).toBe(d.products);
    expect(s.communes.withProductInForce).toBe(d.communes);
    expect(s.cooperatives).toMatchObject({
      productsInForce: d.productsInForce,
      productsOfCooperatives: d.productsOfCooperatives,
      subjectsInForce: d.subjectsInForce,
      cooperatives: d.cooperatives,
    });
    for (const flow of ['new', 'renewed', 'upgraded', 'downgraded', 'expired', 'revoked'] as const) {
      expect(s.totals[flow], flow).toBe(d[flow]);
      expect(
        s.periods.reduce((n, p) => n + p[flow]!, 0),
        flow,
      ).toBe(d[flow]);
    }
  });

  it('counts each movement of the seeded year in its quarter, Vietnam time', async () => {
    const p19 = await stats(tokens.authority19!);
    expect(p19.periods.map((p) => p.key)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    const q = (s: Stats, key: string) => s.periods.find((p) => p.key === key)!;
    expect(q(p19, '2026-Q1')).toMatchObject({ upgraded: 1, expired: 1, new: 0 });
    expect(q(p19, '2026-Q2')).toMatchObject({ new: 1, renewed: 1, stampsIssued: 100, scans: 2 });
    expect(q(p19, '2026-Q3')).toMatchObject({ scans: 1, intakes: 1, revoked: 0 });
    expect(q(p19, '2026-Q4')).toMatchObject({ inspections: 1 });
    expect(p19.totals).toMatchObject({ scans: 3, reports: 0, stampsIssued: 100 });
    const p20 = await stats(tokens.inspector20!);
    expect(q(p20, '2026-Q3')).toMatchObject({ new: 1, revoked: 1, stampsIssued: 50, scans: 1, reports: 1 });
    expect(q(p20, '2026-Q4')).toMatchObject({ downgraded: 1 });
    const all = await stats(tokens.central!);
    // Nationally every scan counts (a forged code's too) and every report, placed or not.
    expect(all.totals).toMatchObject({ scans: 5, reports: 2, stampsIssued: 150, intakes: 1, inspections: 1 });
    const months = await stats(tokens.central!, 'granularity=month&from=2026-06-01&to=2026-07-31');
    expect(months.periods.map((p) => [p.key, p.scans])).toEqual([
      ['2026-06', 2],
      ['2026-07', 1],
    ]);
  });

  it('keeps each caller in its scope: a province sees only itself, central narrows by province', async () => {
    const own = await stats(tokens.authority19!);
    expect(own.products.byProvince.map((r) => r.key)).toEqual(['19']);
    const other = await h.request('/api/v1/statistics?province=20', bearer(tokens.authority19!));
    expect(other.status).toBe(403);
    const narrowed = await stats(tokens.central!, 'province=20');
    expect(narrowed.scope.provinceCode).toBe('20');
    expect(narrowed.products.total).toBe((await registryCounts(h, '20')).products);
    expect((await h.request('/api/v1/statistics', bearer(tokens.producer!))).status).toBe(403);
    expect((await h.request('/api/v1/statistics')).status).toBe(401);
  });

  it.each([
    ['granularity=week', 'granularity', 'tháng'],
    ['from=2026-13-01', 'from', 'YYYY-MM-DD'],
    ['from=2026-05-01&to=2026-04-01', 'to', 'trước ngày kết thúc'],
    ['granularity=month&from=2019-01-01&to=2026-12-31', 'from', 'tối đa 60 kỳ'],
    ['province=99', 'province', '34 đơn vị'],
  ])('refuses %s with a Vietnamese 400 naming the field', async (query, field, words) => {
    const res = await h.request(`/api/v1/statistics?${query}`, bearer(tokens.central!));
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { message: string; fields?: { path: string; message: string }[] } };
    expect(body.error.fields?.map((f) => f.path)).toContain(field);
    expect(JSON.stringify(body.error)).toContain(words);
  });

  it('defaults to this year by quarter, and the service answers the same as the API', async () => {
    const s = await stats(tokens.admin!, '');
    expect(s.range).toMatchObject({ from: '2026-01-01', to: '2026-12-31' });
    const { readStatistics } = await import('../../src/services/statistics/read-statistics');
    const direct = await readStatistics({ ctx: h.ctx(ADMIN), input: {} });
    expect(direct.products.total).toBe(s.products.total);
  });
});
