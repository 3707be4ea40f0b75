import { and, eq, ilike, or, sql } from 'drizzle-orm';
import { batches, certificates, products, stampRanges, subjects } from '../../db/schema';
import { extractStampCode, parseStampCode } from '../../domain/stamp-codec';
import type { ServiceContext } from '../shared/context';
import { listScope } from '../shared/policy';

export type SearchHit = { productId: string; productName: string; subjectName: string; provinceCode: string; matched: string };

/**
 * The inspector's one search box: a stamp URL or code, a bare serial, or words from a product,
 * subject, certificate number or lot. Results stay inside the actor's province.
 */
export async function searchProducts(ctx: ServiceContext, query: string): Promise<SearchHit[]> {
  const scope = listScope(ctx.actor, 'inspection.read');
  const q = query.trim().slice(0, 400);
  if (!q) return [];
  const inScope = and(
    scope.provinceCode ? eq(subjects.provinceCode, scope.provinceCode) : undefined,
    scope.subjectId ? eq(subjects.id, scope.subjectId) : undefined,
  );
  const code = parseStampCode(extractStampCode(q) ?? '');
  const serial = code?.serial ?? (/^\d{1,15}$/.test(q) ? Number(q) : null);
  const base = () => ctx.db.selectDistinct({ productId: products.id, productName: products.name, subjectName: subjects.name, provinceCode: subjects.provinceCode })
    .from(products).innerJoin(subjects, eq(products.subjectId, subjects.id));

  if (serial !== null) {
    const rows = await base().innerJoin(batches, eq(batches.productId, products.id)).innerJoin(stampRanges, eq(stampRanges.batchId, batches.id))
      .where(and(sql`${serial} between ${stampRanges.firstSerial} and ${stampRanges.lastSerial}`, inScope)).limit(5);
    return rows.map((r) => ({ ...r, matched: `sê-ri ${serial}` }));
  }
  const like = `%${q.replace(/[%_\\]/g, '\\$&')}%`;
  const rows = await base()
    .leftJoin(certificates, eq(certificates.productId, products.id)).leftJoin(batches, eq(batches.productId, products.id))
    .where(and(or(ilike(products.name, like), ilike(subjects.name, like), ilike(subjects.registrationNumber, like),
      ilike(certificates.number, like), ilike(batches.lot, like), ilike(products.gtin, like)), inScope))
    .limit(50);
  return rows.map((r) => ({ ...r, matched: q }));
}
