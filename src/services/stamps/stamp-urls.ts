import { z } from 'zod';
import { eq } from 'drizzle-orm';
import { batches, products, stampRanges, subjects } from '../../db/schema';
import { stampUrl } from '../../domain/stamp-codec';
import type { ServiceContext } from '../shared/context';
import { AppError, notFound } from '../shared/errors';
import { authorize } from '../shared/policy';
import { service } from '../shared/service';

export const STAMP_PAGE_MAX = 1000;

/**
 * Derives the signed URLs of one page of a range. Ed25519 is deterministic, so a page listed
 * twice gives identical codes: nothing per stamp is stored.
 */
export const listStampUrls = service({
  action: 'stamps.issue',
  input: z.object({
    rangeId: z.uuid(),
    offset: z.number().int().min(0),
    limit: z.number().int().min(1).max(STAMP_PAGE_MAX),
  }),
  run: async ({ ctx, input: { rangeId, offset, limit } }) => {
    const [row] = await ctx.db
      .select({ range: stampRanges, subjectId: subjects.id, provinceCode: subjects.provinceCode })
      .from(stampRanges)
      .innerJoin(batches, eq(stampRanges.batchId, batches.id))
      .innerJoin(products, eq(batches.productId, products.id))
      .innerJoin(subjects, eq(products.subjectId, subjects.id))
      .where(eq(stampRanges.id, rangeId));
    if (!row) throw notFound('dải tem');
    authorize(ctx.actor, 'stamps.issue', { subjectId: row.subjectId, provinceCode: row.provinceCode, what: 'dải tem' });
    return stampPage(ctx, row.range, offset, limit);
  },
});

export async function stampPage(
  ctx: ServiceContext,
  range: typeof stampRanges.$inferSelect,
  offset: number,
  limit: number,
) {
  const total = range.lastSerial - range.firstSerial + 1;
  const count = Math.max(0, Math.min(limit, STAMP_PAGE_MAX, total - offset));
  const signer = await ctx.keys.signerFor(range.kid);
  if (!signer) throw new AppError('unavailable', `Máy chủ không giữ khóa ký ${range.kid} của dải tem này.`);
  const stamps = [];
  for (let i = 0; i < count; i++) {
    const serial = range.firstSerial + offset + i;
    stamps.push({ serial, url: stampUrl(ctx.config.PUBLIC_ORIGIN, await signer.signStamp(serial)) });
  }
  const nextOffset = offset + count < total ? offset + count : null;
  return { rangeId: range.id, total, offset, stamps, nextOffset };
}
