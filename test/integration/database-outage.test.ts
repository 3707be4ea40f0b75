import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scans } from '../../src/db/schema';
import type { VerdictStatus } from '../../src/domain/verdict';
import { loadConfig } from '../../src/env';
import { bootNode, type NodeRuntime } from '../../src/node/boot';
import { demoCodes, seedDemo, SEED_ACTOR } from '../../src/seed/seed-demo';
import { createApiToken } from '../../src/services/tokens/create-token';
import type { Verdict } from '../../src/services/verification/verdict-types';
import { LABELS, STATUS_TEXT } from '../../web/i18n';
import { ADMIN, TEST_NOW, TEST_ORIGIN, json } from '../support/harness';
import { startOwnCluster } from '../support/own-cluster';

/**
 * The database stops for real (pg_ctl stop on a cluster of this test's own) while requests keep
 * coming, then starts again. Nothing of the shared test cluster is touched.
 */
describe('PostgreSQL stopped under traffic, then started again', () => {
  let cluster: Awaited<ReturnType<typeof startOwnCluster>>;
  let runtime: NodeRuntime;
  let dataDir: string;
  let codes: Record<VerdictStatus, string>;
  let producerToken: string;
  let batchId: string;
  let statusListEtag: string | null;
  const request = (path: string, init?: RequestInit) => runtime.app.request(path, init);
  const verdictOf = async (code: string) =>
    (await (await request(`/S/${code}`, { headers: { accept: 'application/json' } })).json()) as Verdict;
  const scansOf = async (serial: number) =>
    (await runtime.db.select({ n: count() }).from(scans).where(eq(scans.serial, serial)))[0]!.n;

  beforeAll(async () => {
    cluster = await startOwnCluster();
    dataDir = mkdtempSync(join(tmpdir(), 'ocop-outage-'));
    runtime = await bootNode(
      loadConfig({
        DATA_DIR: dataDir,
        DATABASE_URL: cluster.url,
        PUBLIC_ORIGIN: TEST_ORIGIN,
        VERIFY_RATE_PER_MINUTE: '1000000',
      }),
      { now: () => TEST_NOW },
    );
    const ctx = {
      db: runtime.db,
      actor: SEED_ACTOR,
      now: () => TEST_NOW,
      keys: runtime.keys,
      config: runtime.config,
      labelFont: runtime.labelFont,
    };
    await seedDemo(ctx);
    codes = await demoCodes(ctx);
    const valid = await verdictOf(codes.valid);
    batchId = valid.batchId!;
    producerToken = (
      await createApiToken({
        ctx: { ...ctx, actor: ADMIN },
        input: {
          name: 'outage producer',
          role: 'producer',
          provinceCode: null,
          subjectId: valid.subjectId!,
          expiresAt: null,
        },
      })
    ).token;
    // What any instance has seen before an outage: the published keys and a status list.
    expect((await request('/.well-known/jwks.json')).status).toBe(200);
    const list = await request('/api/v1/status-list');
    expect(list.status).toBe(200);
    statusListEtag = list.headers.get('etag');
    await runtime.scanSink.flush();
  }, 120_000);

  afterAll(async () => {
    await runtime?.close();
    cluster?.destroy();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('tells the truth while the database is down, and writes every scan once it is back', async () => {
    expect((await verdictOf(codes.revoked)).status).toBe('revoked');
    const serial = (await verdictOf(codes.valid)).serial!;
    await runtime.scanSink.flush();
    const scansBefore = await scansOf(serial);

    cluster.stop();

    // The revoked stamp: its signature is genuine, and nothing more is claimed.
    const page = await request(`/S/${codes.revoked}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('class="banner warning"');
    expect(html).not.toContain('class="banner ok"');
    expect(html).not.toContain('✓');
    expect(html).not.toContain(STATUS_TEXT.vi.valid.title);
    expect(html).not.toContain(STATUS_TEXT.vi.valid.advice);
    expect(html).toContain(LABELS.vi.signatureOnly.title);
    expect(html).toContain(LABELS.vi.offline);
    expect(await verdictOf(codes.revoked)).toMatchObject({ status: 'valid', live: false });
    expect(await verdictOf(codes.forged)).toMatchObject({ status: 'forged', live: false });

    // Keys and the status list: the last copies this instance saw, with their age.
    const jwks = await request('/.well-known/jwks.json');
    expect(jwks.status).toBe(200);
    expect(Number(jwks.headers.get('age'))).toBeGreaterThanOrEqual(0);
    expect(((await jwks.json()) as { keys: { kid: string }[] }).keys.map((k) => k.kid)).toEqual(['K1']);
    const list = await request('/api/v1/status-list?format=json');
    expect(list.status).toBe(200);
    expect(list.headers.get('age')).not.toBeNull();
    expect(list.headers.get('etag')).toBe(statusListEtag);
    expect((await list.json()) as { ageSeconds: number }).toMatchObject({ ageSeconds: expect.any(Number) });

    // A write: 503 `unavailable`, with a time to come back.
    const write = await request(
      `/api/v1/batches/${batchId}/stamps`,
      json({ quantity: 5, idempotencyKey: 'during-the-outage' }, producerToken),
    );
    expect(write.status).toBe(503);
    expect(write.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(((await write.json()) as { error: { code: string } }).error.code).toBe('unavailable');

    // Twenty consumers scan the valid stamp meanwhile (the revoked one's scans above are held too).
    const held = runtime.scanSink.pending;
    const pages = await Promise.all(
      Array.from({ length: 20 }, () => request(`/S/${codes.valid}`, { headers: { 'user-agent': 'outage-test' } })),
    );
    expect(pages.map((p) => p.status)).toEqual(Array(20).fill(200));
    expect(runtime.scanSink.pending).toBe(held + 20);

    cluster.start();

    // The sink retries on its own (backoff of at most 5 s): no request is needed to wake it.
    const deadline = Date.now() + 30_000;
    while (runtime.scanSink.pending > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    expect(runtime.scanSink.pending).toBe(0);
    expect(await scansOf(serial)).toBe(scansBefore + 20);
    expect(await verdictOf(codes.revoked)).toMatchObject({ status: 'revoked', live: true });
    const fresh = await request('/.well-known/jwks.json');
    expect(fresh.headers.get('age')).toBeNull();
  }, 120_000);
});
