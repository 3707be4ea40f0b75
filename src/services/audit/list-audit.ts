import { and, desc, eq, gte, ilike, lt } from 'drizzle-orm';
import { auditLog } from '../../db/schema';
import { z } from 'zod';
import type { ServiceContext } from '../shared/context';
import { service } from '../shared/service';

/**
 * `actor` matches part of the actor label (`session:<person id>:<role>`, `token:<id>:<role>`,
 * `system:<id>:<role>`, `anonymous`); `from` is inclusive and `to` exclusive.
 */
export const auditFilter = z.object({
  action: z.string().max(60).optional(),
  entity: z.string().max(60).optional(),
  entityId: z.string().max(80).optional(),
  actor: z.string().max(120).optional(),
  from: z.date().optional(),
  to: z.date().optional(),
  before: z.number().int().positive().optional(),
  limit: z.number().int().min(1).max(10_000),
});
export type AuditFilter = z.output<typeof auditFilter>;

/** Newest first, paged by id ("older than"), filtered by action, object, actor and period. */
export const listAudit = service({
  action: 'audit.read',
  input: auditFilter,
  run: ({ ctx, input }) => auditRows(ctx, input),
});

export function auditRows(ctx: ServiceContext, filter: AuditFilter) {
  return ctx.db
    .select()
    .from(auditLog)
    .where(
      and(
        filter.action ? eq(auditLog.action, filter.action) : undefined,
        filter.entity ? eq(auditLog.entity, filter.entity) : undefined,
        filter.entityId ? eq(auditLog.entityId, filter.entityId) : undefined,
        filter.actor ? ilike(auditLog.actor, `%${filter.actor.replace(/[%_\\]/g, '\\$&')}%`) : undefined,
        filter.from ? gte(auditLog.at, filter.from) : undefined,
        filter.to ? lt(auditLog.at, filter.to) : undefined,
        filter.before ? lt(auditLog.id, filter.before) : undefined,
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(filter.limit);
}
