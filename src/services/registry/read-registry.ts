import { and, count, desc, eq, ilike, or, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { batchAreas, batches, certificates, products, rawMaterialAreas, subjects } from '../../db/schema';
import type { ServiceContext } from '../shared/context';
import { notFound } from '../shared/errors';
import { authorize, listScope } from '../shared/policy';
import type { ListQuery } from './inputs';

/**
 * How each registry entity reaches its subject (the unit of tenancy) and what `q` searches.
 * Every read joins to `subjects`, so the actor's scope filters it in SQL.
 */
const ENTITIES = {
  subjects: { table: subjects, label: 'chủ thể', viaProduct: false, subjectColumn: subjects.id, search: [subjects.name, subjects.registrationNumber] },
  areas: { table: rawMaterialAreas, label: 'vùng nguyên liệu', viaProduct: false, subjectColumn: rawMaterialAreas.subjectId, search: [rawMaterialAreas.name, rawMaterialAreas.officialCode] },
  products: { table: products, label: 'sản phẩm', viaProduct: false, subjectColumn: products.subjectId, search: [products.name, products.gtin] },
  certificates: { table: certificates, label: 'giấy chứng nhận', viaProduct: true, productColumn: certificates.productId, search: [certificates.number, certificates.decisionNumber] },
  batches: { table: batches, label: 'lô hàng', viaProduct: true, productColumn: batches.productId, search: [batches.lot] },
} satisfies Record<string, { table: PgTable; label: string; viaProduct: boolean; subjectColumn?: PgColumn; productColumn?: PgColumn; search: PgColumn[] }>;

export type RegistryEntity = keyof typeof ENTITIES;

function scoped(ctx: ServiceContext, entity: RegistryEntity, where: SQL | undefined) {
  const spec = ENTITIES[entity];
  const scope = listScope(ctx.actor, 'registry.read');
  const conditions = and(
    where,
    scope.provinceCode ? eq(subjects.provinceCode, scope.provinceCode) : undefined,
    scope.subjectId ? eq(subjects.id, scope.subjectId) : undefined,
  );
  const build = <S extends Record<string, unknown>>(fields: S) => {
    const base = ctx.db.select(fields as never).from(spec.table as PgTable);
    const joined = 'productColumn' in spec
      ? base.innerJoin(products, eq(spec.productColumn, products.id)).innerJoin(subjects, eq(products.subjectId, subjects.id))
      : spec.table === subjects ? base : base.innerJoin(subjects, eq(spec.subjectColumn, subjects.id));
    return joined.where(conditions);
  };
  return build;
}

export async function listRegistry(ctx: ServiceContext, entity: RegistryEntity, query: ListQuery) {
  const spec = ENTITIES[entity];
  const search = query.q ? or(...spec.search.map((column) => ilike(column, `%${query.q!.replace(/[%_\\]/g, '\\$&')}%`))) : undefined;
  const build = scoped(ctx, entity, search);
  const table = spec.table as unknown as Record<string, PgColumn>;
  const rows = await build({ row: spec.table })
    .orderBy(desc(table.createdAt!)).limit(query.pageSize).offset((query.page - 1) * query.pageSize);
  const [total] = await build({ n: count() });
  return { items: (rows as { row: unknown }[]).map((r) => r.row), page: query.page, pageSize: query.pageSize, total: Number((total as unknown as { n: number } | undefined)?.n ?? 0) };
}

export async function getRegistryItem(ctx: ServiceContext, entity: RegistryEntity, id: string) {
  authorize(ctx.actor, 'registry.read');
  const spec = ENTITIES[entity];
  const table = spec.table as unknown as Record<string, PgColumn>;
  const [found] = await scoped(ctx, entity, eq(table.id!, id))({ row: spec.table }).limit(1);
  if (!found) throw notFound(spec.label);
  const row = (found as { row: Record<string, unknown> }).row;
  if (entity !== 'batches') return row;
  const areas = await ctx.db.select({ areaId: batchAreas.areaId }).from(batchAreas).where(eq(batchAreas.batchId, id));
  return { ...row, areaIds: areas.map((a) => a.areaId) };
}
