import { and, eq } from 'drizzle-orm';
import { pointsOfSale, retailOrganisations } from '../../db/schema';
import { vietnamToday } from '../../domain/calendar';
import { standingChangeAllowed, type Standing } from '../../domain/registration-standing';
import { appendAudit } from '../audit/append-audit';
import { withTransaction, type ServiceContext } from '../shared/context';
import { conflict } from '../shared/errors';

export type StandingChange = { status: Standing; reason: string; closedOn?: string };

/**
 * Records a change of standing with its reason and audits it in the same transaction. The update
 * is conditional on the status read before, so two authorities acting at once cannot both win.
 */
export async function changeStanding(
  ctx: ServiceContext,
  kind: 'organisation' | 'point',
  before: { id: string; status: Standing },
  change: StandingChange,
) {
  if (!standingChangeAllowed(before.status, change.status)) {
    throw conflict(
      before.status === 'closed'
        ? 'Đã đóng thì không mở lại được; hãy đăng ký mới.'
        : 'Trạng thái mới trùng với trạng thái hiện tại.',
    );
  }
  const at = ctx.now();
  const common = { status: change.status, statusReason: change.reason, statusChangedAt: at };
  return withTransaction(ctx, async (tx) => {
    const [after] =
      kind === 'organisation'
        ? await tx.db
            .update(retailOrganisations)
            .set(common)
            .where(and(eq(retailOrganisations.id, before.id), eq(retailOrganisations.status, before.status)))
            .returning()
        : await tx.db
            .update(pointsOfSale)
            .set({
              ...common,
              ...(change.status === 'closed' ? { closedOn: change.closedOn ?? vietnamToday(at) } : {}),
            })
            .where(and(eq(pointsOfSale.id, before.id), eq(pointsOfSale.status, before.status)))
            .returning();
    if (!after) throw conflict('Bản ghi vừa được người khác thay đổi; hãy tải lại.');
    await appendAudit(tx, {
      action: 'retail.status',
      entity: kind === 'organisation' ? 'retail_organisation' : 'point_of_sale',
      entityId: before.id,
      before,
      after,
    });
    return after;
  });
}
