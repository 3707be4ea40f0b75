import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { pointsOfSale, retailOrganisations } from '../../db/schema';
import type { ServiceContext } from '../shared/context';
import { notFound } from '../shared/errors';
import { authorize, type Action } from '../shared/policy';

export type OrganisationRow = typeof retailOrganisations.$inferSelect;
export type PointOfSaleRow = typeof pointsOfSale.$inferSelect;

export const ORGANISATION_NOUN = 'tổ chức bán lẻ';
export const POINT_OF_SALE_NOUN = 'điểm bán';

/** An organisation by id, unscoped: for checks that then apply the caller's own rule. */
export async function organisationTarget(db: Db, id: string): Promise<OrganisationRow | null> {
  const [row] = await db.select().from(retailOrganisations).where(eq(retailOrganisations.id, id));
  return row ?? null;
}

/** An organisation the actor may act on; outside its province it answers as a missing one (404). */
export async function loadOrganisation(ctx: ServiceContext, action: Action, id: string): Promise<OrganisationRow> {
  const row = await organisationTarget(ctx.db, id);
  if (!row) throw notFound(ORGANISATION_NOUN);
  authorize(ctx.actor, action, { provinceCode: row.provinceCode, subjectId: null, what: ORGANISATION_NOUN });
  return row;
}

/** A point of sale with its organisation, scoped as `loadOrganisation`. */
export async function loadPointOfSale(
  ctx: ServiceContext,
  action: Action,
  id: string,
): Promise<{ point: PointOfSaleRow; organisation: OrganisationRow }> {
  const [row] = await ctx.db
    .select({ point: pointsOfSale, organisation: retailOrganisations })
    .from(pointsOfSale)
    .innerJoin(retailOrganisations, eq(pointsOfSale.organisationId, retailOrganisations.id))
    .where(eq(pointsOfSale.id, id));
  if (!row) throw notFound(POINT_OF_SALE_NOUN);
  authorize(ctx.actor, action, { provinceCode: row.point.provinceCode, subjectId: null, what: POINT_OF_SALE_NOUN });
  return row;
}
