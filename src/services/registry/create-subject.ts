import { z } from '@hono/zod-openapi';
import { subjects } from '../../db/schema';
import { withoutSearchText } from '../../db/search-text';
import { appendAudit } from '../audit/append-audit';
import { withTransaction } from '../shared/context';
import { authorize } from '../shared/policy';
import { service } from '../shared/service';
import { createSubjectInput } from './inputs';

export const createSubject = service({
  action: 'subject.create',
  input: createSubjectInput.extend({ demo: z.boolean().optional() }),
  run: async ({ ctx, input }) => {
    authorize(ctx.actor, 'subject.create', { provinceCode: input.provinceCode, subjectId: null });
    return withTransaction(ctx, async (tx) => {
      const [row] = await tx.db
        .insert(subjects)
        .values({ id: crypto.randomUUID(), ...input })
        .returning(withoutSearchText(subjects));
      await appendAudit(tx, { action: 'subject.create', entity: 'subject', entityId: row!.id, after: row });
      return row!;
    });
  },
});
