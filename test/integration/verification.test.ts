import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VERDICT_STATUSES, type VerdictStatus } from '../../src/domain/verdict';
import { stampUrl } from '../../src/domain/stamp-codec';
import type { Verdict } from '../../src/services/verification/verdict-types';
import { DATABASE_KINDS, json, openHarness, TEST_ORIGIN, type Harness } from '../support/harness';

describe.each(DATABASE_KINDS)('verification on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness(kind);
  });
  afterAll(async () => {
    await h?.close();
  });

  const getJson = async (path: string) => {
    const res = await h.request(path, { headers: { accept: 'application/json' } });
    return { res, verdict: (await res.json()) as Verdict };
  };

  it('demonstrates every status with the demo data, on every channel', async () => {
    const bulk = await h.request(
      '/api/v1/verify',
      json({ codes: VERDICT_STATUSES.map((s) => stampUrl(TEST_ORIGIN, h.codes[s])) }),
    );
    const bulkBody = (await bulk.json()) as { verdicts: Verdict[]; summary: Record<string, number> };
    for (const [i, status] of VERDICT_STATUSES.entries()) {
      const fromPage = await getJson(`/S/${h.codes[status]}`);
      const fromApi = await getJson(`/api/v1/verify/${h.codes[status]}`);
      expect(fromPage.res.status).toBe(200);
      expect(fromPage.verdict.status).toBe(status);
      expect(fromApi.verdict.status).toBe(status);
      expect(bulkBody.verdicts[i]!.status).toBe(status);
    }
    expect(Object.values(bulkBody.summary).reduce((a, b) => a + b, 0)).toBe(VERDICT_STATUSES.length);
  });

  it('carries the product, subject, batch, areas and certificate of a valid stamp', async () => {
    const { verdict } = await getJson(`/api/v1/verify/${h.codes.valid}`);
    expect(verdict).toMatchObject({
      status: 'valid',
      live: true,
      product: { name: 'Tinh dầu hồi Văn Quan', stars: 4, gtin: '8936048123451' },
      subject: { name: 'HTX Văn Quan Xanh', kind: 'htx', provinceCode: '20', demo: true },
      batch: { lot: 'HVQ2610', productionDate: '2026-10-02', bestBefore: '2028-10-01', recall: null },
      certificate: {
        number: 'OCOP-LS-2025-0142',
        decisionNumber: '1562/QĐ-UBND',
        validFrom: '2025-09-15',
        validUntil: '2028-09-14',
        statusChange: null,
      },
    });
    expect(verdict.batch!.areas[0]).toMatchObject({
      officialCode: 'VN-LSOR-0031',
      standards: [{ name: 'VietGAP' }, { name: 'Hữu cơ TCVN 11041' }],
    });
    expect(verdict.productId && verdict.subjectId && verdict.batchId && verdict.certificateId).toBeTruthy();
    expect(verdict.digitalLink).toMatch(/\/01\/08936048123451\/10\/HVQ2610\/21\/\d+\?stamp=/);
  });

  it('resolves the GS1 Digital Link form to the same verdict, and refuses mismatched keys', async () => {
    const { verdict } = await getJson(`/api/v1/verify/${h.codes.valid}`);
    const link = new URL(verdict.digitalLink!);
    expect(link.pathname).toBe(`/01/08936048123451/10/HVQ2610/21/${verdict.serial}`);
    expect((await getJson(link.pathname + link.search)).verdict.status).toBe('valid');
    const wrongLot = link.pathname.replace('HVQ2610', 'OTHER') + link.search;
    expect((await getJson(wrongLot)).verdict.status).toBe('forged');
    // Without the signed stamp the link is a barcode: product information, never a verdict (README, "GS1 Digital Link").
    expect((await getJson(link.pathname)).verdict).toMatchObject({ stampVerified: false });
  });

  it('gives the date, reason and basis of a revocation and of a recall', async () => {
    const revoked = (await getJson(`/api/v1/verify/${h.codes.revoked}`)).verdict;
    expect(revoked.certificate!.statusChange).toEqual({
      on: '2026-10-28',
      reason: expect.stringContaining('an toàn thực phẩm'),
      basis: '1123/QĐ-UBND',
    });
    const recalled = (await getJson(`/api/v1/verify/${h.codes.recalled}`)).verdict;
    expect(recalled.batch!.recall).toMatchObject({ on: '2026-11-05', basis: '77/QĐ-CCATTP' });
  });

  it('reads the code case-insensitively and accepts lowercase URLs in bulk', async () => {
    expect((await getJson(`/S/${h.codes.valid.toLowerCase()}`)).verdict.status).toBe('valid');
    const res = await h.request(
      '/api/v1/verify',
      json({ codes: [stampUrl(TEST_ORIGIN, h.codes.valid).toLowerCase()] }),
    );
    expect(((await res.json()) as { verdicts: Verdict[] }).verdicts[0]!.status).toBe('valid');
  });

  it('answers a malformed code with a forged verdict and HTTP 200, in HTML and JSON', async () => {
    for (const junk of ['NOT-A-CODE', 'K1-1-AAAA', '%00%ff', 'x'.repeat(300)]) {
      const page = await h.request(`/S/${junk}`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('data-status="forged"');
      const api = await getJson(`/api/v1/verify/${junk}`);
      expect(api.verdict).toMatchObject({ status: 'forged', forgedReason: 'malformed' });
    }
  });

  it('keeps one bad code from failing a bulk request, and validates the body', async () => {
    const res = await h.request('/api/v1/verify', json({ codes: [h.codes.valid, 'garbage', ''] }));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { verdicts: Verdict[] };
    expect(body.verdicts.map((v) => v.status)).toEqual(['valid', 'forged', 'forged']);
    for (const bad of [{}, { codes: [] }, { codes: Array(1001).fill(h.codes.valid) }, { codes: [42] }]) {
      const r = await h.request('/api/v1/verify', json(bad));
      expect(r.status).toBe(400);
      const err = (await r.json()) as { error: { code: string; message: string; requestId: string } };
      expect(err.error.code).toBe('invalid_input');
      expect(err.error.requestId).toBeTruthy();
    }
    const broken = await h.request('/api/v1/verify', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"codes": [',
    });
    expect(broken.status).toBe(400);
    expect(await broken.text()).not.toMatch(/at .*\.ts:\d+/);
  });

  it('handles 1,000 codes in one request', async () => {
    const codes = Array.from({ length: 1000 }, (_, i) => (i % 2 ? h.codes.valid : h.codes.revoked));
    const res = await h.request('/api/v1/verify', json({ codes }));
    const body = (await res.json()) as { count: number; summary: Record<VerdictStatus, number> };
    expect(body.count).toBe(1000);
    expect(body.summary).toEqual({ valid: 500, revoked: 500 });
  });

  it('counts scans after the response, with first time, and no raw address', async () => {
    await h.scanSink.flush(); // scans queued by earlier tests
    const before = (await getJson(`/api/v1/verify/${h.codes.suspended}`)).verdict.scans!.count;
    await h.request(`/S/${h.codes.suspended}`);
    await h.request(`/S/${h.codes.suspended}`, { headers: { accept: 'application/json' } });
    await h.scanSink.flush();
    const after = (await getJson(`/api/v1/verify/${h.codes.suspended}`)).verdict.scans!;
    expect(after.count).toBe(before + 2);
    expect(after.firstAt).toBeTruthy();
    // Forged and unknown codes are not counted against any stamp.
    await h.request(`/S/${h.codes.forged}`);
    expect(h.scanSink.pending).toBe(0);
  });

  it('serves the page in Vietnamese by default and in English on ?lang=en', async () => {
    const vi = await (await h.request(`/S/${h.codes.revoked}`)).text();
    expect(vi).toContain('<html lang="vi"');
    expect(vi).toContain('Chứng nhận OCOP đã bị thu hồi');
    expect(vi).toContain('28/10/2026');
    const en = await (await h.request(`/S/${h.codes.revoked}?lang=en`)).text();
    expect(en).toContain('<html lang="en"');
    expect(en).toContain('OCOP certificate revoked');
  });

  it('marks every verification response uncacheable, so a revocation is never stale', async () => {
    const res = await h.request(`/api/v1/verify/${h.codes.valid}`);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });
});
