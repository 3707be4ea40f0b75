import { z } from 'zod';
import { and, asc, eq, lte, sql } from 'drizzle-orm';
import { certificates, products, subjects } from '../../db/schema';
import { addDays, vietnamToday } from '../../domain/calendar';
import { RENEWAL_NOTICE_DAYS } from '../../domain/certificate-dates';
import { listScope } from '../shared/policy';
import { service } from '../shared/service';

/**
 * Renewal notices: certificates in the actor's reach that expire within 30 days (the issuer must
 * notify at least that far ahead) or have already expired, and were neither revoked nor
 * superseded by a re-evaluation. Producers see their own; authorities their province.
 */
export const listExpiringCertificates = service({
  action: 'registry.read',
  input: z.object({ withinDays: z.number().int().min(0).max(3650).optional() }),
  run: async ({ ctx, input: options }) => {
    const scope = listScope(ctx.actor, 'registry.read');
    const today = vietnamToday(ctx.now());
    const horizon = addDays(today, options.withinDays ?? RENEWAL_NOTICE_DAYS);
    const rows = await ctx.db
      .select({
        certificateId: certificates.id,
        number: certificates.number,
        stars: certificates.stars,
        validUntil: certificates.validUntil,
        status: certificates.status,
        issuerName: certificates.issuerName,
        productId: products.id,
        productName: products.name,
        subjectId: subjects.id,
        subjectName: subjects.name,
        provinceCode: subjects.provinceCode,
      })
      .from(certificates)
      .innerJoin(products, eq(certificates.productId, products.id))
      .innerJoin(subjects, eq(products.subjectId, subjects.id))
      .where(
        and(
          lte(certificates.validUntil, horizon),
          sql`${certificates.status} <> 'revoked'`,
          sql`not exists (select 1 from certificates newer where newer.supersedes_id = ${certificates.id})`,
          scope.provinceCode ? eq(subjects.provinceCode, scope.provinceCode) : undefined,
          scope.subjectId ? eq(subjects.id, scope.subjectId) : undefined,
        ),
      )
      .orderBy(asc(certificates.validUntil))
      .limit(500);
    return rows.map((r) => ({ ...r, expired: r.validUntil < today, daysLeft: daysBetween(today, r.validUntil) }));
  },
});

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
