import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/prepared';
import type { CopySignal } from '../../domain/copy-detection';
import type { ServiceContext } from '../shared/context';
import { listScope } from '../shared/policy';
import { copyHistorySql, signalsFor, type RawCopyHistory } from './copy-history';

type Row = { serial: number; batch_id: string; lot: string; product_id: string; product: string; subject: string;
  province_code: string; copy_history: RawCopyHistory };

export type SuspiciousStamp = { serial: number; batchId: string; lot: string; productId: string; product: string; subject: string;
  provinceCode: string; signals: CopySignal[] };
export type SuspiciousBatch = { batchId: string; lot: string; productId: string; product: string; subject: string; stamps: number; rules: CopySignal['rule'][] };

const LIMIT = 500;

/**
 * Suspected copies among stamps of the inspector's province (the producer's province). SQL finds
 * candidates cheaply (several retailers, several places, many scanners); the same rules as the
 * verdict (`copySignals`) then decide, so the list and the consumer page always agree.
 */
export async function listSuspicious(ctx: ServiceContext): Promise<{ stamps: SuspiciousStamp[]; batches: SuspiciousBatch[] }> {
  const scope = listScope(ctx.actor, 'copy.read');
  const c = ctx.config;
  const rows = await queryRows<Row>(ctx.db, sql`
    with received as (
      select ii.serial, i.retailer_id, i.province_code from intake_items ii join intakes i on i.id = ii.intake_id where ii.serial is not null
    ), candidates as (
      select serial from received group by serial having count(distinct retailer_id) > ${c.COPY_MAX_RETAILERS}
      -- More scanners than the rule allows before any per-network cap: a superset, the rule decides.
      union select serial from scans group by serial having count(distinct scanner_hash) > ${c.COPY_MAX_SCANNERS}
      union select serial from (
        select serial, round(lat)::text || ',' || round(lon)::text as place from scans where lat is not null and lon is not null
        union all select serial, province_code from received
      ) located group by serial having count(distinct place) > 1
    )
    select q.serial, b.id as batch_id, b.lot, p.id as product_id, p.name as product, s.name as subject, s.province_code,
      ${copyHistorySql(sql`q.serial`)} as copy_history
    from candidates q
    join lateral (select sr.batch_id, sr.last_serial from stamp_ranges sr where sr.first_serial <= q.serial order by sr.first_serial desc limit 1) r
      on r.last_serial >= q.serial
    join batches b on b.id = r.batch_id join products p on p.id = b.product_id join subjects s on s.id = p.subject_id
    where ${scope.provinceCode ? sql`s.province_code = ${scope.provinceCode}` : sql`true`}
    order by q.serial limit ${LIMIT}`);

  const stamps = rows.flatMap((r) => {
    const signals = signalsFor(r.copy_history, c);
    return signals.length === 0 ? [] : [{ serial: Number(r.serial), batchId: r.batch_id, lot: r.lot, productId: r.product_id, product: r.product,
      subject: r.subject, provinceCode: r.province_code, signals }];
  });
  const batches = new Map<string, SuspiciousBatch>();
  for (const s of stamps) {
    const b = batches.get(s.batchId) ?? { batchId: s.batchId, lot: s.lot, productId: s.productId, product: s.product, subject: s.subject, stamps: 0, rules: [] };
    b.stamps += 1;
    for (const signal of s.signals) if (!b.rules.includes(signal.rule)) b.rules.push(signal.rule);
    batches.set(s.batchId, b);
  }
  return { stamps, batches: [...batches.values()].sort((a, b) => b.stamps - a.stamps) };
}
