import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHarness, type Harness } from '../support/harness';

describe('HTTP contract', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness('pglite', { env: { VERIFY_RATE_PER_MINUTE: '5' } });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('publishes OpenAPI 3.1 with every public route, and a readable /docs', async () => {
    const doc = (await (await h.request('/openapi.json')).json()) as {
      openapi: string;
      paths: Record<string, unknown>;
    };
    expect(doc.openapi).toBe('3.1.0');
    for (const path of [
      '/S/{code}',
      '/api/v1/verify/{code}',
      '/api/v1/verify',
      '/.well-known/jwks.json',
      '/api/v1/subjects',
      '/api/v1/raw-material-areas',
      '/api/v1/products',
      '/api/v1/certificates',
      '/api/v1/batches',
      '/api/v1/batches/{id}/stamps',
      '/api/v1/status-list',
      '/api/v1/intakes',
      '/api/v1/intakes/{id}/receipt',
      '/api/v1/intakes/offline-snapshot',
      '/api/v1/suspicious',
      '/api/v1/batches/{id}/epcis',
    ]) {
      expect(doc.paths).toHaveProperty([path]);
    }
    const docs = await (await h.request('/docs')).text();
    expect(docs).toContain('/api/v1/verify/{code}');
  });

  it('answers unknown paths and bad ids with a JSON error, never a stack', async () => {
    const missing = await h.request('/nope');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: 'not_found', requestId: expect.any(String) } });
    const token = await h.token('admin');
    const badId = await h.request('/api/v1/products/not-a-uuid', { headers: { authorization: `Bearer ${token}` } });
    expect(badId.status).toBe(400);
    expect(await badId.text()).not.toMatch(/\n\s+at /);
  });

  it('limits verification per client with 429 and Retry-After', async () => {
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 7; i++) {
      const res = await h.request(`/api/v1/verify/${h.codes.valid}`);
      statuses.push(res.status);
      retryAfter ??= res.headers.get('retry-after');
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
    expect(Number(retryAfter)).toBeGreaterThan(0);
  });

  it('sends security headers with the page', async () => {
    const res = await h.request(`/S/${h.codes.forged}`);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
