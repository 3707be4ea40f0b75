import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, stampRanges } from '../../src/db/schema';
import { parseStampCode } from '../../src/domain/stamp-codec';
import type { Verdict } from '../../src/services/verification/verdict-types';
import { bearer, DATABASE_KINDS, json, openHarness, type Harness } from '../support/harness';

type Created = { id: string } & Record<string, unknown>;

describe.each(DATABASE_KINDS)('registry and stamp issuance on %s', (kind) => {
  let h: Harness;
  let authorityLS: string; // Lạng Sơn (20)
  let authorityQN: string; // Quảng Ninh (22)
  let central: string;
  let producer: string;
  let otherProducer: string;
  let subject: Created;
  let product: Created;
  let _certificate: Created;
  let batch: Created;

  const post = async (path: string, body: unknown, token?: string) => {
    const res = await h.request(path, json(body, token));
    return {
      status: res.status,
      body: (await res.json()) as Created & { error?: { code: string; fields?: { path: string }[] } },
    };
  };
  const auditCount = async () => (await h.db.select().from(auditLog)).length;

  beforeAll(async () => {
    h = await openHarness(kind);
    authorityLS = await h.token('authority', { provinceCode: '20' });
    authorityQN = await h.token('authority', { provinceCode: '22' });
    central = await h.token('authority', { provinceCode: 'central' });
    subject = (
      await post(
        '/api/v1/subjects',
        {
          kind: 'htx',
          name: 'HTX Chè Shan tuyết Mẫu Sơn',
          registrationNumber: '4901009999',
          provinceCode: '20',
          addressAsIssued: 'xã Mẫu Sơn, Lạng Sơn',
        },
        authorityLS,
      )
    ).body;
    producer = await h.token('producer', { subjectId: subject.id });
    otherProducer = await h.token('producer', {
      subjectId: (
        await post(
          '/api/v1/subjects',
          {
            kind: 'doanh_nghiep',
            name: 'Công ty khác',
            registrationNumber: '4901000001',
            provinceCode: '20',
            addressAsIssued: 'Lạng Sơn',
          },
          authorityLS,
        )
      ).body.id,
    });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('registers a subject, an area, a product, a certificate and a batch, each audited', async () => {
    const before = await auditCount();
    const area = await post(
      '/api/v1/raw-material-areas',
      {
        subjectId: subject.id,
        kind: 'growing_area',
        name: 'Vùng chè Mẫu Sơn',
        officialCode: 'VN-LSOR-0099',
        provinceCode: '20',
        standards: [{ name: 'VietGAP', expiresOn: '2027-12-31' }],
      },
      authorityLS,
    );
    expect(area.status).toBe(201);
    const p = await post(
      '/api/v1/products',
      { subjectId: subject.id, name: 'Chè Shan tuyết Mẫu Sơn', groupCode: '1', subgroupCode: '1.5' },
      authorityLS,
    );
    expect(p.status).toBe(201);
    product = p.body;
    const c = await post(
      '/api/v1/certificates',
      {
        productId: product.id,
        number: 'OCOP-LS-2026-0001',
        score: 72,
        stars: 4,
        issuerName: 'UBND tỉnh Lạng Sơn',
        issuerLevel: 'province',
        decisionNumber: '100/QĐ-UBND',
        decisionDate: '2026-01-15',
      },
      authorityLS,
    );
    expect(c.status).toBe(201);
    expect(c.body).toMatchObject({
      scheme: '1489',
      validFrom: '2026-01-15',
      validUntil: '2029-01-14',
      status: 'active',
    });
    _certificate = c.body;
    const b = await post(
      '/api/v1/batches',
      {
        productId: product.id,
        lot: 'MS2611',
        productionDate: '2026-11-01',
        bestBefore: '2027-11-01',
        quantity: 1000,
        areaIds: [area.body.id],
      },
      producer,
    );
    expect(b.status).toBe(201);
    batch = b.body;
    expect(await auditCount()).toBe(before + 4);
  });

  it('explains invalid input field by field and writes nothing', async () => {
    const before = await auditCount();
    const bad = await post(
      '/api/v1/certificates',
      {
        productId: product.id,
        number: 'X',
        score: 72,
        stars: 5,
        issuerName: 'UBND',
        issuerLevel: 'province',
        decisionNumber: '1',
        decisionDate: '2026-02-30',
      },
      authorityLS,
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error!.fields!.map((f) => f.path)).toContain('decisionDate');
    const wrongStars = await post(
      '/api/v1/certificates',
      {
        productId: product.id,
        number: 'X',
        score: 72,
        stars: 5,
        issuerName: 'UBND',
        issuerLevel: 'central',
        decisionNumber: '1',
        decisionDate: '2026-02-01',
      },
      authorityLS,
    );
    expect(wrongStars.status).toBe(400);
    expect(wrongStars.body.error!.fields![0]!.path).toBe('stars');
    const wrongLevel = await post(
      '/api/v1/certificates',
      {
        productId: product.id,
        number: 'X',
        score: 60,
        stars: 3,
        issuerName: 'UBND huyện',
        issuerLevel: 'district',
        decisionNumber: '1',
        decisionDate: '2026-02-01',
      },
      authorityLS,
    );
    expect(wrongLevel.body.error!.fields![0]!.path).toBe('issuerLevel');
    const badGtin = await post(
      '/api/v1/products',
      { subjectId: subject.id, name: 'X', groupCode: '1', subgroupCode: '1.1', gtin: '8936048123452' },
      authorityLS,
    );
    expect(badGtin.body.error!.fields![0]!.path).toBe('gtin');
    const badGroup = await post(
      '/api/v1/products',
      { subjectId: subject.id, name: 'X', groupCode: '2', subgroupCode: '2.9' },
      authorityLS,
    );
    expect(badGroup.status).toBe(400);
    expect(await auditCount()).toBe(before);
  });

  it('keeps every actor inside its role and jurisdiction', async () => {
    const before = await auditCount();
    const subjectBody = { kind: 'htx', name: 'X', registrationNumber: '1', provinceCode: '20', addressAsIssued: 'X' };
    expect((await post('/api/v1/subjects', subjectBody)).status).toBe(401);
    expect((await post('/api/v1/subjects', subjectBody, authorityQN)).status).toBe(403);
    expect((await post('/api/v1/subjects', subjectBody, producer)).status).toBe(403);
    const batchBody = { productId: product.id, lot: 'OTHER1', productionDate: '2026-11-01', quantity: 10 };
    // Another producer's product and batch answer exactly as missing ones.
    expect((await post('/api/v1/batches', batchBody, otherProducer)).status).toBe(404);
    expect(
      (
        await post(
          `/api/v1/batches/${batch.id}/stamps`,
          { quantity: 1, idempotencyKey: 'other-producer' },
          otherProducer,
        )
      ).status,
    ).toBe(404);
    expect((await h.request('/api/v1/subjects', { headers: { authorization: 'Bearer ocop_forged' } })).status).toBe(
      401,
    );
    expect(await auditCount()).toBe(before);

    const mine = (await (await h.request('/api/v1/products', bearer(producer))).json()) as { items: Created[] };
    expect(mine.items.map((p) => p.id)).toEqual([product.id]);
    const qn = (await (await h.request('/api/v1/subjects', bearer(authorityQN))).json()) as {
      items: { provinceCode: string }[];
    };
    expect(qn.items.length).toBeGreaterThan(0);
    expect(qn.items.every((s) => s.provinceCode === '22')).toBe(true);
    expect((await h.request(`/api/v1/products/${product.id}`, bearer(otherProducer))).status).toBe(404);
    const all = (await (await h.request('/api/v1/subjects?pageSize=100', bearer(central))).json()) as { total: number };
    expect(all.total).toBeGreaterThan(qn.items.length);
  });

  it('reserves one contiguous range, the same one on retry, whose stamps verify', async () => {
    const first = await post(
      `/api/v1/batches/${batch.id}/stamps`,
      { quantity: 300, idempotencyKey: 'job-0001' },
      producer,
    );
    expect(first.status).toBe(201);
    const { range, firstPage } = first.body as unknown as {
      range: { id: string; firstSerial: number; lastSerial: number };
      firstPage: { stamps: { url: string }[] };
    };
    expect(range.lastSerial - range.firstSerial + 1).toBe(300);
    expect(firstPage.stamps).toHaveLength(300);
    const again = await post(
      `/api/v1/batches/${batch.id}/stamps`,
      { quantity: 300, idempotencyKey: 'job-0001' },
      producer,
    );
    expect(again.status).toBe(200);
    expect((again.body as unknown as { range: { id: string } }).range.id).toBe(range.id);
    expect(
      (await post(`/api/v1/batches/${batch.id}/stamps`, { quantity: 5, idempotencyKey: 'job-0001' }, producer)).status,
    ).toBe(409);
    const verdict = (await (
      await h.request(`/api/v1/verify/${firstPage.stamps[299]!.url.split('/S/')[1]}`)
    ).json()) as Verdict;
    expect(verdict).toMatchObject({
      status: 'valid',
      serial: range.lastSerial,
      product: { name: 'Chè Shan tuyết Mẫu Sơn' },
    });
  });

  it('refuses quantities over the batch and certificates that are not valid, reserving nothing', async () => {
    const ranges = async () => (await h.db.select().from(stampRanges).where(eq(stampRanges.batchId, batch.id))).length;
    const before = await ranges();
    const over = await post(
      `/api/v1/batches/${batch.id}/stamps`,
      { quantity: 701, idempotencyKey: 'job-over' },
      producer,
    );
    expect(over.status).toBe(422);
    expect(over.body.error!.code).toBe('quantity_exceeded');
    expect(
      (await post(`/api/v1/batches/${batch.id}/stamps`, { quantity: 0, idempotencyKey: 'job-zero' }, producer)).status,
    ).toBe(400);
    const revokedBatch = await h.demoBatchId('revoked');
    const refused = await post(
      `/api/v1/batches/${revokedBatch}/stamps`,
      { quantity: 1, idempotencyKey: 'job-revoked' },
      central,
    );
    expect(refused.status).toBe(422);
    expect(refused.body.error!.code).toBe('certificate_not_valid');
    const expired = await post(
      `/api/v1/batches/${await h.demoBatchId('expired')}/stamps`,
      { quantity: 1, idempotencyKey: 'job-expired' },
      central,
    );
    expect(expired.body.error!.code).toBe('certificate_not_valid');
    expect(await ranges()).toBe(before);
  });

  it('pages through a large range: 100,000 stamps are one row', async () => {
    const big = await post(
      '/api/v1/batches',
      { productId: product.id, lot: 'BIG1', productionDate: '2026-11-02', quantity: 100_000 },
      producer,
    );
    const issued = await post(
      `/api/v1/batches/${big.body.id}/stamps`,
      { quantity: 100_000, idempotencyKey: 'job-big-1' },
      producer,
    );
    const body = issued.body as unknown as {
      range: { id: string; firstSerial: number };
      next: string;
      firstPage: { stamps: unknown[] };
    };
    expect(body.firstPage.stamps).toHaveLength(1000);
    expect((await h.db.select().from(stampRanges).where(eq(stampRanges.batchId, big.body.id))).length).toBe(1);
    const page = (await (
      await h.request(`/api/v1/stamp-ranges/${body.range.id}/stamps?offset=99990&limit=50`, bearer(producer))
    ).json()) as { stamps: { serial: number; url: string }[]; nextOffset: number | null };
    expect(page.stamps).toHaveLength(10);
    expect(page.nextOffset).toBeNull();
    expect(parseStampCode(page.stamps[9]!.url.split('/S/')[1]!)!.serial).toBe(body.range.firstSerial + 99_999);
    const repeat = (await (
      await h.request(`/api/v1/stamp-ranges/${body.range.id}/stamps?offset=99990&limit=50`, bearer(producer))
    ).json()) as typeof page;
    expect(repeat.stamps).toEqual(page.stamps);
  });

  it('gives concurrent retries of one job the same range', async () => {
    const b = await post(
      '/api/v1/batches',
      { productId: product.id, lot: 'RACE1', productionDate: '2026-11-03', quantity: 50 },
      producer,
    );
    const results = await Promise.all(
      Array.from({ length: 4 }, () =>
        post(`/api/v1/batches/${b.body.id}/stamps`, { quantity: 50, idempotencyKey: 'job-race' }, producer),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 200, 201]);
    const ids = new Set(results.map((r) => (r.body as unknown as { range: { id: string } }).range.id));
    expect(ids.size).toBe(1);
    expect((await h.db.select().from(stampRanges).where(eq(stampRanges.batchId, b.body.id))).length).toBe(1);
  });
});
