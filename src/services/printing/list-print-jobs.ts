import { z } from 'zod';
import { and, desc, eq } from 'drizzle-orm';
import { batches, printJobs, products, stampRanges, subjects } from '../../db/schema';
import { listScope } from '../shared/policy';
import { partsOf } from './create-print-job';
import { service } from '../shared/service';

/** Print history in the caller's reach, newest first, with each job's serials and parts. */
export const listPrintJobs = service({
  action: 'print.read',
  input: z.object({ batchId: z.uuid().optional(), limit: z.number().int().min(1).max(500).optional() }),
  run: async ({ ctx, input: options }) => {
    const scope = listScope(ctx.actor, 'print.read');
    const rows = await ctx.db
      .select({ job: printJobs, range: stampRanges, lot: batches.lot, product: products.name })
      .from(printJobs)
      .innerJoin(stampRanges, eq(printJobs.rangeId, stampRanges.id))
      .innerJoin(batches, eq(printJobs.batchId, batches.id))
      .innerJoin(products, eq(batches.productId, products.id))
      .innerJoin(subjects, eq(products.subjectId, subjects.id))
      .where(
        and(
          options.batchId ? eq(printJobs.batchId, options.batchId) : undefined,
          scope.provinceCode ? eq(subjects.provinceCode, scope.provinceCode) : undefined,
          scope.subjectId ? eq(subjects.id, scope.subjectId) : undefined,
        ),
      )
      .orderBy(desc(printJobs.createdAt))
      .limit(options.limit ?? 100);
    return rows.map((r) => ({
      ...r.job,
      lot: r.lot,
      product: r.product,
      firstSerial: r.range.firstSerial,
      lastSerial: r.range.lastSerial,
      parts: partsOf(r.job),
    }));
  },
});
