import { and, asc, countDistinct, eq, gt, gte, isNull, lte } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client';
import { certificates, planTargets, products, subjects } from '../../db/schema';
import { targetProgress, type TargetProgress } from '../../domain/plan-targets';
import { inProvince } from './registry-counts';
import { communesWith, type CommuneCount } from './summarize';

const superseded = alias(certificates, 'superseded');

/** Products first certified (no earlier certificate superseded) and products upgraded, in a window of years. */
async function productsMoved(db: Db, provinceCode: string | null, sinceYear: number, year: number) {
  const window = and(
    inProvince(provinceCode),
    gte(certificates.decisionDate, `${sinceYear}-01-01`),
    lte(certificates.decisionDate, `${year}-12-31`),
  );
  const [fresh] = await db
    .select({ n: countDistinct(certificates.productId) })
    .from(certificates)
    .innerJoin(products, eq(products.id, certificates.productId))
    .innerJoin(subjects, eq(subjects.id, products.subjectId))
    .where(and(window, isNull(certificates.supersedesId)));
  const [upgraded] = await db
    .select({ n: countDistinct(certificates.productId) })
    .from(certificates)
    .innerJoin(superseded, eq(superseded.id, certificates.supersedesId))
    .innerJoin(products, eq(products.id, certificates.productId))
    .innerJoin(subjects, eq(subjects.id, products.subjectId))
    .where(and(window, gt(certificates.stars, superseded.stars)));
  return { newProducts: Number(fresh?.n ?? 0), upgradedProducts: Number(upgraded?.n ?? 0) };
}

export type TargetWithProgress = {
  id: string;
  kind: (typeof planTargets.$inferSelect)['kind'];
  value: number;
  units: number | null;
  sinceYear: number;
  year: number;
  note: string | null;
  recordedAt: Date;
  progress: TargetProgress;
};

/** The targets of the plan in scope (a province's, or the national plan), each with its progress today. */
export async function targetsWithProgress(
  db: Db,
  provinceCode: string | null,
  communes: readonly CommuneCount[],
  productsInForce: number,
): Promise<TargetWithProgress[]> {
  const targets = await db
    .select()
    .from(planTargets)
    .where(provinceCode ? eq(planTargets.provinceCode, provinceCode) : isNull(planTargets.provinceCode))
    .orderBy(asc(planTargets.year), asc(planTargets.kind));
  const communesWithProducts = communes.filter((c) => c.communeCode !== null && c.products > 0).length;
  const out: TargetWithProgress[] = [];
  for (const t of targets) {
    const moved =
      t.kind === 'new_products_by_year' || t.kind === 'share_upgraded'
        ? await productsMoved(db, provinceCode, t.sinceYear, t.year)
        : { newProducts: 0, upgradedProducts: 0 };
    const progress = targetProgress(t, {
      communesWithProducts,
      communesReaching: communesWith(communes, t.value),
      productsInForce,
      ...moved,
    });
    out.push({
      id: t.id,
      kind: t.kind,
      value: t.value,
      units: t.units,
      sinceYear: t.sinceYear,
      year: t.year,
      note: t.note,
      recordedAt: t.recordedAt,
      progress,
    });
  }
  return out;
}
