import { rawMaterialAreas } from '../../db/schema';
import { withoutSearchText } from '../../db/search-text';
import { appendAudit } from '../audit/append-audit';
import { withTransaction, type ServiceContext } from '../shared/context';
import { authorize } from '../shared/policy';
import type { CreateAreaInput } from './inputs';
import { subjectTarget } from './load-scope';

export async function createRawMaterialArea({ ctx, input }: { ctx: ServiceContext; input: CreateAreaInput }) {
  authorize(ctx.actor, 'area.create', await subjectTarget(ctx.db, input.subjectId));
  return withTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .insert(rawMaterialAreas)
      .values({ id: crypto.randomUUID(), ...input })
      .returning(withoutSearchText(rawMaterialAreas));
    await appendAudit(tx, { action: 'area.create', entity: 'raw_material_area', entityId: row!.id, after: row });
    return row!;
  });
}
