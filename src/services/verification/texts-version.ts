import { sql } from 'drizzle-orm';

/**
 * What a batch's cached texts (see stamp-texts.ts) are valid for, computed in SQL from the rows
 * they come from, by any query that has the batch `b`, its product `p` and subject `s` joined.
 *
 * PostgreSQL writes a new row version with a new `xmin` (the writing transaction) on every
 * update, so a batch, product, subject or area that was edited after the texts were read has a
 * different version, whichever instance or tool edited it; area flags are only ever inserted,
 * so their count and newest id change when one is added. No migration, no trigger, and no
 * writer has to remember to invalidate anything. The certificate's texts are not part of it:
 * certificates are never edited (a re-evaluation is a new certificate), and their status and
 * dates are read live with every verdict.
 */
export const textsVersionSql = sql`concat_ws('/', b.xmin::text, p.xmin::text, s.xmin::text, (
  select string_agg(concat_ws('.', ra.xmin::text, fl.n, fl.last), ',' order by ra.id)
  from batch_areas ba join raw_material_areas ra on ra.id = ba.area_id
  cross join lateral (select count(*) as n, max(f.id) as last from area_flags f where f.area_id = ra.id) fl
  where ba.batch_id = b.id))`;
