import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/db/schema';
import { VERDICT_STATUSES } from '../../src/domain/verdict';
import { changeCertificateStatus } from '../../src/services/lifecycle/change-certificate-status';
import { listReports } from '../../src/services/reports/report-queue';
import type { Actor } from '../../src/services/shared/policy';
import type { Verdict } from '../../src/services/verification/verdict-types';
import { OfflineVerifier, openStatusList, type Jwks } from '../../web/offline/offline-verifier';
import { DATABASE_KINDS, json, openHarness, type Harness } from '../support/harness';

const inspector = (provinceCode: string): Actor => ({ kind: 'system', id: `inspector-${provinceCode}`, role: 'inspector', provinceCode, subjectId: null });

describe.each(DATABASE_KINDS)('status list, offline verifier and consumer reports on %s', (kind) => {
  let h: Harness;
  let jwks: Jwks;
  beforeAll(async () => {
    h = await openHarness(kind, { env: { REPORT_RATE_PER_MINUTE: '3' } });
    jwks = (await (await h.request('/.well-known/jwks.json')).json()) as Jwks;
  });
  afterAll(async () => {
    await h?.close();
  });

  const fetchList = async () => {
    const res = await h.request('/api/v1/status-list');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/statuslist+jwt');
    return { res, jws: await res.text() };
  };
  const online = async () => ((await (await h.request('/api/v1/verify', json({ codes: VERDICT_STATUSES.map((s) => h.codes[s]) }))).json()) as { verdicts: Verdict[] }).verdicts;

  it('publishes a signed, cacheable list whose version changes only when a status does', async () => {
    const first = await fetchList();
    expect(first.res.headers.get('cache-control')).toBe(`public, max-age=${h.config.STATUS_LIST_TTL_SECONDS}`);
    const again = await fetchList();
    expect(again.jws).toBe(first.jws);
    const etag = first.res.headers.get('etag')!;
    expect((await h.request('/api/v1/status-list', { headers: { 'if-none-match': etag } })).status).toBe(304);
    const payload = await openStatusList(first.jws, jwks);
    expect(payload).toMatchObject({ iss: 'https://ocop.example.vn', ttl: 300 });
    expect(payload.ranges.map((r) => r[2]).sort()).toEqual(['expired', 'recalled', 'revoked', 'suspended']);
    expect(payload.void).toHaveLength(1);
    const tampered = first.jws.slice(0, -4) + (first.jws.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    await expect(openStatusList(tampered, jwks)).rejects.toThrow();
  });

  it('agrees with the online verdict for every demo stamp, before and after a revocation once it has the new list', async () => {
    const before = new OfflineVerifier(jwks, await openStatusList((await fetchList()).jws, jwks));
    const offlineBefore = await Promise.all(VERDICT_STATUSES.map((s) => before.verify(h.codes[s])));
    expect(offlineBefore.map((v) => v.status)).toEqual((await online()).map((v) => v.status));
    expect(offlineBefore.map((v) => v.status)).toEqual([...VERDICT_STATUSES]);

    const valid = (await online()).find((v) => v.status === 'valid')!;
    await changeCertificateStatus({ ctx: h.ctx(inspector('20')), input: { certificateId: valid.certificateId!, action: 'revoke', grounds: 'mark_misuse',
      effectiveOn: '2026-11-23', reason: 'Dùng dấu OCOP trên sản phẩm khác', basis: '12/QĐ-UBND', decidedBy: 'UBND tỉnh Lạng Sơn' } });
    const fresh = await fetchList();
    const after = new OfflineVerifier(jwks, await openStatusList(fresh.jws, jwks));
    expect((await openStatusList(fresh.jws, jwks)).version).toBe((await openStatusList((await fetchList()).jws, jwks)).version);
    const offlineAfter = await Promise.all(VERDICT_STATUSES.map((s) => after.verify(h.codes[s])));
    expect(offlineAfter.map((v) => v.status)).toEqual((await online()).map((v) => v.status));
    expect(offlineAfter[VERDICT_STATUSES.indexOf('valid')]!.status).toBe('revoked');
    // The old list still says valid, and says how old it is: that is what "offline" means.
    expect((await before.verify(h.codes.valid))).toMatchObject({ status: 'valid', offline: true, listVersion: offlineBefore[0]!.listVersion });
    expect(after.asOf).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it('files a consumer report from the page into the province’s queue with the stamp’s scan history', async () => {
    await h.request(`/S/${h.codes.suspended}`); // one scan on record
    await h.scanSink.flush();
    const form = new URLSearchParams({ problem: 'quality', details: 'Miến bị mốc dù còn hạn', placeOfPurchase: 'Chợ Hạ Long' });
    const res = await h.request(`/S/${h.codes.suspended}/report`, { method: 'POST', body: form, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(res.status).toBe(201);
    expect(await res.text()).toContain('Đã nhận báo cáo của bạn');
    const queue = await listReports({ ctx: h.ctx(inspector('22')) });
    expect(queue).toEqual([expect.objectContaining({ details: 'Miến bị mốc dù còn hạn', contact: null, verdictStatus: 'suspended', provinceCode: '22' })]);
    expect(queue[0]!.scans.length).toBeGreaterThanOrEqual(1);
    expect(await listReports({ ctx: h.ctx(inspector('20')) })).toEqual([]);
  });

  it('sends a report on a forged code to the province of purchase, refuses bad input with the form again, and rate-limits', async () => {
    const api = await h.request('/api/v1/reports', json({ code: h.codes.forged, problem: 'counterfeit', details: 'Tem in mờ, quét ra tem giả', purchaseProvinceCode: '01', contact: '0912 345 678' }));
    expect(api.status).toBe(201);
    const filed = (await api.json()) as { id: string; provinceCode: string };
    expect(filed.provinceCode).toBe('01');
    const [audited] = await h.db.select().from(auditLog).where(eq(auditLog.entityId, filed.id));
    expect(audited).toMatchObject({ action: 'report.submit', actor: 'anonymous' });
    // The contact stays out of the audit entry (its hashes are random hex, so look at the content only).
    expect(JSON.stringify([audited!.before, audited!.after])).not.toContain('0912 345 678');
    const bad = await h.request(`/S/${h.codes.valid}/report`, { method: 'POST', body: new URLSearchParams({ problem: 'quality', details: 'x' }),
      headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(bad.status).toBe(400);
    const page = await bad.text();
    expect(page).toContain('id="r-details-err"');
    expect(page).toContain('aria-invalid="true"');
    const limited = await h.request('/api/v1/reports', json({ code: h.codes.valid, problem: 'other', details: 'lần thứ tư' }));
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBeTruthy();
    expect((await listReports({ ctx: h.ctx(inspector('20')) })).filter((r) => r.details === 'lần thứ tư')).toEqual([]);
  });

  it('prints renewal notices from the operators’ CLI', () => {
    if (kind !== 'postgres') return expect(kind).toBe('pglite'); // PGlite allows one process: the CLI runs against PostgreSQL
    const out = execFileSync(join(process.cwd(), 'node_modules', '.bin', 'tsx'), ['src/cli/index.ts', 'certificates', 'expiring'], {
      encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, DATABASE_URL: h.databaseUrl!, DATA_DIR: h.dataDir },
    });
    expect(out).toContain('OCOP-VQ-2023-0009');
    expect(out).toContain('EXPIRED');
  });
});
