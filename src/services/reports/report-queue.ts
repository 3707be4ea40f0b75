import { z } from 'zod';
import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import { reports, scans } from '../../db/schema';
import { appendAudit } from '../audit/append-audit';
import { withTransaction } from '../shared/context';
import { conflict, notFound } from '../shared/errors';
import { actorLabel, authorize, listScope } from '../shared/policy';
import { service } from '../shared/service';
import { closeReportInput } from './inputs';

/**
 * The inspectors' queue: reports of their province (central inspectors also see the reports no
 * province could be found for), each with the scan history of its stamp.
 */
export const listReports = service({
  action: 'report.read',
  input: z.object({ state: z.enum(['open', 'closed']).optional(), limit: z.number().int().min(1).max(500).optional() }),
  run: async ({ ctx, input: options }) => {
    const scope = listScope(ctx.actor, 'report.read');
    const rows = await ctx.db
      .select()
      .from(reports)
      .where(
        and(
          scope.provinceCode ? eq(reports.provinceCode, scope.provinceCode) : undefined,
          options.state ? eq(reports.state, options.state) : undefined,
        ),
      )
      .orderBy(desc(reports.createdAt))
      .limit(options.limit ?? 100);
    const serials = [...new Set(rows.flatMap((r) => (r.serial !== null && r.productId ? [r.serial] : [])))];
    const history = serials.length
      ? await ctx.db
          .select({ serial: scans.serial, scannedAt: scans.scannedAt, place: scans.place })
          .from(scans)
          .where(inArray(scans.serial, serials))
          .orderBy(desc(scans.scannedAt))
          .limit(2000)
      : [];
    return rows.map((r) => ({ ...r, scans: history.filter((s) => s.serial === r.serial && r.productId).slice(0, 50) }));
  },
});

/** Closing a report records what was done; it is audited like every other change. */
export const closeReport = service({
  action: 'report.close',
  input: closeReportInput.extend({ id: z.uuid() }),
  run: async ({ ctx, input: { id, note } }) => {
    const [found] = await ctx.db.select().from(reports).where(eq(reports.id, id));
    if (!found) throw notFound('phản ánh');
    // Reports with no province belong to the central queue: only a nationwide actor reaches them.
    authorize(ctx.actor, 'report.close', {
      provinceCode: found.provinceCode,
      subjectId: found.subjectId,
      what: 'phản ánh',
    });
    return withTransaction(ctx, async (tx) => {
      const [after] = await tx.db
        .update(reports)
        .set({ state: 'closed', closedNote: note, closedBy: actorLabel(ctx.actor), closedAt: ctx.now() })
        .where(and(eq(reports.id, id), eq(reports.state, 'open'), isNull(reports.closedAt)))
        .returning();
      if (!after) throw conflict('Phản ánh này đã được đóng.');
      await appendAudit(tx, { action: 'report.close', entity: 'report', entityId: id, before: found, after });
      return after;
    });
  },
});
