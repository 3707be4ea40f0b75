import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, suspectedCopies } from '../../src/db/schema';
import { signalsFor } from '../../src/services/copy-detection/copy-history';
import { listSuspicious } from '../../src/services/copy-detection/list-suspicious';
import { reevaluateSuspectedCopies } from '../../src/services/copy-detection/suspected-copies';
import type { ScanEvent } from '../../src/services/scans/scan-sink';
import type { Actor } from '../../src/services/shared/policy';
import type { Verdict } from '../../src/services/verification/verdict-types';
import { ADMIN, bearer, DATABASE_KINDS, json, openHarness, type Harness } from '../support/harness';
import { aggregateFromRawRows, figuresFromSummaries } from '../support/read-aggregate';

const inspector = (provinceCode: string): Actor => ({
  kind: 'system',
  id: `inspector-${provinceCode}`,
  role: 'inspector',
  provinceCode,
  subjectId: null,
});
const HANOI = { place: 'VN-HN', lat: 21, lon: 106 };
const SAIGON = { place: 'VN-SG', lat: 11, lon: 106.5 };
/** Minutes after 00:00 on 22 November 2026 in Vietnam. */
const at = (minutes: number) => new Date(Date.parse('2026-11-22T00:00:00+07:00') + minutes * 60_000);

describe.each(DATABASE_KINDS)('read summaries kept on write on %s', (kind) => {
  let h: Harness;
  let stamps: { code: string; serial: number }[];
  const retailers: Record<string, string> = {};

  /** Scans stored as the service stores them: through its sink and writer. */
  const storeScans = async (rows: ScanEvent[]) => {
    for (const row of rows) h.scanSink.record(row);
    await h.scanSink.flush();
  };
  const intake = async (province: string, session: string, codes: string[], minutes: number) => {
    const items = codes.map((code, i) => ({ code, scannedAt: at(minutes + i).toISOString() }));
    const res = await h.request(
      '/api/v1/intakes',
      json({ sessionId: `summary-${session}`, pointOfSale: `Quầy ${session}`, items }, retailers[province]),
    );
    expect(res.status, await res.clone().text()).toBe(201);
  };
  const verdictOf = async (code: string) => (await (await h.request(`/api/v1/verify/${code}`)).json()) as Verdict;

  beforeAll(async () => {
    h = await openHarness(kind);
    for (const province of ['20', '79', '01'])
      retailers[province] = await h.token('retailer', { provinceCode: province });
    const first = await verdictOf(h.codes.valid);
    const signer = await h.keys.activeSigner(h.db);
    const codes = await Promise.all(Array.from({ length: 8 }, (_, k) => signer.signStamp(first.serial! + 10 + k)));
    const verdicts = await Promise.all(codes.map(verdictOf));
    stamps = codes.flatMap((code, i) =>
      verdicts[i]!.status === 'valid' ? [{ code, serial: verdicts[i]!.serial! }] : [],
    );
    expect(stamps.length).toBeGreaterThanOrEqual(5);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('keeps each stamp’s summary equal to the aggregate of its raw rows, through a mix of scans and intakes', async () => {
    const [a, b, c] = stamps as [
      { code: string; serial: number },
      { code: string; serial: number },
      { code: string; serial: number },
    ];
    const scan = (
      serial: number,
      minutes: number,
      scannerHash: string | null,
      networkHash: string | null,
      where?: typeof HANOI,
    ): ScanEvent => ({
      serial,
      scannedAt: at(minutes),
      scannerHash,
      networkHash,
      place: where?.place ?? null,
      lat: where?.lat ?? null,
      lon: where?.lon ?? null,
    });

    await storeScans([
      ...['s1', 's2', 's3', 's4', 's5'].map((s, i) => scan(a.serial, 60 + i, s, 'net-1', HANOI)),
      ...['u1', 'u2', 'u3'].map((s, i) => scan(a.serial, 70 + i, s, null)),
      scan(a.serial, 80, null, null, HANOI),
      scan(a.serial, 81, null, 'net-1'),
      // More located scans than a summary keeps: the newest 100 are the ones that count.
      ...Array.from({ length: 120 }, (_, i) =>
        scan(b.serial, 100 + i, `b${i % 7}`, `net-b${i % 3}`, i % 2 ? HANOI : SAIGON),
      ),
    ]);
    await intake('20', 'mix-1', [a.code, b.code, c.code], 300);
    await storeScans([
      scan(a.serial, 400, 's1', 'net-1', SAIGON),
      scan(a.serial, 401, 's2', 'net-1'),
      scan(a.serial, 402, 's6', 'net-1'),
      scan(a.serial, 403, 's1', 'net-2', HANOI),
      // Written late (held while the database was away): earlier than every scan before it.
      scan(a.serial, 5, 'early', 'net-3', SAIGON),
      ...Array.from({ length: 5 }, (_, i) => scan(b.serial, 500 + i, `b${i}`, 'net-b0', SAIGON)),
    ]);
    await intake('79', 'mix-2', [a.code, c.code], 600);
    await intake('01', 'mix-3', [a.code], 610);
    await intake('20', 'mix-4', [a.code], 620); // the same retailer again: still one retailer
    for (let i = 0; i < 3; i++) await h.request(`/S/${c.code}`);
    await h.scanSink.flush();

    const serials = [a.serial, b.serial, c.serial];
    const reference = await aggregateFromRawRows(h.db, serials);
    expect(await figuresFromSummaries(h.db, serials)).toEqual(reference);
    // Not vacuous: the mix produced what each part of the summary keeps.
    const [ra, rb, rc] = reference as [(typeof reference)[0], (typeof reference)[0], (typeof reference)[0]];
    expect(ra).toMatchObject({
      scanCount: 15,
      firstScanAt: at(5).toISOString(),
      firstScanPlace: 'VN-SG',
      scannersByNetwork: [
        [1, 5],
        [6, 1],
      ],
    });
    expect(ra.retailers).toHaveLength(3);
    expect(ra.intakeReads).toHaveLength(4);
    expect(rb.scanReads).toHaveLength(100);
    expect(rb.scanCount).toBe(125);
    expect(rc.scanCount).toBe(3);

    // The verdict reads the summary and says what the raw rows say.
    for (const [stamp, figures] of [
      [a, ra],
      [b, rb],
      [c, rc],
    ] as const) {
      const verdict = await verdictOf(stamp.code);
      expect(verdict.scans).toMatchObject({
        count: figures.scanCount,
        firstAt: figures.firstScanAt,
        firstPlace: figures.firstScanPlace,
      });
      expect(verdict.scans!.signals).toEqual(
        signalsFor(
          {
            scanners: figures.scannersByNetwork,
            intakes: figures.intakeReads,
            scans: figures.scanReads,
            retailers: figures.retailers,
          },
          h.config,
        ),
      );
    }
    expect((await verdictOf(a.code)).scans!.signals.map((s) => s.rule)).toEqual(['many_retailers', 'far_apart']);
  });

  it('lists a stamp as a suspected copy once its rules fire, and only then; re-judges after a threshold change', async () => {
    const d = stamps[3]!;
    const listed = async (actor: Actor, config = h.config) =>
      (await listSuspicious({ ctx: { ...h.ctx(actor), config } })).stamps.map((s) => s.serial);
    const row = async () => (await h.db.select().from(suspectedCopies).where(eq(suspectedCopies.serial, d.serial)))[0];
    const scanner = (i: number): ScanEvent => ({
      serial: d.serial,
      scannedAt: at(700 + i),
      place: null,
      scannerHash: `d-${i}`,
      networkHash: `d-net-${i}`,
    });

    await storeScans(Array.from({ length: h.config.COPY_MAX_SCANNERS }, (_, i) => scanner(i)));
    expect(await row()).toBeUndefined();
    expect(await listed(inspector('20'))).not.toContain(d.serial);

    await storeScans([scanner(99)]);
    expect(await row()).toMatchObject({
      provinceCode: '20',
      signals: [{ rule: 'many_scanners', scanners: h.config.COPY_MAX_SCANNERS + 1 }],
    });
    expect(await listed(inspector('20'))).toContain(d.serial);
    expect(await listed(inspector('22'))).not.toContain(d.serial);
    const api = await h.request('/api/v1/suspicious', bearer(await h.token('inspector', { provinceCode: '20' })));
    expect(((await api.json()) as { stamps: { serial: number }[] }).stamps.map((s) => s.serial)).toContain(d.serial);

    // Thresholds raised: the list agrees with the verdict at once, and re-judging empties the table's row.
    const lenient = { ...h.config, COPY_MAX_SCANNERS: 50 };
    expect(await listed(inspector('20'), lenient)).not.toContain(d.serial);
    await reevaluateSuspectedCopies({ ctx: { ...h.ctx(ADMIN), config: lenient }, input: {} });
    expect(await row()).toBeUndefined();
    const result = await reevaluateSuspectedCopies({ ctx: h.ctx(ADMIN), input: {} });
    expect(result.suspected).toBeGreaterThanOrEqual(2); // this stamp, and the one of the first test
    expect(await row()).toMatchObject({ signals: [{ rule: 'many_scanners' }] });
    const audits = await h.db.select().from(auditLog).where(eq(auditLog.action, 'copies.reevaluate'));
    expect(audits).toHaveLength(2);
    await expect(reevaluateSuspectedCopies({ ctx: h.ctx(inspector('20')), input: {} })).rejects.toMatchObject({
      code: 'forbidden',
    });
  });
});
