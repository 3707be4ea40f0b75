import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { afterAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../../src/db/client';
import { openPglite } from '../../src/db/pglite';
import { connectPostgres, migratePostgres } from '../../src/db/postgres';
import { MIGRATIONS_FOLDER } from '../../src/node/boot';
import { createTestDatabase, DATABASE_KINDS } from '../support/harness';

/** The migrations as they stood before the folded search: everything before it. */
function migrationsBeforeSearch(): string {
  const folder = mkdtempSync(join(tmpdir(), 'ocop-migrations-'));
  mkdirSync(join(folder, 'meta'));
  const journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as {
    entries: { tag: string }[];
  };
  const search = journal.entries.findIndex((e) => e.tag.endsWith('_search_text'));
  expect(search).toBeGreaterThan(0);
  journal.entries = journal.entries.slice(0, search);
  writeFileSync(join(folder, 'meta', '_journal.json'), JSON.stringify(journal));
  for (const file of readdirSync(MIGRATIONS_FOLDER).filter((f) => f.endsWith('.sql')))
    copyFileSync(join(MIGRATIONS_FOLDER, file), join(folder, file));
  return folder;
}

const rowsOf = <T>(result: unknown): T[] => (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];

/** A database that held registry records before migration 0014 can search them right after it. */
describe.each(DATABASE_KINDS)('the search_text migration on %s', (kind) => {
  const cleanup: (() => Promise<void> | void)[] = [];
  afterAll(async () => {
    for (const undo of cleanup.reverse()) await undo();
  });

  it('fills search_text for the rows already there, and indexes it with pg_trgm', async () => {
    const before = migrationsBeforeSearch();
    cleanup.push(() => rmSync(before, { recursive: true, force: true }));
    let handle: DbHandle;
    let migrateAll: () => Promise<void>;
    if (kind === 'pglite') {
      const pglite = await openPglite(null, before);
      handle = pglite;
      migrateAll = () => migrate(pglite.db as never, { migrationsFolder: MIGRATIONS_FOLDER });
    } else {
      const database = await createTestDatabase();
      cleanup.push(database.drop);
      await migratePostgres(database.url, before);
      handle = connectPostgres(database.url, { max: 1 });
      migrateAll = () => migratePostgres(database.url, MIGRATIONS_FOLDER);
    }
    cleanup.push(handle.close);
    const id = crypto.randomUUID();
    await handle.db.execute(sql`insert into subjects (id, kind, name, registration_number, province_code, address_as_issued)
      values (${id}, 'htx', 'HTX Đặc sản Tinh dầu hồi', 'DEMO-1', '20', 'Xã Văn Quan, tỉnh Lạng Sơn')`);

    await migrateAll();

    const [row] = rowsOf<{ search_text: string }>(
      await handle.db.execute(sql`select search_text from subjects where id = ${id}`),
    );
    expect(row!.search_text).toBe('htx dac san tinh dau hoi demo-1 xa van quan, tinh lang son');
    const indexes = rowsOf<{ indexdef: string }>(
      await handle.db.execute(sql`select indexdef from pg_indexes where indexname = 'subjects_search_text_index'`),
    );
    expect(indexes[0]!.indexdef).toContain('gin_trgm_ops');
  });
});
