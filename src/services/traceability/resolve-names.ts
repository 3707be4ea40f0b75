import { and, desc, eq, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import { batches, products, signingKeys, stampRanges } from '../../db/schema';
import { toGtin14 } from '../../domain/gtin';
import type { ServiceContext } from '../shared/context';
import { parseLotName, parseStampName, type StampName } from './identifiers';

/**
 * What the EPCs and EPC classes of a query stand for. A name that stands for nothing is left out,
 * never an error: a query for something unknown matches no event. Scope is not checked here; the
 * event sources filter by it, so a stamp outside the caller's reach matches nothing either.
 */
export async function resolveStamps(
  ctx: ServiceContext,
  uris: string[],
): Promise<{ batchId: string; serial: number }[]> {
  const found = await Promise.all(
    uris.map(async (uri) => {
      const name = parseStampName(uri, ctx.config.PUBLIC_ORIGIN);
      return name ? stampOf(ctx, name) : null;
    }),
  );
  return found.filter((s) => s !== null);
}

async function stampOf(ctx: ServiceContext, name: StampName): Promise<{ batchId: string; serial: number } | null> {
  const serial = 'code' in name ? name.code.serial : name.serial;
  // The last range starting at or below the serial (an index seek), kept only if it covers it.
  const [range] = await ctx.db
    .select({
      batchId: stampRanges.batchId,
      kid: stampRanges.kid,
      lastSerial: stampRanges.lastSerial,
      gtin: products.gtin,
    })
    .from(stampRanges)
    .innerJoin(batches, eq(batches.id, stampRanges.batchId))
    .innerJoin(products, eq(products.id, batches.productId))
    .where(lte(stampRanges.firstSerial, serial))
    .orderBy(desc(stampRanges.firstSerial))
    .limit(1);
  if (!range || range.lastSerial < serial) return null;
  if ('gtin14' in name)
    return range.gtin && toGtin14(range.gtin) === name.gtin14 ? { batchId: range.batchId, serial } : null;
  // A stamp URL names a stamp only with the range's key and a signature that holds.
  if (range.gtin || range.kid !== name.code.kid) return null;
  const [key] = await ctx.db
    .select({ jwk: signingKeys.publicJwk })
    .from(signingKeys)
    .where(eq(signingKeys.kid, name.code.kid));
  const holds = key ? await ctx.keys.verifyStamp(name.code, key.jwk).catch(() => false) : false;
  return holds ? { batchId: range.batchId, serial } : null;
}

export async function resolveLots(ctx: ServiceContext, uris: string[]): Promise<string[]> {
  const found = await Promise.all(
    uris.map(async (uri) => {
      const name = parseLotName(uri, ctx.config.PUBLIC_ORIGIN);
      if (!name) return [];
      const rows = await ctx.db
        .select({ id: batches.id })
        .from(batches)
        .innerJoin(products, eq(products.id, batches.productId))
        .where(
          'batchId' in name
            ? and(eq(batches.id, name.batchId), isNull(products.gtin))
            : and(
                eq(batches.lot, name.lot),
                isNotNull(products.gtin),
                sql`lpad(${products.gtin}, 14, '0') = ${name.gtin14}`,
              ),
        );
      return rows.map((r) => r.id);
    }),
  );
  return [...new Set(found.flat())];
}
