import { z } from '@hono/zod-openapi';
import { and, count, desc, eq, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { batchAreas, products, subjects } from '../../db/schema';
import { matchesAllTerms, withoutSearchText } from '../../db/search-text';
import { REGISTRY_KINDS, type RegistryKind } from '../../domain/registry-entities';
import type { ServiceContext } from '../shared/context';
import { notFound } from '../shared/errors';
import { listScope } from '../shared/policy';
import { service } from '../shared/service';
import { REGISTRY, REGISTRY_NOUNS, REGISTRY_TABLES } from './entities';
import { listQuery, uuid } from './inputs';

type Columns = Record<string, PgColumn>;
export type RegistryRow = Record<string, unknown> & { id: string };

/**
 * A select of one entity joined to its subject (the unit of tenancy), so the actor's scope
 * filters it in SQL: a producer sees its own subject's records, an inspector its province's.
 */
function scopedSelect(
  ctx: ServiceContext,
  kind: RegistryKind,
  fields: Record<string, PgColumn | SQL>,
  where: SQL | undefined,
) {
  const table = REGISTRY_TABLES[kind] as unknown as PgTable & Columns;
  const scope = listScope(ctx.actor, 'registry.read');
  const query = ctx.db.select(fields).from(table).$dynamic();
  const via = REGISTRY[kind].scope;
  if (via === 'subjectId') query.innerJoin(subjects, eq(table.subjectId!, subjects.id));
  if (via === 'productId') {
    query
      .innerJoin(products, eq(table.productId!, products.id))
      .innerJoin(subjects, eq(products.subjectId, subjects.id));
  }
  return query.where(
    and(
      where,
      scope.provinceCode ? eq(subjects.provinceCode, scope.provinceCode) : undefined,
      scope.subjectId ? eq(subjects.id, scope.subjectId) : undefined,
    ),
  );
}

const kind = z.enum(REGISTRY_KINDS);

/** A page of one entity in the actor's scope, newest first; `q` keeps the records holding every word of it. */
export const listRegistry = service({
  action: 'registry.read',
  input: listQuery.extend({ kind }),
  run: async ({ ctx, input }) => {
    const table = REGISTRY_TABLES[input.kind] as unknown as PgTable & Columns;
    const where = input.q ? matchesAllTerms(table.searchText!, input.q) : undefined;
    const rows = await scopedSelect(ctx, input.kind, withoutSearchText(table) as Columns, where)
      .orderBy(desc(table.createdAt!), desc(table.id!))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize);
    const [total] = await scopedSelect(ctx, input.kind, { n: count() }, where);
    return { items: rows as RegistryRow[], page: input.page, pageSize: input.pageSize, total: Number(total?.n ?? 0) };
  },
});

/** One record in the actor's scope (a batch with its raw-material areas); outside it, a 404 like a missing one. */
export const getRegistryItem = service({
  action: 'registry.read',
  input: z.object({ kind, id: uuid }),
  run: async ({ ctx, input }) => {
    const table = REGISTRY_TABLES[input.kind] as unknown as PgTable & Columns;
    const [row] = (await scopedSelect(
      ctx,
      input.kind,
      withoutSearchText(table) as Columns,
      eq(table.id!, input.id),
    ).limit(1)) as RegistryRow[];
    if (!row) throw notFound(REGISTRY_NOUNS[input.kind]);
    if (input.kind !== 'batches') return row;
    const areas = await ctx.db
      .select({ areaId: batchAreas.areaId })
      .from(batchAreas)
      .where(eq(batchAreas.batchId, input.id));
    return { ...row, areaIds: areas.map((a) => a.areaId) };
  },
});
