import { reports } from '../../db/schema';
import { appendAudit } from '../audit/append-audit';
import { withTransaction, type ServiceContext } from '../shared/context';
import { verifyStamp } from '../verification/verify-stamps';
import type { SubmitReportInput } from './inputs';

/**
 * Files a consumer report. Anyone may report (the route rate-limits it); the report goes to the
 * province of the stamp's producer, or for a code we cannot place (forged, unknown) to the
 * province where it was bought, else the central queue. Empty optional fields are stored as null,
 * and the audit entry leaves the contact details out: personal data stays in one place.
 */
export async function submitReport({ ctx, input }: { ctx: ServiceContext; input: SubmitReportInput }) {
  const verdict = await verifyStamp(ctx, input.code);
  return withTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .insert(reports)
      .values({
        id: crypto.randomUUID(),
        code: verdict.code,
        serial: verdict.serial,
        verdictStatus: verdict.status,
        provinceCode: verdict.subject?.provinceCode ?? input.purchaseProvinceCode ?? null,
        subjectId: verdict.subjectId ?? null,
        productId: verdict.productId ?? null,
        problem: input.problem,
        details: input.details,
        placeOfPurchase: input.placeOfPurchase || null,
        contact: input.contact || null,
        createdAt: ctx.now(),
      })
      .returning({
        id: reports.id,
        provinceCode: reports.provinceCode,
        problem: reports.problem,
        verdictStatus: reports.verdictStatus,
      });
    await appendAudit(tx, { action: 'report.submit', entity: 'report', entityId: row!.id, after: row });
    return { id: row!.id, provinceCode: row!.provinceCode };
  });
}
