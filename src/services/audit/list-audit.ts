import { and, desc, eq, ilike, lt } from 'drizzle-orm';
import { auditLog } from '../../db/schema';
import type { ServiceContext } from '../shared/context';
import { authorize } from '../shared/policy';

export type AuditFilter = { action?: string; entity?: string; actor?: string; before?: number; limit: number };

/** Newest first, paged by id ("older than"), filtered by action, entity or actor. */
export async function listAudit(ctx: ServiceContext, filter: AuditFilter) {
  authorize(ctx.actor, 'audit.read');
  return ctx.db.select().from(auditLog).where(and(
    filter.action ? eq(auditLog.action, filter.action) : undefined,
    filter.entity ? eq(auditLog.entity, filter.entity) : undefined,
    filter.actor ? ilike(auditLog.actor, `%${filter.actor.replace(/[%_\\]/g, '\\$&')}%`) : undefined,
    filter.before ? lt(auditLog.id, filter.before) : undefined,
  )).orderBy(desc(auditLog.id)).limit(filter.limit);
}
