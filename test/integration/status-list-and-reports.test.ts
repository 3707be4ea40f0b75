import { execFileSync } from 'node:child_process';
import { gunzipSync } from 'node:zlib';
import { getListFromStatusListJWT } from '@sd-jwt/jwt-status-list';
import { compactVerify, createLocalJWKSet, jwtVerify, type JSONWebKeySet } from 'jose';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/db/schema';
import { statusFromList, type StatusListPayload } from '../../src/domain/status-list';
import { VERDICT_STATUSES } from '../../src/domain/verdict';
import { changeCertificateStatus } from '../../src/services/lifecycle/change-certificate-status';
import { listReports } from '../../src/services/reports/report-queue';
import type { Actor } from '../../src/services/shared/policy';
import type { Verdict } from '../../src/services/verification/verdict-types';
import { OfflineVerifier, openStatusList, type Jwks } from '../../web/offline/offline-verifier';
import { DATABASE_KINDS, json, openHarness, TEST_NOW, type Harness } from '../support/harness';

const inspector = (provinceCode: string): Actor => ({
  kind: 'system',
  id: `inspector-${provinceCode}`,
  role: 'inspector',
  provinceCode,
  subjectId: null,
});

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
    expect(res.headers.get('content-type')).toBe('application/vnd.ocop.status-ranges+jwt');
    return { res, jws: await res.text() };
  };
  const online = async () =>
    (
      (await (await h.request('/api/v1/verify', json({ codes: VERDICT_STATUSES.map((s) => h.codes[s]) }))).json()) as {
        verdicts: Verdict[];
      }
    ).verdicts;
  /** The list of block n as a browser gets it: gzip on the wire. */
  const tokenList = async (n: number, headers: Record<string, string> = {}) => {
    const res = await h.request(`/api/v1/status-lists/${n}`, {
      headers: { 'accept-encoding': 'gzip, br', ...headers },
    });
    const body = res.status === 200 ? gunzipSync(Buffer.from(await res.arrayBuffer())).toString() : null;
    return { res, jwt: body };
  };
  const offlineVerifier = () => new OfflineVerifier(jwks, async (n) => (await tokenList(n)).jwt);

  it('publishes the range document under its own media type, names the IETF form, and changes version only when a status does', async () => {
    const first = await fetchList();
    expect(first.res.headers.get('cache-control')).toBe(`public, max-age=${h.config.STATUS_LIST_TTL_SECONDS}`);
    expect(first.res.headers.get('link')).toContain('</api/v1/status-lists>; rel="alternate"; type="application/json"');
    const again = await fetchList();
    expect(again.jws).toBe(first.jws);
    const etag = first.res.headers.get('etag')!;
    expect((await h.request('/api/v1/status-list', { headers: { 'if-none-match': etag } })).status).toBe(304);
    const [header, body] = first.jws
      .split('.')
      .slice(0, 2)
      .map((part) => JSON.parse(Buffer.from(part, 'base64url').toString()));
    expect(header).toMatchObject({ alg: 'EdDSA', typ: 'ocop-status-list+jwt' });
    await expect(compactVerify(first.jws, createLocalJWKSet(jwks as JSONWebKeySet))).resolves.toBeTruthy();
    const payload = body as StatusListPayload;
    expect(payload).toMatchObject({ iss: 'https://ocop.example.vn', ttl: 300 });
    expect(payload.ranges.map((r) => r[2]).sort()).toEqual(['expired', 'recalled', 'revoked', 'suspended']);
    expect(payload.void).toHaveLength(1);
    // The range document and the online verdict agree on every genuine demo stamp.
    const verdicts = (await online()).filter((v) => v.status !== 'forged');
    expect(verdicts.map((v) => statusFromList(payload, v.kid!, v.serial!))).toEqual(verdicts.map((v) => v.status));
    const index = (await (await h.request('/api/v1/status-list?format=json')).json()) as {
      statusLists: { mediaType: string; lists: string[] };
    };
    expect(index.statusLists).toMatchObject({
      mediaType: 'application/statuslist+jwt',
      lists: ['https://ocop.example.vn/api/v1/status-lists/0'],
    });
  });

  it('serves each block of 2^20 serials as an IETF Token Status List that @sd-jwt/jwt-status-list reads right for every demo stamp', async () => {
    const aggregation = await h.request('/api/v1/status-lists');
    expect(await aggregation.json()).toEqual({ status_lists: ['https://ocop.example.vn/api/v1/status-lists/0'] });
    const { res, jwt } = await tokenList(0);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/statuslist+jwt');
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(res.headers.get('vary')).toContain('Accept-Encoding');
    const { payload, protectedHeader } = await jwtVerify(jwt!, createLocalJWKSet(jwks as JSONWebKeySet), {
      typ: 'statuslist+jwt',
    });
    expect(protectedHeader).toMatchObject({ alg: 'EdDSA', typ: 'statuslist+jwt', kid: 'K1' });
    const now = Math.floor(TEST_NOW.getTime() / 1000);
    expect(payload).toMatchObject({
      sub: 'https://ocop.example.vn/api/v1/status-lists/0',
      iat: now,
      ttl: 300,
      status_list: { bits: 2, aggregation_uri: 'https://ocop.example.vn/api/v1/status-lists' },
    });
    expect(payload.exp! - payload.iat!).toBeGreaterThanOrEqual(86_400);

    const list = getListFromStatusListJWT(jwt!);
    expect(list.getBitsPerStatus()).toBe(2);
    const expected = { valid: 0, void: 1, recalled: 1, revoked: 1, suspended: 2, expired: 3, unknown: 1 } as const;
    const serials = Object.fromEntries((await online()).map((v) => [v.status, v.serial!]));
    expect(serials.unknown).toBe(999_999);
    for (const [status, value] of Object.entries(expected))
      expect([status, list.getStatus(serials[status]!)]).toEqual([status, value]);

    // Unchanged: the same bytes, and 304 on the ETag; without gzip the same JWT in plain text.
    const again = await tokenList(0);
    expect(again.jwt).toBe(jwt);
    const etag = res.headers.get('etag')!;
    expect((await tokenList(0, { 'if-none-match': etag })).res.status).toBe(304);
    const plain = await h.request('/api/v1/status-lists/0');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(jwt);
    expect((await h.request('/api/v1/status-lists/1')).status).toBe(404);
    expect((await h.request('/api/v1/status-lists/x')).status).toBe(400);
    // A genuine list of another block cannot stand in for block 1, and a tampered one is refused.
    await expect(openStatusList(jwt!, jwks, 1)).rejects.toThrow('block 1');
    await expect(
      openStatusList(`${jwt!.slice(0, -4)}${jwt!.endsWith('AAAA') ? 'BBBB' : 'AAAA'}`, jwks, 0),
    ).rejects.toThrow();
  });

  it('verifies offline from the IETF lists as the online verdict does, before and after a revocation once it has the new list', async () => {
    const before = offlineVerifier();
    const offlineBefore = await Promise.all(VERDICT_STATUSES.map((s) => before.verify(h.codes[s])));
    expect(offlineBefore.map((v) => v.status)).toEqual((await online()).map((v) => v.status));
    expect(offlineBefore.map((v) => v.status)).toEqual([...VERDICT_STATUSES]);
    expect(before.asOf).toBe(TEST_NOW.toISOString());

    const valid = (await online()).find((v) => v.status === 'valid')!;
    await changeCertificateStatus({
      ctx: h.ctx(inspector('20')),
      input: {
        certificateId: valid.certificateId!,
        action: 'revoke',
        grounds: 'mark_misuse',
        effectiveOn: '2026-11-23',
        reason: 'Dùng dấu OCOP trên sản phẩm khác',
        basis: '12/QĐ-UBND',
        decidedBy: 'UBND tỉnh Lạng Sơn',
      },
    });
    const after = offlineVerifier();
    const offlineAfter = await Promise.all(VERDICT_STATUSES.map((s) => after.verify(h.codes[s])));
    expect(offlineAfter.map((v) => v.status)).toEqual((await online()).map((v) => v.status));
    expect(offlineAfter[VERDICT_STATUSES.indexOf('valid')]!.status).toBe('revoked');
    // The verifier keeps the list it opened: it still says valid, and says how old it is. That is what "offline" means.
    expect(await before.verify(h.codes.valid)).toMatchObject({
      status: 'valid',
      offline: true,
      asOf: TEST_NOW.toISOString(),
    });
    // A block with no list to be had: a genuine signature, and nothing says the serial was issued.
    const signer = await h.keys.activeSigner(h.db);
    expect(await after.verify(await signer.signStamp(5 * 2 ** 20))).toMatchObject({ status: 'unknown', asOf: null });
    expect(await after.verify(h.codes.forged)).toMatchObject({ status: 'forged', asOf: TEST_NOW.toISOString() });
    // Past the list's exp it is still read, and the verdict says so.
    const later = new OfflineVerifier(
      jwks,
      async (n) => (await tokenList(n)).jwt,
      () => new Date(TEST_NOW.getTime() + 8 * 86_400_000),
    );
    expect(await later.verify(h.codes.suspended)).toMatchObject({ status: 'suspended', listExpired: true });
  });

  it('files a consumer report from the page into the province’s queue with the stamp’s scan history', async () => {
    await h.request(`/S/${h.codes.suspended}`); // one scan on record
    await h.scanSink.flush();
    const form = new URLSearchParams({
      problem: 'quality',
      details: 'Miến bị mốc dù còn hạn',
      placeOfPurchase: 'Chợ Hạ Long',
    });
    const res = await h.request(`/S/${h.codes.suspended}/report`, {
      method: 'POST',
      body: form,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.status).toBe(201);
    expect(await res.text()).toContain('Đã nhận báo cáo của bạn');
    const queue = await listReports({ ctx: h.ctx(inspector('22')) });
    expect(queue).toEqual([
      expect.objectContaining({
        details: 'Miến bị mốc dù còn hạn',
        contact: null,
        verdictStatus: 'suspended',
        provinceCode: '22',
      }),
    ]);
    expect(queue[0]!.scans.length).toBeGreaterThanOrEqual(1);
    expect(await listReports({ ctx: h.ctx(inspector('20')) })).toEqual([]);
  });

  it('sends a report on a forged code to the province of purchase, refuses bad input with the form again, and rate-limits', async () => {
    const api = await h.request(
      '/api/v1/reports',
      json({
        code: h.codes.forged,
        problem: 'counterfeit',
        details: 'Tem in mờ, quét ra tem giả',
        purchaseProvinceCode: '01',
        contact: '0912 345 678',
      }),
    );
    expect(api.status).toBe(201);
    const filed = (await api.json()) as { id: string; provinceCode: string };
    expect(filed.provinceCode).toBe('01');
    const [audited] = await h.db.select().from(auditLog).where(eq(auditLog.entityId, filed.id));
    expect(audited).toMatchObject({ action: 'report.submit', actor: 'anonymous' });
    // The contact stays out of the audit entry (its hashes are random hex, so look at the content only).
    expect(JSON.stringify([audited!.before, audited!.after])).not.toContain('0912 345 678');
    const bad = await h.request(`/S/${h.codes.valid}/report`, {
      method: 'POST',
      body: new URLSearchParams({ problem: 'quality', details: 'x' }),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(bad.status).toBe(400);
    const page = await bad.text();
    expect(page).toContain('id="r-details-err"');
    expect(page).toContain('aria-invalid="true"');
    const limited = await h.request(
      '/api/v1/reports',
      json({ code: h.codes.valid, problem: 'other', details: 'lần thứ tư' }),
    );
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBeTruthy();
    expect((await listReports({ ctx: h.ctx(inspector('20')) })).filter((r) => r.details === 'lần thứ tư')).toEqual([]);
  });

  it('prints renewal notices from the operators’ CLI', () => {
    if (kind !== 'postgres') return expect(kind).toBe('pglite'); // PGlite allows one process: the CLI runs against PostgreSQL
    const out = execFileSync(
      join(process.cwd(), 'node_modules', '.bin', 'tsx'),
      ['src/cli/index.ts', 'certificates', 'expiring'],
      {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, DATABASE_URL: h.databaseUrl!, DATA_DIR: h.dataDir },
      },
    );
    expect(out).toContain('OCOP-VQ-2023-0009');
    expect(out).toContain('EXPIRED');
  });
});
