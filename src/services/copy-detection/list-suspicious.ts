import { z } from 'zod';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/prepared';
import type { CopySignal } from '../../domain/copy-detection';
import { service } from '../shared/service';
import { listScope } from '../shared/policy';
import { copyHistorySql, signalsFor, type RawCopyHistory } from './copy-history';

type Row = {
  serial: number;
  batch_id: string;
  lot: string;
  product_id: string;
  product: string;
  subject: string;
  province_code: string;
  copy_history: RawCopyHistory | null;
};

export type SuspiciousStamp = {
  serial: number;
  batchId: string;
  lot: string;
  productId: string;
  product: string;
  subject: string;
  provinceCode: string;
  signals: CopySignal[];
};
export type SuspiciousBatch = {
  batchId: string;
  lot: string;
  productId: string;
  product: string;
  subject: string;
  stamps: number;
  rules: CopySignal['rule'][];
};

const LIMIT = 500;

/**
 * Suspected copies among stamps of the inspector's province (the producer's province), newest
 * flagged first: an index scan of `suspected_copies`, which the scan and intake writers keep.
 * Each listed stamp is judged again from its summary (one row) with today's thresholds, so the
 * list and the consumer page agree even after COPY_* settings were raised; stamps that a lowered
 * threshold would add appear as they are next read, or after `npm run cli -- copies reevaluate`.
 */
export const listSuspicious = service({
  action: 'copy.read',
  input: z.object({}),
  run: async ({ ctx }): Promise<{ stamps: SuspiciousStamp[]; batches: SuspiciousBatch[] }> => {
    const scope = listScope(ctx.actor, 'copy.read'); // the province the list is cut to
    const rows = await queryRows<Row>(
      ctx.db,
      sql`
    select q.serial, b.id as batch_id, b.lot, p.id as product_id, p.name as product, s.name as subject, q.province_code,
      ${copyHistorySql(sql`q.serial`)} as copy_history
    from (select serial, batch_id, province_code, flagged_at from suspected_copies
      where ${scope.provinceCode ? sql`province_code = ${scope.provinceCode}` : sql`true`}
      order by flagged_at desc, serial limit ${LIMIT}) q
    join batches b on b.id = q.batch_id join products p on p.id = b.product_id join subjects s on s.id = p.subject_id
    order by q.flagged_at desc, q.serial`,
    );

    const stamps = rows.flatMap((r) => {
      const signals = signalsFor(r.copy_history, ctx.config);
      return signals.length === 0
        ? []
        : [
            {
              serial: Number(r.serial),
              batchId: r.batch_id,
              lot: r.lot,
              productId: r.product_id,
              product: r.product,
              subject: r.subject,
              provinceCode: r.province_code,
              signals,
            },
          ];
    });
    const batches = new Map<string, SuspiciousBatch>();
    for (const s of stamps) {
      const b = batches.get(s.batchId) ?? {
        batchId: s.batchId,
        lot: s.lot,
        productId: s.productId,
        product: s.product,
        subject: s.subject,
        stamps: 0,
        rules: [],
      };
      b.stamps += 1;
      for (const signal of s.signals) if (!b.rules.includes(signal.rule)) b.rules.push(signal.rule);
      batches.set(s.batchId, b);
    }
    return { stamps, batches: [...batches.values()].sort((a, b) => b.stamps - a.stamps) };
  },
});
