import { z } from 'zod';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/prepared';
import { retailerOf } from './retailer';
import { service } from '../shared/service';

/** One batch as the intake page shows it offline: enough to name the product, never a person. */
export type SnapshotBatch = {
  ranges: [first: number, last: number][];
  lot: string;
  productionDate: string;
  bestBefore: string | null;
  product: string;
  stars: number;
  producer: string;
  provinceCode: string;
};
export type OfflineSnapshot = { provinceCode: string; asOf: string; batches: SnapshotBatch[] };

/**
 * The compact product and batch snapshot a retailer's phone caches for its province, so an
 * offline scan can still say what the product is. Status (recalls, revocations) comes from the
 * signed status list, not from here; this is only the description.
 */
export const offlineSnapshot = service({
  action: 'intake.read',
  input: z.object({}),
  run: async ({ ctx }) => {
    const { provinceCode } = retailerOf(ctx.actor, 'intake.read');
    const batches = await queryRows<SnapshotBatch>(
      ctx.db,
      sql`
    select json_agg(json_build_array(r.first_serial, r.last_serial) order by r.first_serial) as ranges,
      b.lot, b.production_date::text as "productionDate", b.best_before::text as "bestBefore",
      p.name as product, c.stars, s.name as producer, s.province_code as "provinceCode"
    from stamp_ranges r join batches b on b.id = r.batch_id join products p on p.id = b.product_id
    join subjects s on s.id = p.subject_id join certificates c on c.id = b.certificate_id
    where s.province_code = ${provinceCode}
    group by b.id, p.name, c.stars, s.name, s.province_code order by b.lot`,
    );
    return {
      provinceCode,
      asOf: ctx.now().toISOString(),
      batches: batches.map((b) => ({ ...b, ranges: b.ranges.map(([f, l]) => [Number(f), Number(l)]) })),
    };
  },
});
