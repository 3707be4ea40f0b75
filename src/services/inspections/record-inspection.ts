import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { batches, inspections, products, rawMaterialAreas } from '../../db/schema';
import { appendAudit } from '../audit/append-audit';
import { subjectTarget } from '../registry/load-scope';
import { withTransaction, type ServiceContext } from '../shared/context';
import { notFound } from '../shared/errors';
import { actorLabel, authorize } from '../shared/policy';
import type { RecordInspectionInput } from './inputs';

/** Resolves the inspected thing to its subject and product, whatever the scope. */
async function resolveScope(db: Db, input: RecordInspectionInput) {
  if (input.scope === 'batch') {
    const [b] = await db
      .select({ productId: batches.productId, subjectId: products.subjectId })
      .from(batches)
      .innerJoin(products, eq(batches.productId, products.id))
      .where(eq(batches.id, input.batchId!));
    if (!b) throw notFound('lô hàng');
    return { subjectId: b.subjectId, productId: b.productId, batchId: input.batchId!, areaId: null };
  }
  if (input.scope === 'product') {
    const [p] = await db
      .select({ subjectId: products.subjectId })
      .from(products)
      .where(eq(products.id, input.productId!));
    if (!p) throw notFound('sản phẩm');
    return { subjectId: p.subjectId, productId: input.productId!, batchId: null, areaId: null };
  }
  if (input.scope === 'area') {
    const [a] = await db
      .select({ subjectId: rawMaterialAreas.subjectId })
      .from(rawMaterialAreas)
      .where(eq(rawMaterialAreas.id, input.areaId!));
    if (!a) throw notFound('vùng nguyên liệu');
    return { subjectId: a.subjectId, productId: null, batchId: null, areaId: input.areaId! };
  }
  return { subjectId: input.subjectId!, productId: null, batchId: null, areaId: null };
}

/** An inspector records a hậu kiểm inspection inside its province; actions may then cite it. */
export async function recordInspection({ ctx, input }: { ctx: ServiceContext; input: RecordInspectionInput }) {
  const scope = await resolveScope(ctx.db, input);
  const target = await subjectTarget(ctx.db, scope.subjectId);
  authorize(ctx.actor, 'inspection.record', target);
  return withTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .insert(inspections)
      .values({
        id: crypto.randomUUID(),
        ...scope,
        provinceCode: target.provinceCode,
        scope: input.scope,
        inspectedOn: input.inspectedOn,
        agency: input.agency,
        findings: input.findings,
        samples: input.samples,
        result: input.result,
        attachments: input.attachments,
        recordedBy: actorLabel(ctx.actor),
      })
      .returning();
    await appendAudit(tx, { action: 'inspection.record', entity: 'inspection', entityId: row!.id, after: row });
    return row!;
  });
}
