import { and, eq, gte, isNotNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { certificates, products, subjects } from '../../db/schema';
import type { IsoDate } from '../../domain/calendar';
import type { LiveStatus } from '../../domain/statistics-measures';

/** One cell of the registry's stock: how many certificates share these dimensions. */
export type StockRow = {
  provinceCode: string;
  groupCode: string;
  stars: number;
  status: LiveStatus;
  subjectKind: string;
  /** The product's current certificate (its latest decision): products are counted by these rows. */
  current: boolean;
  count: number;
};

/** The products (current certificates) of one commune in one live status; `communeCode` null: older records. */
export type CommuneRow = { provinceCode: string; communeCode: string | null; status: LiveStatus; count: number };

const hasSuccessor = sql`exists (select 1 from ${certificates} as s where s.supersedes_id = ${certificates.id})`;

export const inProvince = (provinceCode: string | null): SQL | undefined =>
  provinceCode ? eq(subjects.provinceCode, provinceCode) : undefined;

/**
 * The whole stock read once and grouped two ways (grouping sets): by every dimension the report
 * breaks it down by but the commune, and the current certificates by commune. The page's tables,
 * charts and totals are sums of these rows, so they reconcile with each other by construction.
 * National size (20,000 certificates, 3,300 communes) comes to a few thousand rows.
 */
export async function stockRows(
  db: Db,
  provinceCode: string | null,
  today: IsoDate,
): Promise<{ stock: StockRow[]; communes: CommuneRow[] }> {
  // A product's current certificate is its latest decision; imported re-evaluations are not linked, so
  // "not superseded" alone could count a product twice.
  const ranked = db
    .select({
      id: certificates.id,
      rank: sql<number>`row_number() over (partition by ${certificates.productId}
        order by ${certificates.decisionDate} desc, ${certificates.createdAt} desc, ${certificates.id})`.as('rank'),
    })
    .from(certificates)
    .as('ranked');
  // Joined once (a hash join), where a correlated EXISTS would look up every certificate's successor.
  const replaced = db
    .selectDistinct({ id: sql<string>`${certificates.supersedesId}`.as('replaced_id') })
    .from(certificates)
    .where(isNotNull(certificates.supersedesId))
    .as('replaced');
  // Revoked, then suspended, then replaced by a re-evaluation, then past its 36 months: the register's order.
  const stock = db.$with('stock').as(
    db
      .select({
        provinceCode: subjects.provinceCode,
        communeCode: subjects.communeCode,
        groupCode: products.groupCode,
        stars: certificates.stars,
        status: sql<LiveStatus>`case
          when ${certificates.status} = 'revoked' then 'revoked'
          when ${certificates.status} = 'suspended' then 'suspended'
          when ${replaced.id} is not null then 'superseded'
          when ${certificates.validUntil} < ${today} then 'expired'
          else 'valid' end`.as('live_status'),
        subjectKind: sql<string>`${subjects.kind}`.as('subject_kind'),
        current: sql<boolean>`(${ranked.rank} = 1)`.as('is_current'),
      })
      .from(certificates)
      .innerJoin(ranked, eq(ranked.id, certificates.id))
      .leftJoin(replaced, eq(replaced.id, certificates.id))
      .innerJoin(products, eq(products.id, certificates.productId))
      .innerJoin(subjects, eq(subjects.id, products.subjectId))
      .where(inProvince(provinceCode)),
  );
  const rows = await db
    .with(stock)
    .select({
      provinceCode: stock.provinceCode,
      communeCode: stock.communeCode,
      groupCode: stock.groupCode,
      stars: stock.stars,
      status: stock.status,
      subjectKind: stock.subjectKind,
      current: stock.current,
      byCommune: sql<number>`grouping(${stock.communeCode})::int = 0`,
      count: sql<number>`count(*)::int`,
    })
    .from(stock)
    .groupBy(
      sql`grouping sets ((${stock.provinceCode}, ${stock.groupCode}, ${stock.stars}, ${stock.status}, ${stock.subjectKind}, ${stock.current}),
        (${stock.provinceCode}, ${stock.communeCode}, ${stock.status}, ${stock.current}))`,
    );
  const cells = rows.filter((r) => !r.byCommune);
  return {
    stock: cells.map((r) => ({
      provinceCode: r.provinceCode,
      groupCode: r.groupCode!,
      stars: r.stars!,
      status: r.status,
      subjectKind: r.subjectKind!,
      current: Boolean(r.current),
      count: Number(r.count),
    })),
    communes: rows
      .filter((r) => r.byCommune && r.current)
      .map((r) => ({
        provinceCode: r.provinceCode,
        communeCode: r.communeCode,
        status: r.status,
        count: Number(r.count),
      })),
  };
}

/** Subjects with at least one product whose current certificate is in force, by kind (the share of cooperatives). */
export async function subjectsInForceByKind(
  db: Db,
  provinceCode: string | null,
  today: IsoDate,
): Promise<{ kind: string; count: number }[]> {
  const rows = await db
    .select({ kind: subjects.kind, count: sql<number>`count(distinct ${subjects.id})::int` })
    .from(certificates)
    .innerJoin(products, eq(products.id, certificates.productId))
    .innerJoin(subjects, eq(subjects.id, products.subjectId))
    .where(
      and(
        inProvince(provinceCode),
        eq(certificates.status, 'active'),
        gte(certificates.validUntil, today),
        sql`not ${hasSuccessor}`,
      ),
    )
    .groupBy(subjects.kind);
  return rows.map((r) => ({ kind: r.kind, count: Number(r.count) }));
}
