import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { queryRows } from '../../db/prepared';
import { scans } from '../../db/schema';
import { isDatabaseUnavailable } from '../../db/unavailable';
import { nextMonth, vietnamMonth } from '../../domain/read-summary';
import type { Config } from '../../env';
import { refreshSuspectedCopies } from '../copy-detection/suspected-copies';
import { logError } from '../shared/log';
import type { ServiceContext } from '../shared/context';
import { summariseIntakeReads, summariseScans, type IntakeReadEvent } from './read-summaries';
import type { ScanWriter } from './scan-sink';

/**
 * How a batch of scans is stored: the rows, their stamps' summaries and the suspected-copies
 * table, in one transaction, so a summary never counts a scan that is not stored nor misses one
 * that is. Before it, the months the batch falls in (and the next month) get their partitions,
 * once per process and month; should that fail, the default partition takes the rows.
 */
export function scanWriter(config: Config, now: () => Date = () => new Date()): ScanWriter {
  const ensured = new Set<string>();
  return async (db, batch) => {
    await ensureMonths(db, ensured, [...batch.map((s) => vietnamMonth(s.scannedAt)), nextMonth(vietnamMonth(now()))]);
    await db.transaction(async (tx) => {
      const txDb = tx as unknown as Db;
      await txDb.insert(scans).values(batch);
      await refreshSuspectedCopies(txDb, await summariseScans(txDb, batch), config, now());
    });
  };
}

/**
 * Folds an intake's reads, inserted in the same transaction (`ctx` is inside it), into the
 * summaries of their stamps and the suspected-copies table: the second shop to receive a copied
 * stamp is listed before its receipt is signed.
 */
export async function recordIntakeReads(ctx: ServiceContext, reads: IntakeReadEvent[]): Promise<void> {
  if (!ctx.inTransaction) throw new Error("recordIntakeReads must run inside the intake's transaction");
  await refreshSuspectedCopies(ctx.db, await summariseIntakeReads(ctx.db, reads), ctx.config, ctx.now());
}

async function ensureMonths(db: Db, ensured: Set<string>, months: string[]): Promise<void> {
  for (const month of new Set(months)) {
    if (ensured.has(month)) continue;
    try {
      await ensureScanMonth(db, month);
    } catch (error) {
      if (isDatabaseUnavailable(error)) throw error;
      // Said once per process and month (a role without DDL rights would otherwise log every batch):
      // an operator makes the partition, or `scans_ensure_month` as the owner, and rows move into it.
      logError('scan partition not made; the default partition takes these scans', error, { month });
    }
    ensured.add(month);
  }
}

/** Makes the partition of a `YYYY-MM` month (in Vietnam) if it is missing; true when it made it. */
export async function ensureScanMonth(db: Db, month: string): Promise<boolean> {
  const [row] = await queryRows<{ made: boolean }>(db, sql`select scans_ensure_month(${`${month}-01`}::date) as made`);
  return row?.made === true;
}
