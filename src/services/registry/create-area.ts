import { rawMaterialAreas } from '../../db/schema';
import { withoutSearchText } from '../../db/search-text';
import { appendAudit } from '../audit/append-audit';
import { withTransaction } from '../shared/context';
import { authorize } from '../shared/policy';
import { service } from '../shared/service';
import { createAreaInput } from './inputs';
import { subjectTarget } from './load-scope';

export const createRawMaterialArea = service({
  action: 'area.create',
  input: createAreaInput,
  run: async ({ ctx, input }) => {
    authorize(ctx.actor, 'area.create', await subjectTarget(ctx.db, input.subjectId));
    return withTransaction(ctx, async (tx) => {
      const [row] = await tx.db
        .insert(rawMaterialAreas)
        .values({ id: crypto.randomUUID(), ...input })
        .returning(withoutSearchText(rawMaterialAreas));
      await appendAudit(tx, { action: 'area.create', entity: 'raw_material_area', entityId: row!.id, after: row });
      return row!;
    });
  },
});
