import { and, eq, sql, sum } from 'drizzle-orm';
import { batches, certificates, products, serialCounter, stampRanges, subjects } from '../../db/schema';
import { vietnamToday } from '../../domain/calendar';
import { certificateTimeState } from '../../domain/certificate-dates';
import { appendAudit } from '../audit/append-audit';
import { withTransaction, type ServiceContext } from '../shared/context';
import { AppError, conflict, notFound } from '../shared/errors';
import { actorLabel, authorize } from '../shared/policy';

export type IssueStampsInput = { batchId: string; quantity: number; idempotencyKey: string };
export type StampRange = typeof stampRanges.$inferSelect;

const CERTIFICATE_REFUSAL = {
  suspended: 'Giấy chứng nhận OCOP đang bị đình chỉ: không được in tem.',
  revoked: 'Giấy chứng nhận OCOP đã bị thu hồi: không được in tem.',
  expired: 'Giấy chứng nhận OCOP đã hết hạn: cần đánh giá lại trước khi in tem.',
  not_yet_valid: 'Giấy chứng nhận OCOP chưa có hiệu lực.',
  recalled: 'Lô hàng đã bị thu hồi: không được in tem.',
} as const;

/**
 * Reserves one contiguous serial range for a batch. The whole reservation is one transaction:
 * a job that dies midway reserves nothing, and a retry with the same idempotency key returns
 * the range that committed. 100,000 stamps are one row; codes are derived when printed.
 */
export async function issueStamps({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: IssueStampsInput;
}): Promise<{ range: StampRange; created: boolean }> {
  const [scope] = await ctx.db
    .select({ subjectId: subjects.id, provinceCode: subjects.provinceCode })
    .from(batches)
    .innerJoin(products, eq(batches.productId, products.id))
    .innerJoin(subjects, eq(products.subjectId, subjects.id))
    .where(eq(batches.id, input.batchId));
  if (!scope) throw notFound('lô hàng');
  authorize(ctx.actor, 'stamps.issue', { ...scope, what: 'lô hàng' });

  const replay = await findByKey(ctx, input);
  if (replay) return { range: replay, created: false };

  const signer = await ctx.keys.activeSigner(ctx.db);
  try {
    return await withTransaction(ctx, async (tx) => {
      // Lock the batch row: concurrent jobs for one batch queue here, so the quantity check holds.
      const [batch] = await tx.db.select().from(batches).where(eq(batches.id, input.batchId)).for('update');
      // A retry that waited on the lock finds the range its twin just committed.
      const committed = await findByKey(tx, input);
      if (committed) return { range: committed, created: false };
      const [certificate] = await tx.db.select().from(certificates).where(eq(certificates.id, batch!.certificateId));
      refuseUnlessPrintable(batch!, certificate!, vietnamToday(ctx.now()));

      const [issued] = await tx.db
        .select({ n: sum(sql`${stampRanges.lastSerial} - ${stampRanges.firstSerial} + 1`) })
        .from(stampRanges)
        .where(eq(stampRanges.batchId, input.batchId));
      const already = Number(issued?.n ?? 0);
      if (already + input.quantity > batch!.quantity) {
        throw new AppError(
          'quantity_exceeded',
          `Lô hàng khai báo ${batch!.quantity} sản phẩm, đã in ${already} tem: chỉ còn in được ${batch!.quantity - already} tem.`,
        );
      }

      const [counter] = await tx.db
        .update(serialCounter)
        .set({ nextSerial: sql`${serialCounter.nextSerial} + ${input.quantity}` })
        .where(eq(serialCounter.id, 1))
        .returning({ next: serialCounter.nextSerial });
      const firstSerial = counter!.next - input.quantity;
      const [range] = await tx.db
        .insert(stampRanges)
        .values({
          id: crypto.randomUUID(),
          batchId: input.batchId,
          kid: signer.kid,
          firstSerial,
          lastSerial: firstSerial + input.quantity - 1,
          idempotencyKey: input.idempotencyKey,
          createdBy: actorLabel(ctx.actor),
          createdAt: ctx.now(),
        })
        .returning();
      await appendAudit(tx, { action: 'stamps.issue', entity: 'stamp_range', entityId: range!.id, after: range });
      return { range: range!, created: true };
    });
  } catch (error) {
    // Two retries racing with one key: the loser's insert hits the unique index; return the winner's range.
    const winner = isUniqueViolation(error) ? await findByKey(ctx, input) : undefined;
    if (winner) return { range: winner, created: false };
    throw error;
  }
}

async function findByKey(ctx: ServiceContext, input: IssueStampsInput): Promise<StampRange | undefined> {
  const [existing] = await ctx.db
    .select()
    .from(stampRanges)
    .where(and(eq(stampRanges.batchId, input.batchId), eq(stampRanges.idempotencyKey, input.idempotencyKey)));
  if (existing && existing.lastSerial - existing.firstSerial + 1 !== input.quantity) {
    throw conflict('Khóa idempotency này đã được dùng cho một lệnh in với số lượng khác.');
  }
  return existing;
}

function refuseUnlessPrintable(
  batch: typeof batches.$inferSelect,
  certificate: typeof certificates.$inferSelect,
  today: string,
) {
  if (batch.recalledOn) throw new AppError('certificate_not_valid', CERTIFICATE_REFUSAL.recalled);
  if (certificate.status !== 'active')
    throw new AppError('certificate_not_valid', CERTIFICATE_REFUSAL[certificate.status]);
  const state = certificateTimeState(certificate.validFrom, certificate.validUntil, today);
  if (state === 'expired' || state === 'not_yet_valid')
    throw new AppError('certificate_not_valid', CERTIFICATE_REFUSAL[state]);
}

function isUniqueViolation(error: unknown): boolean {
  for (let e = error as { code?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.code === '23505') return true;
  }
  return false;
}
