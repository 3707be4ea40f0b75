import { products } from '../../db/schema';
import { withoutSearchText } from '../../db/search-text';
import { classification } from '../../data/taxonomy';
import { appendAudit } from '../audit/append-audit';
import { withTransaction } from '../shared/context';
import { invalid } from '../shared/errors';
import { authorize } from '../shared/policy';
import { service } from '../shared/service';
import { createProductInput } from './inputs';
import { subjectTarget } from './load-scope';

export const createProduct = service({
  action: 'product.create',
  input: createProductInput,
  run: async ({ ctx, input }) => {
    authorize(ctx.actor, 'product.create', await subjectTarget(ctx.db, input.subjectId));
    if (!classification(input.taxonomyVersion, input.groupCode, input.subgroupCode)) {
      throw invalid('Phân nhóm không có trong bảng phân loại đã chọn.', [
        {
          path: 'subgroupCode',
          message: `Không có phân nhóm ${input.subgroupCode} trong nhóm ${input.groupCode} (${input.taxonomyVersion}).`,
        },
      ]);
    }
    return withTransaction(ctx, async (tx) => {
      const [row] = await tx.db
        .insert(products)
        .values({ id: crypto.randomUUID(), ...input })
        .returning(withoutSearchText(products));
      await appendAudit(tx, { action: 'product.create', entity: 'product', entityId: row!.id, after: row });
      return row!;
    });
  },
});
