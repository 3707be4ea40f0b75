import { and, eq, gte, lte } from 'drizzle-orm';
import { batches, products, stampRanges, subjects, voidedSerials } from '../../db/schema';
import { appendAudit } from '../audit/append-audit';
import { withTransaction, type ServiceContext } from '../shared/context';
import { invalid, notFound } from '../shared/errors';
import { authorize } from '../shared/policy';

export type VoidInput = { firstSerial: number; lastSerial: number; reason: string };

/** Voids a misprint (one serial) or a sheet (a span). The span must lie inside one issued range. */
export async function voidStamps({ ctx, input }: { ctx: ServiceContext; input: VoidInput }) {
  if (input.lastSerial < input.firstSerial) throw invalid('Số sê-ri cuối phải lớn hơn hoặc bằng số đầu.');
  const [row] = await ctx.db
    .select({ range: stampRanges, subjectId: subjects.id, provinceCode: subjects.provinceCode })
    .from(stampRanges)
    .innerJoin(batches, eq(stampRanges.batchId, batches.id))
    .innerJoin(products, eq(batches.productId, products.id))
    .innerJoin(subjects, eq(products.subjectId, subjects.id))
    .where(and(lte(stampRanges.firstSerial, input.firstSerial), gte(stampRanges.lastSerial, input.lastSerial)));
  if (!row) throw notFound('dải tem chứa các số sê-ri này');
  authorize(ctx.actor, 'stamps.void', {
    subjectId: row.subjectId,
    provinceCode: row.provinceCode,
    what: 'dải tem chứa các số sê-ri này',
  });
  return withTransaction(ctx, async (tx) => {
    const [voided] = await tx.db
      .insert(voidedSerials)
      .values({ id: crypto.randomUUID(), rangeId: row.range.id, ...input })
      .returning();
    await appendAudit(tx, { action: 'stamps.void', entity: 'stamp_range', entityId: row.range.id, after: voided });
    return voided!;
  });
}
