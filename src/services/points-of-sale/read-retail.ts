import { z } from '@hono/zod-openapi';
import { and, asc, count, eq, isNull } from 'drizzle-orm';
import { apiTokens, people, pointsOfSale, retailOrganisations } from '../../db/schema';
import { listScope } from '../shared/policy';
import { service } from '../shared/service';
import { provinceCode, uuid } from '../registry/inputs';
import { loadOrganisation } from './load-organisation';

const PAGE_SIZE = 50;

/** The organisations in the actor's province (all for central and admin), by name, with their shop counts. */
export const listOrganisations = service({
  action: 'retail.read',
  input: z.object({ province: provinceCode.optional(), page: z.coerce.number().int().min(1).default(1) }),
  run: async ({ ctx, input }) => {
    const scope = listScope(ctx.actor, 'retail.read');
    const province = scope.provinceCode ?? input.province;
    const where = province ? eq(retailOrganisations.provinceCode, province) : undefined;
    const items = await ctx.db
      .select({
        id: retailOrganisations.id,
        name: retailOrganisations.name,
        registrationNumber: retailOrganisations.registrationNumber,
        provinceCode: retailOrganisations.provinceCode,
        status: retailOrganisations.status,
        points: count(pointsOfSale.id),
      })
      .from(retailOrganisations)
      .leftJoin(pointsOfSale, eq(pointsOfSale.organisationId, retailOrganisations.id))
      .where(where)
      .groupBy(retailOrganisations.id)
      .orderBy(asc(retailOrganisations.name), asc(retailOrganisations.id))
      .limit(PAGE_SIZE)
      .offset((input.page - 1) * PAGE_SIZE);
    const [total] = await ctx.db.select({ n: count() }).from(retailOrganisations).where(where);
    return { items, page: input.page, pageSize: PAGE_SIZE, total: Number(total?.n ?? 0) };
  },
});

/** One organisation with its points of sale and the accounts (clerks, machines) that act for it. */
export const organisationDetail = service({
  action: 'retail.read',
  input: z.object({ id: uuid }),
  run: async ({ ctx, input }) => {
    const organisation = await loadOrganisation(ctx, 'retail.read', input.id);
    const points = await ctx.db
      .select()
      .from(pointsOfSale)
      .where(eq(pointsOfSale.organisationId, organisation.id))
      .orderBy(asc(pointsOfSale.name));
    const clerks = await ctx.db
      .select({ id: people.id, name: people.name, disabledAt: people.disabledAt })
      .from(people)
      .where(eq(people.organisationId, organisation.id))
      .orderBy(asc(people.name));
    const tokens = await ctx.db
      .select({ id: apiTokens.id, name: apiTokens.name })
      .from(apiTokens)
      .where(and(eq(apiTokens.organisationId, organisation.id), isNull(apiTokens.revokedAt)))
      .orderBy(asc(apiTokens.name));
    return { organisation, points, clerks, tokens };
  },
});
