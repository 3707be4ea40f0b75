import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { queryRows } from '../../db/prepared';
import { vietnamMonth } from '../../domain/read-summary';
import { appendAudit } from '../audit/append-audit';
import { withTransaction } from '../shared/context';
import { invalid } from '../shared/errors';
import { service } from '../shared/service';

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** The monthly partitions of `scans` (not the default one), oldest first, with their month as `YYYY-MM`. */
export async function listScanMonths(db: Db): Promise<{ table: string; month: string }[]> {
  const rows = await queryRows<{ table: string }>(
    db,
    sql`
    select c.relname as table from pg_inherits i join pg_class c on c.oid = i.inhrelid
    where i.inhparent = 'scans'::regclass and c.relname ~ '^scans_[0-9]{4}_[0-9]{2}$' order by c.relname`,
  );
  return rows.map((r) => ({ table: r.table, month: r.table.slice(6).replace('_', '-') }));
}

async function deleted(db: Db, deletion: SQL): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`with gone as (${deletion}) select count(*)::bigint as n from gone`,
  );
  return Number(row?.n ?? 0);
}

/**
 * Retention (README, "Scans over the years"): drops every month of raw scans before `before`
 * (a Vietnamese month, `YYYY-MM`), the default partition's rows of those months, and the per-day
 * scanner sets of those days, which only a scan of that day could still match. The summaries
 * stay, so every verdict's count, first scan and copy signals are what they were. The current
 * month is always kept. One transaction, one audit entry with what went.
 */
export const pruneScans = service({
  action: 'scans.manage',
  input: z.object({ before: z.string().regex(MONTH, 'Tháng phải có dạng YYYY-MM, ví dụ 2026-01.') }),
  run: async ({ ctx, input }) => {
    const current = vietnamMonth(ctx.now());
    if (input.before > current) {
      throw invalid('Không thể xóa lượt quét của tháng hiện tại hay các tháng sau.', [
        { path: 'before', message: `Chọn một tháng đến ${current}.` },
      ]);
    }
    const cutoffDay = `${input.before}-01`;
    const cutoff = `${cutoffDay}T00:00:00+07:00`;
    return withTransaction(ctx, async (tx) => {
      const dropped = (await listScanMonths(tx.db)).filter((m) => m.month < input.before);
      let scans = 0;
      for (const { table } of dropped) {
        const [counted] = await queryRows<{ n: number }>(
          tx.db,
          sql`select count(*)::bigint as n from ${sql.identifier(table)}`,
        );
        scans += Number(counted?.n ?? 0);
        await tx.db.execute(sql`drop table ${sql.identifier(table)}`);
      }
      const fromDefault = await deleted(
        tx.db,
        sql`delete from scans_default where scanned_at < ${cutoff}::timestamptz returning 1`,
      );
      const scanners = await deleted(tx.db, sql`delete from stamp_scanners where day < ${cutoffDay}::date returning 1`);
      const networks = await deleted(tx.db, sql`delete from stamp_networks where day < ${cutoffDay}::date returning 1`);
      const result = {
        before: input.before,
        months: dropped.map((m) => m.month),
        scans: scans + fromDefault,
        scannerRows: scanners + networks,
      };
      await appendAudit(tx, { action: 'scans.prune', entity: 'scans', entityId: input.before, after: result });
      return result;
    });
  },
});
