import { and, desc, eq, gte, ilike, lt } from 'drizzle-orm';
import { auditLog } from '../../db/schema';
import type { ServiceContext } from '../shared/context';
import { authorize } from '../shared/policy';

/**
 * `actor` matches part of the actor label (`session:<person id>:<role>`, `token:<id>:<role>`,
 * `system:<id>:<role>`, `anonymous`); `from` is inclusive and `to` exclusive.
 */
export type AuditFilter = {
  action?: string; entity?: string; entityId?: string; actor?: string; from?: Date; to?: Date; before?: number; limit: number;
};

/** Newest first, paged by id ("older than"), filtered by action, object, actor and period. */
export async function listAudit(ctx: ServiceContext, filter: AuditFilter) {
  authorize(ctx.actor, 'audit.read');
  return ctx.db.select().from(auditLog).where(and(
    filter.action ? eq(auditLog.action, filter.action) : undefined,
    filter.entity ? eq(auditLog.entity, filter.entity) : undefined,
    filter.entityId ? eq(auditLog.entityId, filter.entityId) : undefined,
    filter.actor ? ilike(auditLog.actor, `%${filter.actor.replace(/[%_\\]/g, '\\$&')}%`) : undefined,
    filter.from ? gte(auditLog.at, filter.from) : undefined,
    filter.to ? lt(auditLog.at, filter.to) : undefined,
    filter.before ? lt(auditLog.id, filter.before) : undefined,
  )).orderBy(desc(auditLog.id)).limit(filter.limit);
}
