import { eq } from 'drizzle-orm';
import { batches, certificates, printJobs, products, stampRanges, subjects } from '../../db/schema';
import { PROVINCES } from '../../data/provinces';
import type { LabelContent } from '../../labels/render-labels';
import type { ServiceContext } from '../shared/context';
import { notFound } from '../shared/errors';
import { authorize } from '../shared/policy';

/** A print job with everything its labels show, checked against the caller's reach. */
export async function loadPrintJob(ctx: ServiceContext, jobId: string) {
  const [row] = await ctx.db
    .select({
      job: printJobs,
      range: stampRanges,
      batch: batches,
      product: products,
      subject: subjects,
      certificate: certificates,
    })
    .from(printJobs)
    .innerJoin(stampRanges, eq(printJobs.rangeId, stampRanges.id))
    .innerJoin(batches, eq(printJobs.batchId, batches.id))
    .innerJoin(products, eq(batches.productId, products.id))
    .innerJoin(subjects, eq(products.subjectId, subjects.id))
    .innerJoin(certificates, eq(batches.certificateId, certificates.id))
    .where(eq(printJobs.id, jobId));
  if (!row) throw notFound('lệnh in');
  authorize(ctx.actor, 'print.read', {
    subjectId: row.subject.id,
    provinceCode: row.subject.provinceCode,
    what: 'lệnh in',
  });
  return row;
}

/** What a batch's labels would show, for the preview before anything is reserved. */
export async function batchLabelContent(ctx: ServiceContext, batchId: string): Promise<LabelContent> {
  const [row] = await ctx.db
    .select({ batch: batches, product: products, subject: subjects, certificate: certificates })
    .from(batches)
    .innerJoin(products, eq(batches.productId, products.id))
    .innerJoin(subjects, eq(products.subjectId, subjects.id))
    .innerJoin(certificates, eq(batches.certificateId, certificates.id))
    .where(eq(batches.id, batchId));
  if (!row) throw notFound('lô hàng');
  authorize(ctx.actor, 'print.read', {
    subjectId: row.subject.id,
    provinceCode: row.subject.provinceCode,
    what: 'lô hàng',
  });
  return labelContent(row);
}

export function labelContent(
  row: Pick<Awaited<ReturnType<typeof loadPrintJob>>, 'batch' | 'product' | 'subject' | 'certificate'>,
): LabelContent {
  return {
    productName: row.product.name,
    stars: row.certificate.stars,
    lot: row.batch.lot,
    productionDate: row.batch.productionDate,
    bestBefore: row.batch.bestBefore,
    producer: row.subject.name,
    province: PROVINCES[row.subject.provinceCode]?.vi.replace(/^(Tỉnh|Thành phố) /, '') ?? row.subject.provinceCode,
  };
}
