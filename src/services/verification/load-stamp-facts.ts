import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { executePrepared } from '../../db/prepared';
import { copyHistorySql, type RawCopyHistory } from '../copy-detection/copy-history';
import { Coalescer } from './coalesce';
import { textsVersionSql } from './texts-version';

/**
 * What may change about a stamp from one request to the next: the key's state, the range, a
 * void, a recall, the certificate's status and dates, the scans, and the version of the texts
 * (stamp-texts.ts). Dates come as text ('YYYY-MM-DD'), whichever driver.
 */
export type StampFactsRow = {
  slot: number;
  key_state: 'active' | 'retired' | 'compromised' | null;
  /** The key's Ed25519 public key (the JWK's `x`): what the signature is checked against. */
  key_x: string | null;
  range_id: string | null;
  batch_id: string | null;
  texts_version: string | null;
  voided: boolean;
  recalled_on: string | null;
  recall_reason: string | null;
  recall_basis: string | null;
  certificate_status: 'active' | 'suspended' | 'revoked' | null;
  valid_from: string | null;
  valid_until: string | null;
  status_changed_on: string | null;
  status_reason: string | null;
  status_basis: string | null;
  scan_count: number;
  first_scan_at: string | null;
  first_scan_place: string | null;
  copy_history: RawCopyHistory | null;
};

export type StampRef = { kid: string; serial: number };

/**
 * The live facts of many stamps in one small indexed query. The range lookup takes the last
 * range starting at or below the serial (an index seek on first_serial) and keeps it only if it
 * covers the serial and was signed with the stamp's key. What belongs to a batch (recall,
 * certificate, texts version) is read once per distinct batch, however many of its stamps the
 * query carries. Nothing here is cached: a revocation that has committed is seen by the next call.
 */
async function queryStampFacts(db: Db, refs: StampRef[]): Promise<Map<number, StampFactsRow>> {
  const stamps = refs.map((s, slot) => ({ slot, kid: s.kid, serial: s.serial }));
  const rows = await executePrepared<StampFactsRow>(
    db,
    'load_stamp_facts',
    sql`
    with wanted as materialized (
      select q.slot, q.serial, k.state as key_state, k.public_jwk->>'x' as key_x, r.id as range_id, r.batch_id,
        coalesce(v.voided, false) as voided
      from json_to_recordset(${JSON.stringify(stamps)}::json) as q(slot int, kid text, serial bigint)
      left join signing_keys k on k.kid = q.kid
      left join lateral (
        select sr.id from stamp_ranges sr
        where sr.first_serial <= q.serial order by sr.first_serial desc limit 1
      ) r0 on true
      left join stamp_ranges r on r.id = r0.id and r.last_serial >= q.serial and r.kid = q.kid
      left join lateral (
        select true as voided from voided_serials vs
        where vs.range_id = r.id and vs.first_serial <= q.serial and vs.last_serial >= q.serial limit 1
      ) v on true
    ), lots as (
      select b.id, ${textsVersionSql} as texts_version, b.recalled_on::text, b.recall_reason, b.recall_basis,
        c.status as certificate_status, c.valid_from::text, c.valid_until::text,
        c.status_changed_on::text, c.status_reason, c.status_basis
      from (select distinct batch_id from wanted where batch_id is not null) d
      join batches b on b.id = d.batch_id
      join products p on p.id = b.product_id
      join subjects s on s.id = p.subject_id
      join certificates c on c.id = b.certificate_id
    )
    select q.slot, q.key_state, q.key_x, q.range_id, q.batch_id, q.voided, l.texts_version, l.recalled_on, l.recall_reason, l.recall_basis,
      l.certificate_status, l.valid_from, l.valid_until, l.status_changed_on, l.status_reason, l.status_basis,
      coalesce(sc.scan_count, 0)::int as scan_count, sc.first_scan_at, sc.first_scan_place,
      case when r.id is not null then ${copyHistorySql(sql`q.serial`)} end as copy_history
    from wanted q
    left join stamp_ranges r on r.id = q.range_id
    left join lots l on l.id = q.batch_id
    left join stamp_summaries sc on sc.serial = q.serial and r.id is not null
  `,
  );
  const bySlot = new Map<number, StampFactsRow>();
  for (const row of rows) {
    if (row.first_scan_at) row.first_scan_at = new Date(row.first_scan_at).toISOString();
    bySlot.set(row.slot, row);
  }
  return bySlot;
}

const coalescer = new Coalescer<StampRef, StampFactsRow>(queryStampFacts, (s) => `${s.kid}-${s.serial}`);

/** The live facts of each stamp, in order; loads asked in the same turn share one query (coalesce.ts). */
export function loadStampFacts(db: Db, stamps: StampRef[]): Promise<(StampFactsRow | undefined)[]> {
  return coalescer.load(db, stamps);
}
