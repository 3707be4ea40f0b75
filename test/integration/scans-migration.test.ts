import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { afterAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/client';
import { openPglite } from '../../src/db/pglite';
import { connectPostgres, migratePostgres } from '../../src/db/postgres';
import { queryRows } from '../../src/db/prepared';
import { intakeItems, scans } from '../../src/db/schema';
import { MIGRATIONS_FOLDER } from '../../src/node/boot';
import { createTestDatabase, DATABASE_KINDS } from '../support/harness';
import { aggregateFromRawRows, figuresFromSummaries } from '../support/read-aggregate';

/** The migrations as they stood before scans were partitioned (through 0011). */
function migrationsBeforePartitioning(): string {
  const folder = mkdtempSync(join(tmpdir(), 'ocop-migrations-'));
  cpSync(MIGRATIONS_FOLDER, folder, { recursive: true });
  const journalPath = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { idx: number }[] };
  writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.filter((e) => e.idx <= 11) }));
  return folder;
}

const vn = (local: string) => new Date(`${local}+07:00`);

/** Rows an older service wrote: scans over two months, with and without networks and places, and intakes by two retailers. */
async function writeHistory(db: Db): Promise<void> {
  const scan = (
    serial: number,
    local: string,
    scannerHash: string | null,
    networkHash: string | null,
    located: boolean,
  ) => ({
    serial,
    scannedAt: vn(local),
    place: located ? 'VN-HN' : null,
    scannerHash,
    networkHash,
    lat: located ? 21 : null,
    lon: located ? 106 : null,
  });
  await db
    .insert(scans)
    .values([
      scan(1_000_001, '2026-10-30T08:00:00', 's1', 'n1', true),
      scan(1_000_001, '2026-10-30T09:00:00', 's2', 'n1', false),
      scan(1_000_001, '2026-10-30T10:00:00', 's1', 'n1', true),
      scan(1_000_001, '2026-11-02T08:00:00', 's3', null, true),
      scan(1_000_001, '2026-11-02T09:00:00', null, null, false),
      scan(1_000_002, '2026-11-03T08:00:00', 's4', 'n2', false),
    ]);
  const session = (retailer: string, province: string) => ({
    id: crypto.randomUUID(),
    retailerId: retailer,
    retailerName: retailer,
    provinceCode: province,
    pointOfSale: 'Quầy',
    sessionId: `session-${retailer}`,
    startedAt: vn('2026-11-05T08:00:00'),
    finishedAt: vn('2026-11-05T09:00:00'),
    recordedAt: vn('2026-11-05T09:00:00'),
    itemCount: 1,
    summary: { valid: 1 },
  });
  const [lang, saigon] = [session('r-lang-son', '20'), session('r-saigon', '79')];
  // The columns intakes had before partitioning (later migrations add more, e.g. organisation_id).
  for (const i of [lang, saigon]) {
    await db.execute(sql`insert into intakes (id, retailer_id, retailer_name, province_code, point_of_sale,
      session_id, started_at, finished_at, recorded_at, item_count, summary)
      values (${i.id}, ${i.retailerId}, ${i.retailerName}, ${i.provinceCode}, ${i.pointOfSale}, ${i.sessionId},
      ${i.startedAt.toISOString()}, ${i.finishedAt.toISOString()}, ${i.recordedAt.toISOString()}, ${i.itemCount},
      ${JSON.stringify(i.summary)}::jsonb)`);
  }
  await db.insert(intakeItems).values([
    {
      intakeId: lang.id,
      position: 0,
      code: 'K1-X',
      serial: 1_000_001,
      status: 'valid',
      scannedAt: vn('2026-11-05T08:10:00'),
    },
    {
      intakeId: saigon.id,
      position: 0,
      code: 'K1-X',
      serial: 1_000_001,
      status: 'valid',
      scannedAt: vn('2026-11-05T08:30:00'),
    },
    {
      intakeId: saigon.id,
      position: 1,
      code: 'K1-Y',
      serial: 1_000_003,
      status: 'valid',
      scannedAt: vn('2026-11-05T08:40:00'),
    },
  ]);
}

describe.each(DATABASE_KINDS)('upgrading a database with scans and intakes on %s', (kind) => {
  const older = migrationsBeforePartitioning();
  afterAll(() => rmSync(older, { recursive: true, force: true }));

  it('partitions its scans by month without losing one, and builds summaries equal to its raw rows', async () => {
    let db: Db;
    let finish: () => Promise<void>;
    if (kind === 'pglite') {
      const handle = await openPglite(null, older);
      db = handle.db;
      await writeHistory(db);
      await migratePglite(handle.db as never, { migrationsFolder: MIGRATIONS_FOLDER });
      finish = handle.close;
    } else {
      const database = await createTestDatabase();
      await migratePostgres(database.url, older);
      const handle = connectPostgres(database.url, { max: 2 });
      db = handle.db;
      await writeHistory(db);
      await migratePostgres(database.url, MIGRATIONS_FOLDER);
      finish = async () => {
        await handle.close();
        await database.drop();
      };
    }
    try {
      const parts = await queryRows<{ part: string; n: number }>(
        db,
        sql`
        select tableoid::regclass::text as part, count(*)::int as n from scans group by 1 order by 1`,
      );
      expect(parts).toEqual([
        { part: 'scans_2026_10', n: 3 },
        { part: 'scans_2026_11', n: 3 },
      ]);
      const serials = [1_000_001, 1_000_002, 1_000_003];
      const reference = await aggregateFromRawRows(db, serials);
      expect(await figuresFromSummaries(db, serials)).toEqual(reference);
      expect(reference[0]).toMatchObject({
        scanCount: 5,
        scannersByNetwork: [
          [1, 1],
          [2, 1],
        ],
        retailers: ['r-lang-son', 'r-saigon'],
      });
      // The sequence went with the column: new scans get new ids.
      const [added] = await db
        .insert(scans)
        .values({ serial: 1_000_002, scannedAt: vn('2026-11-06T08:00:00'), place: null })
        .returning();
      const [{ max }] = (await queryRows<{ max: number }>(db, sql`select max(id)::int as max from scans`)) as [
        { max: number },
      ];
      expect(added!.id).toBe(max);
      expect(added!.id).toBeGreaterThan(6);
    } finally {
      await finish();
    }
  }, 120_000);
});
