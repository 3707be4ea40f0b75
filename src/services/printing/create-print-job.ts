import { and, eq } from 'drizzle-orm';
import { printJobs } from '../../db/schema';
import { templateModuleProblem } from '../../labels/stamp-fit';
import { LABEL_TEMPLATES, labelsPerSheet } from '../../labels/templates';
import { appendAudit } from '../audit/append-audit';
import { issueStamps } from '../stamps/issue-stamps';
import { withTransaction, type ServiceContext } from '../shared/context';
import { invalid } from '../shared/errors';
import { actorLabel } from '../shared/policy';

export type PrintJobInput = { batchId: string; quantity: number; template: string; idempotencyKey: string };

/** Labels per downloadable part: whole sheets, about 2,400 labels, so memory stays flat. */
export function partSize(templateId: string): number {
  const perSheet = labelsPerSheet(LABEL_TEMPLATES.get(templateId)!);
  return perSheet * Math.max(1, Math.floor(2400 / perSheet));
}

export function partsOf(job: { templateId: string; quantity: number }) {
  const size = partSize(job.templateId);
  return Array.from({ length: Math.ceil(job.quantity / size) }, (_, i) => ({
    part: i + 1,
    labels: Math.min(size, job.quantity - i * size),
  }));
}

/**
 * Reserves the stamps and records the job in one transaction: a job killed midway leaves a
 * complete range and its job, or neither. The same idempotency key returns the same job and the
 * same serials. Nothing is reserved for an unknown template, an invalid certificate, or a
 * template whose QR modules would print below its minimum for these stamps.
 */
export async function createPrintJob({ ctx, input }: { ctx: ServiceContext; input: PrintJobInput }) {
  if (!LABEL_TEMPLATES.has(input.template)) {
    throw invalid('Mẫu nhãn không tồn tại.', [
      { path: 'template', message: `Chọn một trong: ${[...LABEL_TEMPLATES.keys()].join(', ')}.` },
    ]);
  }
  return withTransaction(ctx, async (tx) => {
    const { range, created } = await issueStamps({
      ctx: tx,
      input: { batchId: input.batchId, quantity: input.quantity, idempotencyKey: input.idempotencyKey },
    });
    // Checked on the reserved range (its key and last serial set the QR's size); throwing here
    // rolls the reservation back.
    const problem = templateModuleProblem(
      LABEL_TEMPLATES.get(input.template)!,
      ctx.config.PUBLIC_ORIGIN,
      range.kid,
      range.lastSerial,
    );
    if (problem) throw invalid(problem, [{ path: 'template', message: problem }]);
    if (!created) {
      const [existing] = await tx.db
        .select()
        .from(printJobs)
        .where(and(eq(printJobs.batchId, input.batchId), eq(printJobs.idempotencyKey, input.idempotencyKey)));
      if (existing) return { job: existing, range, created: false };
    }
    const [job] = await tx.db
      .insert(printJobs)
      .values({
        id: crypto.randomUUID(),
        batchId: input.batchId,
        rangeId: range.id,
        templateId: input.template,
        quantity: input.quantity,
        idempotencyKey: input.idempotencyKey,
        createdBy: actorLabel(ctx.actor),
        createdAt: ctx.now(),
      })
      .returning();
    await appendAudit(tx, { action: 'print.create', entity: 'print_job', entityId: job!.id, after: job });
    return { job: job!, range, created: true };
  });
}
