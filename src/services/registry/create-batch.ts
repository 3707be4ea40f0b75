import { and, desc, eq, inArray } from 'drizzle-orm';
import { batchAreas, batches, certificates, rawMaterialAreas } from '../../db/schema';
import { withoutSearchText } from '../../db/search-text';
import { appendAudit } from '../audit/append-audit';
import { withTransaction } from '../shared/context';
import { conflict, invalid } from '../shared/errors';
import { authorize } from '../shared/policy';
import { service } from '../shared/service';
import { createBatchInput } from './inputs';
import { productTarget } from './load-scope';

/** A batch is made under one certificate of its product, from areas of the same subject. */
export const createBatch = service({
  action: 'batch.create',
  input: createBatchInput,
  run: async ({ ctx, input }) => {
    const target = await productTarget(ctx.db, input.productId);
    authorize(ctx.actor, 'batch.create', target);

    const [certificate] = await ctx.db
      .select({ id: certificates.id })
      .from(certificates)
      .where(
        and(
          eq(certificates.productId, input.productId),
          input.certificateId ? eq(certificates.id, input.certificateId) : undefined,
        ),
      )
      .orderBy(desc(certificates.decisionDate))
      .limit(1);
    if (!certificate) {
      throw invalid('Sản phẩm chưa có giấy chứng nhận OCOP phù hợp.', [
        { path: 'certificateId', message: 'Không tìm thấy chứng nhận của sản phẩm này.' },
      ]);
    }
    if (input.areaIds.length > 0) {
      const owned = await ctx.db
        .select({ id: rawMaterialAreas.id })
        .from(rawMaterialAreas)
        .where(and(inArray(rawMaterialAreas.id, input.areaIds), eq(rawMaterialAreas.subjectId, target.subjectId)));
      if (owned.length !== new Set(input.areaIds).size) {
        throw invalid('Vùng nguyên liệu không thuộc chủ thể này.', [
          { path: 'areaIds', message: 'Có vùng nguyên liệu không tồn tại hoặc của chủ thể khác.' },
        ]);
      }
    }
    const { areaIds, ...fields } = input;
    return withTransaction(ctx, async (tx) => {
      const [row] = await tx.db
        .insert(batches)
        .values({ id: crypto.randomUUID(), ...fields, certificateId: certificate.id })
        .onConflictDoNothing()
        .returning(withoutSearchText(batches));
      if (!row) throw conflict(`Lô ${input.lot} đã tồn tại cho sản phẩm này.`);
      if (areaIds.length > 0)
        await tx.db.insert(batchAreas).values([...new Set(areaIds)].map((areaId) => ({ batchId: row.id, areaId })));
      await appendAudit(tx, { action: 'batch.create', entity: 'batch', entityId: row.id, after: { ...row, areaIds } });
      return { ...row, areaIds };
    });
  },
});
