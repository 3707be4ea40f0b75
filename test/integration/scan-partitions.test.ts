import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/prepared';
import { auditLog, stampScanners } from '../../src/db/schema';
import { ensureScanMonth } from '../../src/services/scans/record-reads';
import { listScanMonths, pruneScans } from '../../src/services/scans/prune-scans';
import type { ScanEvent } from '../../src/services/scans/scan-sink';
import type { Verdict } from '../../src/services/verification/verdict-types';
import { runCli } from '../support/cli';
import { ADMIN, DATABASE_KINDS, openHarness, type Harness } from '../support/harness';

/** An instant given as a wall-clock time in Vietnam. */
const vn = (local: string) => new Date(`${local}+07:00`);

describe.each(DATABASE_KINDS)('scans stored by month on %s', (kind) => {
  let h: Harness;
  let stamps: { code: string; serial: number }[];

  const storeScans = async (rows: ScanEvent[]) => {
    for (const row of rows) h.scanSink.record(row);
    await h.scanSink.flush();
  };
  const verdictOf = async (code: string) => (await (await h.request(`/api/v1/verify/${code}`)).json()) as Verdict;
  const partitionsOf = async (serial: number) =>
    queryRows<{ part: string; at: string }>(
      h.db,
      sql`
    select tableoid::regclass::text as part, scanned_at as at from scans where serial = ${serial} order by scanned_at`,
    );

  beforeAll(async () => {
    h = await openHarness(kind);
    const first = await verdictOf(h.codes.valid);
    const signer = await h.keys.activeSigner(h.db);
    const codes = await Promise.all([20, 21].map((k) => signer.signStamp(first.serial! + k)));
    stamps = await Promise.all(codes.map(async (code) => ({ code, serial: (await verdictOf(code)).serial! })));
  });
  afterAll(async () => {
    await h?.close();
  });

  it('routes each scan to its month in Vietnam; a month with no partition falls to the default, and leaves it when its partition is made', async () => {
    const { serial } = stamps[0]!;
    const scan = (at: Date): ScanEvent => ({
      serial,
      scannedAt: at,
      place: null,
      scannerHash: `p-${at.getTime()}`,
      networkHash: null,
    });
    await storeScans([
      scan(vn('2026-10-15T10:00:00')),
      scan(vn('2026-11-30T23:50:00')),
      scan(vn('2026-12-01T00:00:00')),
    ]);
    expect((await partitionsOf(serial)).map((r) => r.part)).toEqual([
      'scans_2026_10',
      'scans_2026_11',
      'scans_2026_12',
    ]);

    // Written past the writer (which makes partitions first): still stored, in the default partition.
    const stray = 1; // no issued range holds it
    await h.db.execute(
      sql`insert into scans (serial, scanned_at) values (${stray}, ${vn('2030-05-10T08:00:00').toISOString()}::timestamptz)`,
    );
    expect((await partitionsOf(stray)).map((r) => r.part)).toEqual(['scans_default']);
    expect(await ensureScanMonth(h.db, '2030-05')).toBe(true);
    expect(await ensureScanMonth(h.db, '2030-05')).toBe(false);
    expect((await partitionsOf(stray)).map((r) => r.part)).toEqual(['scans_2030_05']);
    expect((await listScanMonths(h.db)).map((m) => m.month)).toEqual(
      expect.arrayContaining(['2026-10', '2026-11', '2026-12', '2030-05']),
    );
  });

  it('drops old months of raw scans while every verdict keeps its count, first scan and copy signals', async () => {
    const stamp = stamps[1]!;
    const scan = (
      local: string,
      scanner: string,
      where: { lat: number; lon: number; place: string } | null,
    ): ScanEvent => ({
      serial: stamp.serial,
      scannedAt: vn(local),
      scannerHash: scanner,
      networkHash: `net-${scanner}`,
      place: where?.place ?? null,
      lat: where?.lat ?? null,
      lon: where?.lon ?? null,
    });
    await storeScans([
      scan('2026-09-05T08:00:00', 'a', { place: 'VN-HN', lat: 21, lon: 106 }),
      scan('2026-09-05T18:00:00', 'b', { place: 'VN-CM', lat: 9, lon: 105 }),
      scan('2026-10-02T09:00:00', 'c', null),
      scan('2026-11-20T09:00:00', 'd', null),
      scan('2026-11-21T09:00:00', 'e', null),
    ]);
    await h.db.execute(
      sql`insert into scans (serial, scanned_at) values (1, ${vn('2026-08-10T08:00:00').toISOString()}::timestamptz)`,
    ); // default partition
    const before = await verdictOf(stamp.code);
    expect(before.scans).toMatchObject({
      count: 5,
      firstAt: vn('2026-09-05T08:00:00').toISOString(),
      firstPlace: 'VN-HN',
    });
    expect(before.scans!.signals.map((s) => s.rule)).toEqual(['far_apart']);

    await expect(pruneScans({ ctx: h.ctx(ADMIN), input: { before: '2026-12' } })).rejects.toMatchObject({
      code: 'invalid_input',
    });
    await expect(pruneScans({ ctx: h.ctx(ADMIN), input: { before: '2026-13' } })).rejects.toThrow();
    const cli = await runCli(
      kind === 'postgres' ? { DATABASE_URL: h.databaseUrl!, DATA_DIR: h.dataDir } : { DATA_DIR: h.dataDir },
      'scans',
      'prune',
      '--before',
      '2026-11',
    );
    expect(cli.code, cli.stderr).toBe(0);
    expect(cli.stdout).toMatch(/^Dropped \d+ scan\(s\) before 2026-11 \(months: 2026-09, 2026-10\)/);

    expect((await listScanMonths(h.db)).map((m) => m.month).filter((m) => m < '2026-11')).toEqual([]);
    expect((await partitionsOf(stamp.serial)).map((r) => r.part)).toEqual(['scans_2026_11', 'scans_2026_11']);
    expect(
      await queryRows(
        h.db,
        sql`select 1 from scans_default where scanned_at < ${vn('2026-11-01T00:00:00').toISOString()}::timestamptz`,
      ),
    ).toEqual([]);
    expect(await h.db.select().from(stampScanners).where(eq(stampScanners.serial, stamp.serial))).toHaveLength(2);
    const after = await verdictOf(stamp.code);
    expect(after.scans).toEqual({ ...before.scans });
    const [audit] = await h.db.select().from(auditLog).where(eq(auditLog.action, 'scans.prune'));
    expect(audit).toMatchObject({ entityId: '2026-11', after: { months: ['2026-09', '2026-10'] } });
    expect((audit!.after as { scans: number }).scans).toBeGreaterThanOrEqual(4); // this stamp's 3, the stray one, the first test's October scan

    // The summary carries on from where it was.
    await storeScans([scan('2026-11-22T09:00:00', 'f', null)]);
    expect((await verdictOf(stamp.code)).scans!.count).toBe(6);
  }, 120_000);
});
