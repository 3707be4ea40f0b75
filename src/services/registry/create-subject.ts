import { subjects } from '../../db/schema';
import { withoutSearchText } from '../../db/search-text';
import { appendAudit } from '../audit/append-audit';
import { withTransaction, type ServiceContext } from '../shared/context';
import { authorize } from '../shared/policy';
import type { CreateSubjectInput } from './inputs';

export async function createSubject({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: CreateSubjectInput & { demo?: boolean };
}) {
  authorize(ctx.actor, 'subject.create', { provinceCode: input.provinceCode, subjectId: null });
  return withTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .insert(subjects)
      .values({ id: crypto.randomUUID(), ...input })
      .returning(withoutSearchText(subjects));
    await appendAudit(tx, { action: 'subject.create', entity: 'subject', entityId: row!.id, after: row });
    return row!;
  });
}
