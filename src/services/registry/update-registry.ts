import { eq } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { batches, products, rawMaterialAreas, subjects } from '../../db/schema';
import { classification } from '../../data/taxonomy';
import { appendAudit } from '../audit/append-audit';
import { withTransaction, type ServiceContext } from '../shared/context';
import { invalid, notFound } from '../shared/errors';
import { authorize, type Action } from '../shared/policy';
import { productTarget, subjectTarget } from './load-scope';

/**
 * Edits of registry records that may change: subjects, areas, products and batches. Certificates
 * are never edited (a re-evaluation is a new certificate). The record's owner and its links
 * (subject, product, certificate) cannot be moved by an edit.
 */
const EDITABLE = {
  subjects: { table: subjects, entity: 'subject', action: 'subject.update', label: 'chủ thể', fixed: [] as string[] },
  areas: { table: rawMaterialAreas, entity: 'raw_material_area', action: 'area.update', label: 'vùng nguyên liệu', fixed: ['subjectId'] },
  products: { table: products, entity: 'product', action: 'product.update', label: 'sản phẩm', fixed: ['subjectId'] },
  batches: { table: batches, entity: 'batch', action: 'batch.update', label: 'lô hàng', fixed: ['productId', 'certificateId'] },
} satisfies Record<string, { table: PgTable; entity: string; action: Action; label: string; fixed: string[] }>;

export type EditableEntity = keyof typeof EDITABLE;
/** A validated partial of the entity's create input (the route checks it with that schema). */
export type RegistryPatch = Record<string, unknown>;

export async function updateRegistryItem({ ctx, entity, id, patch }: { ctx: ServiceContext; entity: EditableEntity; id: string; patch: RegistryPatch }) {
  const spec = EDITABLE[entity];
  const table = spec.table as unknown as PgTable & { id: PgColumn };
  const [before] = (await ctx.db.select().from(table).where(eq(table.id, id))) as Record<string, unknown>[];
  if (!before) throw notFound(spec.label);
  const target = entity === 'subjects' ? await subjectTarget(ctx.db, id)
    : entity === 'batches' ? await productTarget(ctx.db, before.productId as string)
    : await subjectTarget(ctx.db, before.subjectId as string);
  authorize(ctx.actor, spec.action, { ...target, what: spec.label });
  // A subject moved to another province leaves this authority's jurisdiction: check it too.
  if (entity === 'subjects' && typeof patch.provinceCode === 'string' && patch.provinceCode !== target.provinceCode) {
    authorize(ctx.actor, spec.action, { provinceCode: patch.provinceCode, subjectId: id });
  }
  const changes = Object.fromEntries(Object.entries(patch).filter(([key, value]) => value !== undefined && !spec.fixed.includes(key) && key !== 'id'));
  if (entity === 'products') {
    const merged = { ...before, ...changes } as { taxonomyVersion: string; groupCode: string; subgroupCode: string };
    if (!classification(merged.taxonomyVersion, merged.groupCode, merged.subgroupCode)) {
      throw invalid('Phân nhóm không có trong bảng phân loại.', [{ path: 'subgroupCode', message: 'Không có phân nhóm này trong nhóm đã chọn.' }]);
    }
  }
  if (Object.keys(changes).length === 0) return before;
  return withTransaction(ctx, async (tx) => {
    const [after] = (await tx.db.update(table).set(changes).where(eq(table.id, id)).returning()) as Record<string, unknown>[];
    // The audit names the record as its create entry does (`batch`, `raw_material_area`), so one filter finds both.
    await appendAudit(tx, { action: spec.action, entity: spec.entity, entityId: id, before, after });
    return after!;
  });
}
