import { z } from '@hono/zod-openapi';
import { and, asc, count, eq, type SQL } from 'drizzle-orm';
import { pointsOfSale, retailOrganisations } from '../../db/schema';
import { pointOfSaleStanding, type Standing } from '../../domain/registration-standing';
import type { ServiceContext } from '../shared/context';
import { notFound } from '../shared/errors';
import { service } from '../shared/service';
import { provinceCode, uuid } from '../registry/inputs';
import { pointsOfSaleQuery } from './inputs';
import { POINT_OF_SALE_NOUN } from './load-organisation';

export const REGISTER_PAGE_SIZE = 30;

/** What the public register shows of a point of sale: what its plaque and designation already make public. */
export type PublicPointOfSale = {
  id: string;
  name: string;
  address: string;
  communeCode: string;
  communeName: string;
  provinceCode: string;
  organisationName: string;
  registrationNumber: string | null;
  openedOn: string;
  closedOn: string | null;
  /** The worse of the shop's and its organisation's status. */
  status: Standing;
  /** Why it is suspended or closed, and since when (the later of the two changes that apply). */
  statusReason: string | null;
  statusChangedAt: Date | null;
};

const publicFields = {
  id: pointsOfSale.id,
  name: pointsOfSale.name,
  address: pointsOfSale.address,
  communeCode: pointsOfSale.communeCode,
  communeName: pointsOfSale.communeName,
  provinceCode: pointsOfSale.provinceCode,
  organisationName: retailOrganisations.name,
  registrationNumber: retailOrganisations.registrationNumber,
  openedOn: pointsOfSale.openedOn,
  closedOn: pointsOfSale.closedOn,
  pointStatus: pointsOfSale.status,
  pointReason: pointsOfSale.statusReason,
  pointChangedAt: pointsOfSale.statusChangedAt,
  organisationStatus: retailOrganisations.status,
  organisationReason: retailOrganisations.statusReason,
  organisationChangedAt: retailOrganisations.statusChangedAt,
};

function selectPoints(ctx: ServiceContext, where: SQL | undefined) {
  return ctx.db
    .select(publicFields)
    .from(pointsOfSale)
    .innerJoin(retailOrganisations, eq(pointsOfSale.organisationId, retailOrganisations.id))
    .where(where);
}

function toPublic(row: Awaited<ReturnType<typeof selectPoints>>[number]): PublicPointOfSale {
  const status = pointOfSaleStanding(row.pointStatus, row.organisationStatus);
  // The reason shown is the one that decides the standing: the organisation's when it is the worse.
  const byOrganisation = status !== row.pointStatus;
  const {
    pointStatus,
    pointReason,
    pointChangedAt,
    organisationStatus,
    organisationReason,
    organisationChangedAt,
    ...rest
  } = row;
  return {
    ...rest,
    status,
    statusReason: status === 'open' ? null : byOrganisation ? organisationReason : pointReason,
    statusChangedAt: byOrganisation ? organisationChangedAt : pointChangedAt,
  };
}

/** The public list: by province and commune, then name. */
export const listPublicPointsOfSale = service({
  action: 'public',
  input: pointsOfSaleQuery,
  run: async ({ ctx, input }) => {
    const where = and(
      input.province ? eq(pointsOfSale.provinceCode, input.province) : undefined,
      input.commune ? eq(pointsOfSale.communeCode, input.commune) : undefined,
    );
    const rows = await selectPoints(ctx, where)
      .orderBy(
        asc(pointsOfSale.provinceCode),
        asc(pointsOfSale.communeName),
        asc(pointsOfSale.name),
        asc(pointsOfSale.id),
      )
      .limit(REGISTER_PAGE_SIZE)
      .offset((input.page - 1) * REGISTER_PAGE_SIZE);
    const [total] = await ctx.db.select({ n: count() }).from(pointsOfSale).where(where);
    return { items: rows.map(toPublic), page: input.page, pageSize: REGISTER_PAGE_SIZE, total: Number(total?.n ?? 0) };
  },
});

/** The communes of a province that have a point of sale, for the register's filter. */
export const communesWithPointsOfSale = service({
  action: 'public',
  input: z.object({ province: provinceCode }),
  run: async ({ ctx, input }) =>
    ctx.db
      .selectDistinct({ code: pointsOfSale.communeCode, name: pointsOfSale.communeName })
      .from(pointsOfSale)
      .where(eq(pointsOfSale.provinceCode, input.province))
      .orderBy(asc(pointsOfSale.communeName), asc(pointsOfSale.communeCode)),
});

/** One point of sale's live standing: what its plaque's code resolves to, read at the origin each time. */
export const publicPointOfSale = service({
  action: 'public',
  input: z.object({ id: uuid }),
  run: async ({ ctx, input }) => {
    const [row] = await selectPoints(ctx, eq(pointsOfSale.id, input.id));
    if (!row) throw notFound(POINT_OF_SALE_NOUN);
    return toPublic(row);
  },
});
