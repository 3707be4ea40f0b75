import { asc, eq } from 'drizzle-orm';
import { voidedSerials } from '../../db/schema';
import { LABEL_TEMPLATES } from '../../labels/templates';
import type { ServiceContext } from '../shared/context';
import { authorize } from '../shared/policy';
import { partsOf } from './create-print-job';
import { loadPrintJob } from './load-print-context';
import { partFileName } from './render-print-part';

/** A print job's page: the job, its parts with their file names, and the serials voided so far. */
export async function printJobDetails({ ctx, input }: { ctx: ServiceContext; input: { jobId: string } }) {
  authorize(ctx.actor, 'print.read');
  const row = await loadPrintJob(ctx, input.jobId);
  const voids = await ctx.db
    .select()
    .from(voidedSerials)
    .where(eq(voidedSerials.rangeId, row.range.id))
    .orderBy(asc(voidedSerials.voidedAt), asc(voidedSerials.firstSerial));
  return {
    job: {
      id: row.job.id,
      product: row.product.name,
      lot: row.batch.lot,
      quantity: row.job.quantity,
      createdAt: row.job.createdAt,
      firstSerial: row.range.firstSerial,
      lastSerial: row.range.lastSerial,
      templateName: LABEL_TEMPLATES.get(row.job.templateId)?.name ?? row.job.templateId,
    },
    parts: partsOf(row.job).map((p) => ({ ...p, fileName: partFileName(row.batch.lot, row.job.id, p.part) })),
    voids,
  };
}
