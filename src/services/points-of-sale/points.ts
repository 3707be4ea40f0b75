import { eq } from 'drizzle-orm';
import { z } from '@hono/zod-openapi';
import { pointsOfSale } from '../../db/schema';
import { appendAudit } from '../audit/append-audit';
import { withTransaction } from '../shared/context';
import { conflict } from '../shared/errors';
import { service } from '../shared/service';
import { uuid } from '../registry/inputs';
import { changeRegistrationStatusInput, registerPointOfSaleInput, updatePointOfSaleInput } from './inputs';
import { loadOrganisation, loadPointOfSale } from './load-organisation';
import { changeStanding } from './standing-change';

/**
 * Designates a shop of an organisation as "Điểm giới thiệu và bán sản phẩm OCOP". It lies in its
 * organisation's province, which is what the authority's reach is checked against.
 */
export const registerPointOfSale = service({
  action: 'retail.register',
  input: registerPointOfSaleInput,
  run: async ({ ctx, input }) => {
    const organisation = await loadOrganisation(ctx, 'retail.register', input.organisationId);
    if (organisation.status === 'closed') throw conflict('Tổ chức bán lẻ đã đóng; không đăng ký thêm điểm bán được.');
    return withTransaction(ctx, async (tx) => {
      const [row] = await tx.db
        .insert(pointsOfSale)
        .values({ id: crypto.randomUUID(), ...input, provinceCode: organisation.provinceCode, createdAt: ctx.now() })
        .returning();
      await appendAudit(tx, { action: 'retail.register', entity: 'point_of_sale', entityId: row!.id, after: row });
      return row!;
    });
  },
});

export const updatePointOfSale = service({
  action: 'retail.update',
  input: z.object({ id: uuid, patch: updatePointOfSaleInput }),
  run: async ({ ctx, input }) => {
    const { point: before } = await loadPointOfSale(ctx, 'retail.update', input.id);
    const changes = Object.fromEntries(Object.entries(input.patch).filter(([, value]) => value !== undefined));
    if (Object.keys(changes).length === 0) return before;
    return withTransaction(ctx, async (tx) => {
      const [after] = await tx.db.update(pointsOfSale).set(changes).where(eq(pointsOfSale.id, before.id)).returning();
      await appendAudit(tx, { action: 'retail.update', entity: 'point_of_sale', entityId: before.id, before, after });
      return after!;
    });
  },
});

/** Suspends, reinstates or closes a point of sale; its plaque says so on the next scan. */
export const changePointOfSaleStatus = service({
  action: 'retail.status',
  input: changeRegistrationStatusInput.extend({ id: uuid }),
  run: async ({ ctx, input }) => {
    const { point } = await loadPointOfSale(ctx, 'retail.status', input.id);
    return changeStanding(ctx, 'point', point, input);
  },
});
