import { z } from '@hono/zod-openapi';
import { and, asc, desc, eq, exists, like, or, sql, type SQL } from 'drizzle-orm';
import { batchAreas, batches, certificates, products, rawMaterialAreas, stampRanges, subjects } from '../../db/schema';
import { likeContaining } from '../../db/search-text';
import { REGISTRY_KINDS, type RegistryKind } from '../../domain/registry-entities';
import { searchTerms } from '../../domain/search-fold';
import { extractStampCode, parseStampCode } from '../../domain/stamp-codec';
import type { Db } from '../../db/client';
import { listScope } from '../shared/policy';
import { service } from '../shared/service';
import { searchQuery } from '../registry/inputs';

export type SearchHit = {
  productId: string;
  productName: string;
  subjectName: string;
  provinceCode: string;
  /** The query as it matched: the words, or `sê-ri N` for a stamp or a serial. */
  matched: string;
  /** Which records held the words: the product itself, its subject, a certificate, a lot, a raw-material area. */
  matchedIn: RegistryKind[];
};

/**
 * For one folded word, whether each record around a product holds it. Certificates, lots and
 * areas are many per product, so each is an EXISTS rather than a join that would repeat the
 * product once per row.
 */
function holders(db: Db, word: string): Record<RegistryKind, SQL> {
  const pattern = likeContaining(word);
  const one = { one: sql`1` };
  return {
    products: like(products.searchText, pattern),
    subjects: like(subjects.searchText, pattern),
    certificates: exists(
      db
        .select(one)
        .from(certificates)
        .where(and(eq(certificates.productId, products.id), like(certificates.searchText, pattern))),
    ),
    batches: exists(
      db
        .select(one)
        .from(batches)
        .where(and(eq(batches.productId, products.id), like(batches.searchText, pattern))),
    ),
    areas: exists(
      db
        .select(one)
        .from(batchAreas)
        .innerJoin(batches, eq(batches.id, batchAreas.batchId))
        .innerJoin(rawMaterialAreas, eq(rawMaterialAreas.id, batchAreas.areaId))
        .where(and(eq(batches.productId, products.id), like(rawMaterialAreas.searchText, pattern))),
    ),
  };
}

/**
 * The inspector's one search box: a stamp URL or code, a bare serial, or words from a product,
 * its subject, a certificate, a lot or a raw-material area, typed with or without Vietnamese
 * marks and in any case ("tinh dau hoi" finds "Tinh dầu hồi"). Every word must be found, each in
 * any of those records. Results stay inside the actor's province.
 */
export const searchProducts = service({
  action: 'inspection.read',
  input: z.object({ q: searchQuery(400) }),
  run: async ({ ctx, input }): Promise<SearchHit[]> => {
    const scope = listScope(ctx.actor, 'inspection.read');
    const q = input.q;
    if (!q) return [];
    const inScope = and(
      scope.provinceCode ? eq(subjects.provinceCode, scope.provinceCode) : undefined,
      scope.subjectId ? eq(subjects.id, scope.subjectId) : undefined,
    );
    const fields = {
      productId: products.id,
      productName: products.name,
      subjectName: subjects.name,
      provinceCode: subjects.provinceCode,
    };
    const code = parseStampCode(extractStampCode(q) ?? '');
    const serial = code?.serial ?? (/^\d{1,15}$/.test(q) ? Number(q) : null);

    if (serial !== null) {
      const rows = await ctx.db
        .selectDistinct(fields)
        .from(products)
        .innerJoin(subjects, eq(products.subjectId, subjects.id))
        .innerJoin(batches, eq(batches.productId, products.id))
        .innerJoin(stampRanges, eq(stampRanges.batchId, batches.id))
        .where(and(sql`${serial} between ${stampRanges.firstSerial} and ${stampRanges.lastSerial}`, inScope))
        .limit(5);
      return rows.map((r) => ({ ...r, matched: `sê-ri ${serial}`, matchedIn: ['batches'] }));
    }

    const words = searchTerms(q);
    if (words.length === 0) return [];
    const perWord = words.map((word) => holders(ctx.db, word));
    const matchedIn = Object.fromEntries(
      REGISTRY_KINDS.map((kind) => [kind, or(...perWord.map((w) => w[kind]))!]),
    ) as Record<RegistryKind, SQL>;
    const rows = await ctx.db
      .select({
        ...fields,
        ...Object.fromEntries(REGISTRY_KINDS.map((kind) => [kind, sql<boolean>`${matchedIn[kind]}`])),
      })
      .from(products)
      .innerJoin(subjects, eq(products.subjectId, subjects.id))
      .where(and(inScope, ...perWord.map((w) => or(...REGISTRY_KINDS.map((kind) => w[kind])))))
      // Products named by every word come first: the likeliest answer to "tinh dau hoi".
      .orderBy(desc(and(...perWord.map((w) => w.products))!), asc(products.name))
      .limit(50);
    return rows.map((row) => {
      const r = row as typeof row & Record<RegistryKind, boolean>;
      return {
        productId: r.productId,
        productName: r.productName,
        subjectName: r.subjectName,
        provinceCode: r.provinceCode,
        matched: q,
        matchedIn: REGISTRY_KINDS.filter((kind) => r[kind] === true),
      };
    });
  },
});
