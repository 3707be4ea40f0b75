import { z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import { voidedSerials } from '../../db/schema';
import { appendAudit } from '../audit/append-audit';
import { loadPrintJob } from '../printing/load-print-context';
import { uuid } from '../registry/inputs';
import { withTransaction, type ServiceContext } from '../shared/context';
import { invalid } from '../shared/errors';
import { authorize } from '../shared/policy';
import { countSerials, formatSpans, overlapCount, parseSerialSpans, spansOutside, type SerialSpan } from './void-spans';

const jobVoidInput = z.object({
  jobId: uuid,
  serials: z.string().max(10_000),
  reason: z.string().trim().min(3, 'Ghi lý do vô hiệu (ví dụ: in lỗi).').max(200),
});
export type JobVoidInput = z.input<typeof jobVoidInput>;

/**
 * What voiding these serials of one print job would do, changing nothing: the serials as spans,
 * how many, and how many of them are void already. Serials outside the job are refused by name,
 * so a number typed into the wrong job's row cannot void another job's stamps.
 */
export async function planJobVoid({ ctx, input }: { ctx: ServiceContext; input: JobVoidInput }) {
  authorize(ctx.actor, 'stamps.void');
  const parsed = jobVoidInput.safeParse(input);
  if (!parsed.success) {
    throw invalid(
      'Vui lòng sửa các trường được đánh dấu.',
      parsed.error.issues.map((i) => ({ path: String(i.path[0] ?? ''), message: i.message })),
    );
  }
  const { jobId, serials, reason } = parsed.data;
  const row = await loadPrintJob(ctx, jobId);
  authorize(ctx.actor, 'stamps.void', {
    subjectId: row.subject.id,
    provinceCode: row.subject.provinceCode,
    what: 'lệnh in',
  });
  const spans = parseSerialSpans(serials);
  if ('problem' in spans) throw invalid(spans.problem, [{ path: 'serials', message: spans.problem }]);
  const outside = spansOutside(spans.spans, row.range.firstSerial, row.range.lastSerial);
  if (outside.length > 0) {
    const message = `Sê-ri không thuộc lệnh in này (${row.range.firstSerial}–${row.range.lastSerial}): ${formatSpans(outside)}. Không tem nào bị vô hiệu.`;
    throw invalid(message, [{ path: 'serials', message }]);
  }
  const earlier = await ctx.db
    .select({ first: voidedSerials.firstSerial, last: voidedSerials.lastSerial })
    .from(voidedSerials)
    .where(eq(voidedSerials.rangeId, row.range.id));
  return {
    row,
    reason,
    spans: spans.spans,
    count: countSerials(spans.spans),
    alreadyVoid: overlapCount(spans.spans, earlier),
  };
}

/** Voids the serials `planJobVoid` accepts, all or none, as one audited decision on the job. */
export async function voidJobSerials({ ctx, input }: { ctx: ServiceContext; input: JobVoidInput }) {
  return withTransaction(ctx, async (tx) => {
    const plan = await planJobVoid({ ctx: tx, input });
    const rows = await tx.db
      .insert(voidedSerials)
      .values(
        plan.spans.map((s: SerialSpan) => ({
          id: crypto.randomUUID(),
          rangeId: plan.row.range.id,
          firstSerial: s.first,
          lastSerial: s.last,
          reason: plan.reason,
          voidedAt: tx.now(),
        })),
      )
      .returning();
    await appendAudit(tx, {
      action: 'stamps.void',
      entity: 'print_job',
      entityId: plan.row.job.id,
      after: { serials: formatSpans(plan.spans), count: plan.count, reason: plan.reason, voided: rows },
    });
    return { job: plan.row.job, spans: plan.spans, count: plan.count };
  });
}
