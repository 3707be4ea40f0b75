import { z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { withoutSearchText } from '../../db/search-text';
import { classification } from '../../data/taxonomy';
import { appendAudit } from '../audit/append-audit';
import { withTransaction } from '../shared/context';
import { invalid, notFound } from '../shared/errors';
import { authorize } from '../shared/policy';
import { service } from '../shared/service';
import { REGISTRY, REGISTRY_NOUNS, REGISTRY_SERVICES, REGISTRY_TABLES } from './entities';
import { uuid } from './inputs';
import { productTarget, subjectTarget } from './load-scope';

/** The entities whose records may change. Certificates are never edited: a re-evaluation is a new certificate. */
export type EditableKind = 'subjects' | 'areas' | 'products' | 'batches';
export const EDITABLE_KINDS: readonly EditableKind[] = ['subjects', 'areas', 'products', 'batches'];

/**
 * The edit of one entity: any subset of its editable fields. The record's owner and its links
 * (subject, product, certificate: the entity's `fixed` fields) cannot be moved by an edit.
 */
function updater(kind: EditableKind) {
  const entity = REGISTRY[kind];
  const action = entity.updates!;
  const table = REGISTRY_TABLES[kind] as unknown as PgTable & Record<string, PgColumn>;
  const columns = withoutSearchText(table) as Record<string, PgColumn>;
  return service({
    action,
    input: z.object({ id: uuid, patch: REGISTRY_SERVICES[kind].update! }),
    run: async ({ ctx, input }) => {
      const { id } = input;
      const patch = input.patch as Record<string, unknown>;
      const [before] = (await ctx.db.select(columns).from(table).where(eq(table.id!, id))) as Record<string, unknown>[];
      if (!before) throw notFound(REGISTRY_NOUNS[kind]);
      const target =
        kind === 'subjects'
          ? await subjectTarget(ctx.db, id)
          : kind === 'batches'
            ? await productTarget(ctx.db, before.productId as string)
            : await subjectTarget(ctx.db, before.subjectId as string);
      authorize(ctx.actor, action, { ...target, what: REGISTRY_NOUNS[kind] });
      // A subject moved to another province leaves this authority's jurisdiction: check it too.
      if (kind === 'subjects' && typeof patch.provinceCode === 'string' && patch.provinceCode !== target.provinceCode) {
        authorize(ctx.actor, action, { provinceCode: patch.provinceCode, subjectId: id });
      }
      const fixed: readonly string[] = entity.fixed;
      const changes = Object.fromEntries(
        Object.entries(patch).filter(([key, value]) => value !== undefined && !fixed.includes(key) && key !== 'id'),
      );
      if (kind === 'products') {
        const merged = { ...before, ...changes } as {
          taxonomyVersion: string;
          groupCode: string;
          subgroupCode: string;
        };
        if (!classification(merged.taxonomyVersion, merged.groupCode, merged.subgroupCode)) {
          throw invalid('Phân nhóm không có trong bảng phân loại.', [
            { path: 'subgroupCode', message: 'Không có phân nhóm này trong nhóm đã chọn.' },
          ]);
        }
      }
      if (Object.keys(changes).length === 0) return before;
      return withTransaction(ctx, async (tx) => {
        const [after] = (await tx.db.update(table).set(changes).where(eq(table.id!, id)).returning(columns)) as Record<
          string,
          unknown
        >[];
        // The audit names the record as its create entry does (`batch`, `raw_material_area`), so one filter finds both.
        await appendAudit(tx, { action, entity: entity.auditEntity, entityId: id, before, after });
        return after!;
      });
    },
  });
}

/** One edit service per editable entity, each checking its own policy action first. */
export const updateRegistryItem: Record<EditableKind, ReturnType<typeof updater>> = {
  subjects: updater('subjects'),
  areas: updater('areas'),
  products: updater('products'),
  batches: updater('batches'),
};
