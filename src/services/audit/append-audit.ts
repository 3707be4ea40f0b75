import { desc, sql } from 'drizzle-orm';
import { auditLog } from '../../db/schema';
import type { ServiceContext } from '../shared/context';
import { actorLabel } from '../shared/policy';
import { canonicalJson, sha256Hex, toJsonData } from '../shared/canonical-json';

export const AUDIT_GENESIS = '0'.repeat(64);
/** Serialises appends so two transactions never chain onto the same previous row. */
const AUDIT_LOCK = 7_243_001;

export type AuditEntry = { action: string; entity: string; entityId: string; before?: unknown; after?: unknown };

export type AuditRowContent = {
  at: string;
  actor: string;
  action: string;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
  requestId: string | null;
  prevHash: string;
};

export function auditHash(row: AuditRowContent): Promise<string> {
  return sha256Hex(canonicalJson(row));
}

/** Must run inside the mutation's transaction: the entry commits or rolls back with it. */
export async function appendAudit(ctx: ServiceContext, entry: AuditEntry): Promise<void> {
  if (!ctx.inTransaction) throw new Error('appendAudit must run inside withTransaction');
  await ctx.db.execute(sql`select pg_advisory_xact_lock(${AUDIT_LOCK})`);
  const [last] = await ctx.db.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
  const at = ctx.now();
  const content: AuditRowContent = {
    at: at.toISOString(),
    actor: actorLabel(ctx.actor),
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId,
    before: toJsonData(entry.before),
    after: toJsonData(entry.after),
    requestId: ctx.requestId ?? null,
    prevHash: last?.hash ?? AUDIT_GENESIS,
  };
  await ctx.db.insert(auditLog).values({ ...content, at, hash: await auditHash(content) });
}
