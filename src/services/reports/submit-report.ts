import { reports } from '../../db/schema';
import type { ServiceContext } from '../shared/context';
import { verifyStamp } from '../verification/verify-stamps';
import type { SubmitReportInput } from './inputs';

/**
 * Files a consumer report. Anyone may report (the route rate-limits it); the report goes to the
 * province of the stamp's producer, or for a code we cannot place (forged, unknown) to the
 * province where it was bought, else the central queue. Empty optional fields are stored as null.
 */
export async function submitReport({ ctx, input }: { ctx: ServiceContext; input: SubmitReportInput }) {
  const verdict = await verifyStamp(ctx, input.code);
  const [row] = await ctx.db.insert(reports).values({
    id: crypto.randomUUID(), code: verdict.code, serial: verdict.serial, verdictStatus: verdict.status,
    provinceCode: verdict.subject?.provinceCode ?? input.purchaseProvinceCode ?? null,
    subjectId: verdict.subjectId ?? null, productId: verdict.productId ?? null,
    problem: input.problem, details: input.details, placeOfPurchase: input.placeOfPurchase || null, contact: input.contact || null,
    createdAt: ctx.now(),
  }).returning({ id: reports.id, provinceCode: reports.provinceCode });
  return row!;
}
