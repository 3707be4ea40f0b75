import { and, eq, ne } from 'drizzle-orm';
import { z } from '@hono/zod-openapi';
import { retailOrganisations } from '../../db/schema';
import { appendAudit } from '../audit/append-audit';
import { withTransaction, type ServiceContext } from '../shared/context';
import { conflict } from '../shared/errors';
import { authorize } from '../shared/policy';
import { service } from '../shared/service';
import { uuid } from '../registry/inputs';
import { changeRegistrationStatusInput, registerOrganisationInput, updateOrganisationInput } from './inputs';
import { loadOrganisation } from './load-organisation';
import { changeStanding } from './standing-change';

/** One live registration per registration number and province: a second is a typing slip or a duplicate. */
async function refuseDuplicate(
  ctx: Pick<ServiceContext, 'db'>,
  provinceCode: string,
  registrationNumber: string,
  self?: string,
) {
  const [other] = await ctx.db
    .select({ id: retailOrganisations.id })
    .from(retailOrganisations)
    .where(
      and(
        eq(retailOrganisations.provinceCode, provinceCode),
        eq(retailOrganisations.registrationNumber, registrationNumber),
        ne(retailOrganisations.status, 'closed'),
        self ? ne(retailOrganisations.id, self) : undefined,
      ),
    )
    .limit(1);
  if (other) throw conflict('Số đăng ký kinh doanh này đã có một tổ chức bán lẻ đang hoạt động trong tỉnh.');
}

/** Registers a retailer organisation in the authority's province. */
export const registerOrganisation = service({
  action: 'retail.register',
  input: registerOrganisationInput,
  run: async ({ ctx, input }) => {
    authorize(ctx.actor, 'retail.register', { provinceCode: input.provinceCode, subjectId: null });
    return withTransaction(ctx, async (tx) => {
      // The words for the common case; the unique index settles a race (a 409 all the same).
      await refuseDuplicate(tx, input.provinceCode, input.registrationNumber);
      const [row] = await tx.db
        .insert(retailOrganisations)
        .values({ id: crypto.randomUUID(), ...input, createdAt: ctx.now() })
        .returning();
      await appendAudit(tx, {
        action: 'retail.register',
        entity: 'retail_organisation',
        entityId: row!.id,
        after: row,
      });
      return row!;
    });
  },
});

/** Edits an organisation's name, registration number or address; its province is fixed. */
export const updateOrganisation = service({
  action: 'retail.update',
  input: z.object({ id: uuid, patch: updateOrganisationInput }),
  run: async ({ ctx, input }) => {
    const before = await loadOrganisation(ctx, 'retail.update', input.id);
    const changes = Object.fromEntries(Object.entries(input.patch).filter(([, value]) => value !== undefined));
    if (Object.keys(changes).length === 0) return before;
    return withTransaction(ctx, async (tx) => {
      if (input.patch.registrationNumber)
        await refuseDuplicate(tx, before.provinceCode, input.patch.registrationNumber, before.id);
      const [after] = await tx.db
        .update(retailOrganisations)
        .set(changes)
        .where(eq(retailOrganisations.id, before.id))
        .returning();
      await appendAudit(tx, {
        action: 'retail.update',
        entity: 'retail_organisation',
        entityId: before.id,
        before,
        after,
      });
      return after!;
    });
  },
});

/** Suspends, reinstates or closes an organisation; its points of sale read as the worse of both. */
export const changeOrganisationStatus = service({
  action: 'retail.status',
  input: changeRegistrationStatusInput.extend({ id: uuid }),
  run: async ({ ctx, input }) => {
    const before = await loadOrganisation(ctx, 'retail.status', input.id);
    return changeStanding(ctx, 'organisation', before, input);
  },
});
