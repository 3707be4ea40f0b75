import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { executePrepared } from '../../db/prepared';
import { copyHistorySql, type RawCopyHistory } from '../copy-detection/copy-history';
import type { AreaFlag } from './verdict-types';

export type StampFactsRow = {
  idx: number;
  key_state: 'active' | 'retired' | 'compromised' | null;
  public_jwk: JsonWebKey | null;
  range_id: string | null;
  voided: boolean;
  batch: { id: string; lot: string; production_date: string; best_before: string | null; recalled_on: string | null;
    recall_reason: string | null; recall_basis: string | null } | null;
  product: { id: string; name: string; taxonomy_version: string; group_code: string; subgroup_code: string; gtin: string | null } | null;
  subject: { id: string; name: string; kind: string; province_code: string; commune_code: string | null; address_as_issued: string; demo: boolean } | null;
  certificate: { id: string; number: string; scheme: string; score: number; stars: number; issuer_name: string; issuer_level: string;
    decision_number: string; decision_date: string; valid_from: string; valid_until: string; status: 'active' | 'suspended' | 'revoked';
    status_changed_on: string | null; status_reason: string | null; status_basis: string | null } | null;
  areas: { id: string; name: string; kind: string; official_code: string | null; province_code: string; commune_code: string | null;
    standards: { name: string; certificateNumber?: string; expiresOn: string }[]; flags: AreaFlag[] | null }[] | null;
  scan_count: number;
  first_scan_at: string | null;
  first_scan_place: string | null;
  copy_history: RawCopyHistory | null;
};

/**
 * Everything a verdict needs for many stamps in one round trip. The range lookup takes the last
 * range starting at or below the serial (an index seek on first_serial) and keeps it only if it
 * covers the serial and was signed with the stamp's key. Nothing here is cached: a revocation
 * that has committed is seen by the next call.
 */
export async function loadStampFacts(db: Db, stamps: { idx: number; kid: string; serial: number }[]): Promise<StampFactsRow[]> {
  if (stamps.length === 0) return [];
  const rows = await executePrepared<StampFactsRow>(db, 'load_stamp_facts', sql`
    select q.idx, k.state as key_state, k.public_jwk, r.id as range_id,
      coalesce(v.voided, false) as voided,
      to_jsonb(b) - 'created_at' as batch, to_jsonb(p) - 'created_at' as product,
      to_jsonb(s) - 'created_at' as subject, to_jsonb(c) - 'created_at' as certificate,
      a.areas, coalesce(sc.scan_count, 0)::int as scan_count, sc.first_scan_at, sc.first_scan_place,
      case when r.id is not null then ${copyHistorySql(sql`q.serial`)} end as copy_history
    from json_to_recordset(${JSON.stringify(stamps)}::json) as q(idx int, kid text, serial bigint)
    left join signing_keys k on k.kid = q.kid
    left join lateral (
      select sr.id, sr.batch_id from stamp_ranges sr
      where sr.first_serial <= q.serial order by sr.first_serial desc limit 1
    ) r0 on true
    left join stamp_ranges r on r.id = r0.id and r.last_serial >= q.serial and r.kid = q.kid
    left join lateral (
      select true as voided from voided_serials vs
      where vs.range_id = r.id and vs.first_serial <= q.serial and vs.last_serial >= q.serial limit 1
    ) v on true
    left join batches b on b.id = r.batch_id
    left join products p on p.id = b.product_id
    left join subjects s on s.id = p.subject_id
    left join certificates c on c.id = b.certificate_id
    left join lateral (
      select json_agg(json_build_object('id', ra.id, 'name', ra.name, 'kind', ra.kind, 'official_code', ra.official_code,
        'province_code', ra.province_code, 'commune_code', ra.commune_code, 'standards', ra.standards,
        'flags', (select json_agg(json_build_object('standard', f.standard, 'on', f.flagged_on, 'reason', f.reason) order by f.id)
          from area_flags f where f.area_id = ra.id)) order by ra.name) as areas
      from batch_areas ba join raw_material_areas ra on ra.id = ba.area_id where ba.batch_id = b.id
    ) a on true
    left join stamp_summaries sc on sc.serial = q.serial and r.id is not null
  `);
  return rows.map((row) => ({ ...row, first_scan_at: row.first_scan_at ? new Date(row.first_scan_at).toISOString() : null }));
}
