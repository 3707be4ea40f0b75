import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { people, scans } from '../../src/db/schema';
import { personActor, sessionCookieValue, startSession } from '../../src/services/auth/sessions';
import type { Verdict } from '../../src/services/verification/verdict-types';
import { ADMIN, DATABASE_KINDS, json, openHarness, type Harness } from '../support/harness';

type ErrorAnswer = { error: { code: string; message: string } };

/** Budgets small enough to spend in a test: anonymous 100 codes a minute, signed in 1,000, single scans 60. */
const LIMITS = { ANON_BULK_CODES_PER_MINUTE: '100', BULK_CODES_PER_MINUTE: '1000', VERIFY_RATE_PER_MINUTE: '60' };

describe.each(DATABASE_KINDS)('bulk verification priced per code, and scanner privacy, on %s', (kind) => {
  let h: Harness;
  let genuine: string[];
  const junk = (n: number, tag: string) => Array.from({ length: n }, (_, i) => `NOT-A-STAMP-${tag}-${i}`);
  const bulk = (codes: string[], init: RequestInit = {}) => {
    const body = json({ codes });
    return h.request('/api/v1/verify', { ...body, ...init, headers: { ...body.headers, ...init.headers } });
  };
  /** A request from a given network address and browser, as @hono/node-server hands it to the app. */
  const scanFrom = (code: string, address: string, userAgent: string) =>
    h.app.request(
      `/S/${code}`,
      { headers: { 'user-agent': userAgent } },
      {
        incoming: {
          socket: { remoteAddress: address, remotePort: 40_000, remoteFamily: address.includes(':') ? 'IPv6' : 'IPv4' },
        },
      },
    );
  const verdictOf = async (code: string) =>
    (await (
      await h.request(`/api/v1/verify/${code}`, {
        headers: { authorization: `Bearer ${await h.token('inspector', { provinceCode: '20' })}` },
      })
    ).json()) as Verdict;

  beforeAll(async () => {
    h = await openHarness(kind, { env: LIMITS });
    const first = await verdictOf(h.codes.valid);
    const signer = await h.keys.activeSigner(h.db);
    const candidates = await Promise.all(Array.from({ length: 6 }, (_, k) => signer.signStamp(first.serial! + 10 + k)));
    genuine = [];
    for (const code of candidates) if ((await verdictOf(code)).status === 'valid') genuine.push(code);
    expect(genuine.length).toBeGreaterThanOrEqual(3);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('draws one unit per code from an anonymous caller’s small budget, and answers 429 with Retry-After in Vietnamese', async () => {
    for (let i = 0; i < 4; i++) expect((await bulk(junk(25, `anon${i}`))).status).toBe(200);
    const refused = await bulk(junk(25, 'anon-over'));
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(16); // 25 codes at 100 a minute refill in 15 s
    const { error } = (await refused.json()) as ErrorAnswer;
    expect(error.code).toBe('rate_limited');
    expect(error.message).toContain('100 mã mỗi phút');
  });

  it('keeps single scans in a bucket of their own: a bulk flood does not use up a scanner’s budget', async () => {
    expect((await bulk(junk(60, 'still-over'))).status).toBe(429);
    for (let i = 0; i < 20; i++) expect((await h.request(`/api/v1/verify/${h.codes.revoked}`)).status).toBe(200);
    expect((await h.request(`/S/${h.codes.revoked}`)).status).toBe(200);
  });

  it('gives a retailer token the larger allowance, counted per token, and charges intakes from it too', async () => {
    const retailer = await h.token('retailer', { provinceCode: '20' });
    const asRetailer = { headers: { authorization: `Bearer ${retailer}` } };
    for (let i = 0; i < 9; i++) expect((await bulk(junk(100, `shop${i}`), asRetailer)).status).toBe(200);
    const over = await bulk(junk(500, 'shop-over'), asRetailer);
    expect(over.status).toBe(429);
    expect(((await over.json()) as ErrorAnswer).error.message).toContain('1.000 mã mỗi phút');
    const intake = await h.request(
      '/api/v1/intakes',
      json(
        { sessionId: 'session-over-budget', pointOfSale: 'Quầy 1', items: junk(500, 'in').map((code) => ({ code })) },
        retailer,
      ),
    );
    expect(intake.status).toBe(429);
    // Another retailer has a budget of its own.
    expect(
      (
        await bulk(junk(500, 'other'), {
          headers: { authorization: `Bearer ${await h.token('retailer', { provinceCode: '20' })}` },
        })
      ).status,
    ).toBe(200);
  });

  it('gives a signed-in person the larger allowance too', async () => {
    const [person] = await h.db
      .insert(people)
      .values({ id: crypto.randomUUID(), name: 'Cửa hàng', role: 'retailer', provinceCode: '20', subjectId: null })
      .returning();
    const session = await startSession(h.ctx(personActor(person!)), person!);
    const headers = {
      cookie: `ocop_session=${await sessionCookieValue(h.ctx(ADMIN), session.id)}`,
      'x-csrf-token': session.csrfToken,
    };
    expect((await bulk(junk(400, 'person'), { headers })).status).toBe(200);
  });

  it('does not take one phone rotating its User-Agent for a crowd, but does flag twenty networks', async () => {
    const [oneIp, twentyNetworks, oneIpv6Net] = genuine as [string, string, string];
    for (let i = 0; i < 20; i++) {
      expect((await scanFrom(oneIp, '203.0.113.7', `Mozilla/5.0 (Linux; Android ${i}) Zalo/${i}`)).status).toBe(200);
      expect((await scanFrom(twentyNetworks, `198.51.${i}.9`, 'Mozilla/5.0 (iPhone) Safari')).status).toBe(200);
      expect(
        (await scanFrom(oneIpv6Net, `2001:db8:42:${i.toString(16)}::1`, 'Mozilla/5.0 (iPhone) Safari')).status,
      ).toBe(200);
    }
    await h.scanSink.flush();

    const quiet = await verdictOf(oneIp);
    expect(quiet.scans).toMatchObject({ count: 20, suspicious: false, signals: [] });
    expect((await verdictOf(oneIpv6Net)).scans).toMatchObject({ count: 20, suspicious: false });
    const loud = await verdictOf(twentyNetworks);
    expect(loud.scans).toMatchObject({
      count: 20,
      suspicious: true,
      signals: [{ rule: 'many_scanners', scanners: 20 }],
    });

    const rows = await h.db.select().from(scans).where(eq(scans.serial, quiet.serial!));
    expect(new Set(rows.map((r) => r.scannerHash)).size).toBe(20);
    expect(new Set(rows.map((r) => r.networkHash)).size).toBe(1);
    for (const r of rows) {
      expect(r.scannerHash).toMatch(/^[0-9a-f]{32}$/);
      expect(r.networkHash).toMatch(/^[0-9a-f]{32}$/);
    }
  });
});
