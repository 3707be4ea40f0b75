import { asc, gt, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { queryRows } from '../../db/prepared';
import { stampSummaries, suspectedCopies } from '../../db/schema';
import type { CopySignal } from '../../domain/copy-detection';
import type { Config } from '../../env';
import { appendAudit } from '../audit/append-audit';
import type { ReadSummary } from '../scans/read-summaries';
import { withTransaction } from '../shared/context';
import { service } from '../shared/service';
import { copyThresholds, signalsFor } from './copy-history';

/** The rules' signals for a summary, with the thresholds configured now. */
export function summarySignals(summary: ReadSummary, config: Config): CopySignal[] {
  return signalsFor(
    {
      scanners: summary.scannersByNetwork,
      intakes: summary.intakeReads,
      scans: summary.scanReads,
      retailers: summary.retailers,
    },
    config,
  );
}

/**
 * Brings `suspected_copies` in line with these summaries, in the transaction that changed them:
 * a stamp whose rules fire is listed (with the signals of now, under today's thresholds) under
 * its batch and its producer's province; one that no longer fires leaves the list. Serials no
 * issued range holds are never listed: there is no batch to inspect.
 */
export async function refreshSuspectedCopies(
  db: Db,
  summaries: ReadSummary[],
  config: Config,
  now: Date,
): Promise<void> {
  const judged = summaries.map((s) => ({ serial: s.serial, signals: summarySignals(s, config) }));
  const cleared = judged.filter((j) => j.signals.length === 0).map((j) => j.serial);
  const flagged = judged.filter((j) => j.signals.length > 0);
  if (cleared.length > 0) await db.delete(suspectedCopies).where(inArray(suspectedCopies.serial, cleared));
  if (flagged.length === 0) return;
  await queryRows(
    db,
    sql`
    insert into suspected_copies (serial, batch_id, province_code, signals, flagged_at, updated_at)
    select v.serial, r.batch_id, s.province_code, v.signals, ${now.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz
    from jsonb_to_recordset(${JSON.stringify(flagged)}::jsonb) as v(serial bigint, signals jsonb)
    join lateral (select sr.batch_id, sr.last_serial from stamp_ranges sr where sr.first_serial <= v.serial order by sr.first_serial desc limit 1) r
      on r.last_serial >= v.serial
    join batches b on b.id = r.batch_id join products p on p.id = b.product_id join subjects s on s.id = p.subject_id
    on conflict (serial) do update set signals = excluded.signals, province_code = excluded.province_code, updated_at = excluded.updated_at`,
  );
}

const REEVALUATE_CHUNK = 1000;

/**
 * Judges every summary again with the thresholds configured now: the verdict applies a change of
 * COPY_* settings at once (it evaluates on read), and this brings the inspectors' list along.
 * Runs in chunks of stamps, each its own transaction holding its summaries' locks (a scan
 * arriving meanwhile waits, then judges on top), so a national table is never locked at once;
 * one audit entry records the run and its thresholds.
 */
export const reevaluateSuspectedCopies = service({
  action: 'scans.manage',
  input: z.object({}),
  run: async ({ ctx }) => {
    let after = -1;
    let stamps = 0;
    for (;;) {
      const last = await withTransaction(ctx, async (tx) => {
        const chunk = await tx.db
          .select()
          .from(stampSummaries)
          .where(gt(stampSummaries.serial, after))
          .orderBy(asc(stampSummaries.serial))
          .limit(REEVALUATE_CHUNK)
          .for('update');
        await refreshSuspectedCopies(tx.db, chunk, ctx.config, ctx.now());
        stamps += chunk.length;
        return chunk.at(-1)?.serial ?? null;
      });
      if (last === null) break;
      after = last;
    }
    const [counted] = await queryRows<{ n: number }>(ctx.db, sql`select count(*)::int as n from suspected_copies`);
    const result = { stamps, suspected: Number(counted?.n ?? 0) };
    await withTransaction(ctx, (tx) =>
      appendAudit(tx, {
        action: 'copies.reevaluate',
        entity: 'suspected_copies',
        entityId: 'all',
        after: { ...result, thresholds: copyThresholds(ctx.config) },
      }),
    );
    return result;
  },
});
