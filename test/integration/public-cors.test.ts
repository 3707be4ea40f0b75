import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Verdict } from '../../src/services/verification/verdict-types';
import { DATABASE_KINDS, openHarness, type Harness } from '../support/harness';

const ORIGIN = 'https://mini-app.zalo.example';
const ACAO = 'access-control-allow-origin';

describe.each(DATABASE_KINDS)('CORS for public endpoints only, and the /s/ path in any case, on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness(kind);
  });
  afterAll(async () => {
    await h?.close();
  });

  const preflight = (path: string, method: string, headers = 'content-type') =>
    h.request(path, {
      method: 'OPTIONS',
      headers: { origin: ORIGIN, 'access-control-request-method': method, 'access-control-request-headers': headers },
    });
  const from = (headers: Record<string, string> = {}) => ({ headers: { origin: ORIGIN, ...headers } });
  const verifyBody = (body: unknown, headers: Record<string, string> = {}) => ({
    method: 'POST',
    body: JSON.stringify(body),
    headers: { origin: ORIGIN, 'content-type': 'application/json', ...headers },
  });

  it('lets a web app on another origin verify: preflight of POST /api/v1/verify, then the call, without credentials', async () => {
    const pre = await preflight('/api/v1/verify', 'POST');
    expect(pre.status).toBe(204);
    expect(pre.headers.get(ACAO)).toBe('*');
    expect(pre.headers.get('access-control-allow-methods')!.split(',')).toContain('POST');
    expect(pre.headers.get('access-control-allow-headers')!.toLowerCase().split(',')).toContain('content-type');
    expect(pre.headers.get('access-control-allow-credentials')).toBeNull();
    // An app cannot send a bearer token or the console's CSRF header across origins.
    expect(pre.headers.get('access-control-allow-headers')!.toLowerCase()).not.toMatch(/authorization|x-csrf-token/);

    const res = await h.request('/api/v1/verify', verifyBody({ codes: [h.codes.valid, h.codes.revoked] }));
    expect(res.status).toBe(200);
    expect(res.headers.get(ACAO)).toBe('*');
    expect(((await res.json()) as { verdicts: Verdict[] }).verdicts.map((v) => v.status)).toEqual(['valid', 'revoked']);
    const one = await h.request(`/api/v1/verify/${h.codes.valid}`, from());
    expect(one.headers.get(ACAO)).toBe('*');
  });

  it('answers CORS on the JWKS, the status lists and the Digital Link resolver', async () => {
    for (const path of [
      '/.well-known/jwks.json',
      '/api/v1/status-list',
      '/api/v1/status-lists',
      '/api/v1/status-lists/0',
    ]) {
      const res = await h.request(path, from());
      expect([path, res.status, res.headers.get(ACAO)]).toEqual([path, 200, '*']);
      expect(res.headers.get('access-control-expose-headers')).toContain('ETag');
    }
    const pre = await preflight('/api/v1/status-lists/0', 'GET', 'if-none-match');
    expect([pre.status, pre.headers.get(ACAO), pre.headers.get('access-control-allow-methods')]).toEqual([
      204,
      '*',
      'GET,HEAD',
    ]);
    const verdict = (await (await h.request(`/api/v1/verify/${h.codes.valid}`)).json()) as Verdict;
    const digitalLink = new URL(verdict.digitalLink!);
    const resolved = await h.request(
      `${digitalLink.pathname}${digitalLink.search}`,
      from({ accept: 'application/json' }),
    );
    expect(resolved.status).toBe(200);
    expect(resolved.headers.get(ACAO)).toBe('*');
  });

  it('gives no CORS to the console, to authenticated endpoints, to credentialed or recording calls, nor to the counted scan URL', async () => {
    const admin = await h.token('admin');
    const retailer = await h.token('retailer', { provinceCode: '20' });
    const tokens = await h.request('/api/v1/tokens', from({ authorization: `Bearer ${admin}` }));
    expect(tokens.status).toBe(200);
    expect(tokens.headers.get(ACAO)).toBeNull();
    for (const path of ['/console', '/console/intake/'])
      expect((await h.request(path, from())).headers.get(ACAO)).toBeNull();
    const pre = await preflight('/api/v1/tokens', 'POST', 'authorization, content-type');
    expect(pre.headers.get(ACAO)).toBeNull();
    expect(pre.headers.get('access-control-allow-methods')).toBeNull();

    const record = { sessionId: 'cors-record-1', pointOfSale: 'Quầy CORS' };
    const recorded = await h.request(
      '/api/v1/verify',
      verifyBody({ codes: [h.codes.valid], record }, { authorization: `Bearer ${retailer}` }),
    );
    expect(recorded.status).toBe(200);
    expect(recorded.headers.get(ACAO)).toBeNull();
    const anonymousRecord = await h.request(
      '/api/v1/verify',
      verifyBody({ codes: [h.codes.valid], record: { ...record, sessionId: 'cors-record-2' } }),
    );
    expect(anonymousRecord.status).toBeGreaterThanOrEqual(400);
    expect(anonymousRecord.headers.get(ACAO)).toBeNull();
    const credentialed = await h.request(
      `/api/v1/verify/${h.codes.valid}`,
      from({ authorization: `Bearer ${retailer}` }),
    );
    expect(credentialed.headers.get(ACAO)).toBeNull();
    expect((await h.request(`/S/${h.codes.valid}`, from({ accept: 'application/json' }))).headers.get(ACAO)).toBeNull();
  });

  it('reads the /S/ prefix in any case, like the code after it', async () => {
    for (const path of [
      `/s/${h.codes.valid}`,
      `/s/${h.codes.valid.toLowerCase()}`,
      `/S/${h.codes.valid.toLowerCase()}`,
    ]) {
      const res = await h.request(path, { headers: { accept: 'application/json' } });
      expect([path, res.status, ((await res.json()) as Verdict).status]).toEqual([path, 200, 'valid']);
    }
    const page = await h.request(`/s/${h.codes.revoked}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(await page.text()).toContain('data-status="revoked"');
    expect((await h.request('/s/')).status).toBe(200);
  });
});
