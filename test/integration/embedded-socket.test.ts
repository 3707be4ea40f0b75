import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEmbeddedOwner, type EmbeddedOwner } from '../../src/db/embedded-owner';
import { queryRows } from '../../src/db/prepared';
import { MIGRATIONS_FOLDER } from '../../src/node/boot';

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The embedded database is one PostgreSQL session shared by the service and its socket clients
 * (PGlite only, by nature). Whole transactions take turns; none runs inside another.
 */
describe('the embedded database served on its socket', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ocop-socket-'));
  let owner: EmbeddedOwner;
  let client: postgres.Sql;
  const rows = async () =>
    (await queryRows<{ n: number }>(owner.db, sql`select n from turn_test order by n`)).map((r) => r.n);

  beforeAll(async () => {
    owner = await openEmbeddedOwner(dataDir, MIGRATIONS_FOLDER, { role: 'service', serve: true });
    client = postgres({
      host: owner.socketDir!,
      port: 5432,
      user: 'postgres',
      database: 'postgres',
      max: 1,
      prepare: false,
      onnotice: () => {},
    });
    await owner.db.execute(sql`create table turn_test (n int primary key)`);
  });

  afterAll(async () => {
    await client.end({ timeout: 1 });
    await owner.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("runs the service's statement after a client's transaction, never inside it", async () => {
    // Wait until the client is really inside its transaction (connecting can be slow on a busy machine).
    let entered!: () => void;
    const inside = new Promise<void>((resolve) => {
      entered = resolve;
    });
    const clientTx = client
      .begin(async (tx) => {
        await tx`insert into turn_test values (1)`;
        entered();
        await pause(400);
        throw new Error('the client rolls back');
      })
      .catch(() => 'rolled back');
    await inside;
    const started = Date.now();
    await owner.db.execute(sql`insert into turn_test values (2)`); // waits for the client's turn to end
    expect(Date.now() - started).toBeGreaterThanOrEqual(350);
    expect(await clientTx).toBe('rolled back');
    expect(await rows()).toEqual([2]); // inside the client's transaction it would have been rolled back too
  });

  it("runs a client's statement after the service's transaction, never inside it", async () => {
    const started = Date.now();
    const serviceTx = owner.db
      .transaction(async (tx) => {
        await tx.execute(sql`insert into turn_test values (3)`);
        await pause(400);
        tx.rollback();
      })
      .catch(() => 'rolled back');
    await pause(100);
    await client`insert into turn_test values (4)`;
    expect(Date.now() - started).toBeGreaterThanOrEqual(390);
    expect(await serviceTx).toBe('rolled back');
    expect(await rows()).toEqual([2, 4]);
  });

  it('rolls back what a client left open when it vanishes, and the service goes on', async () => {
    const vanishing = postgres({
      host: owner.socketDir!,
      port: 5432,
      user: 'postgres',
      database: 'postgres',
      max: 1,
      prepare: false,
      onnotice: () => {},
    });
    const reserved = await vanishing.reserve();
    await reserved`begin`;
    await reserved`insert into turn_test values (5)`;
    await reserved`set datestyle = 'SQL, DMY'`;
    await vanishing.end({ timeout: 0 }); // the socket closes inside the transaction
    expect(await rows()).toEqual([2, 4]);
    const [setting] = await queryRows<{ datestyle: string }>(
      owner.db,
      sql`select current_setting('datestyle') as datestyle`,
    );
    expect(setting!.datestyle).toBe('ISO, MDY'); // the client's SET was discarded with its connection
  });
});
