import { asc, gt } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { auditLog } from '../../db/schema';
import { AUDIT_GENESIS, auditHash } from './append-audit';

export type ChainReport = { ok: true; rows: number } | { ok: false; rows: number; brokenAtId: number; reason: string };

/**
 * Walks the chain in pages and reports the first row whose hash or link does not hold. A deleted
 * row shows as a broken link on the row after it (ids may have gaps from rolled-back transactions,
 * so gaps alone prove nothing). Truncating the newest rows needs an external anchor to detect.
 */
export async function verifyAuditChain(db: Db, pageSize = 5000): Promise<ChainReport> {
  let prevHash = AUDIT_GENESIS;
  let lastId = 0;
  let rows = 0;
  for (;;) {
    const page = await db
      .select()
      .from(auditLog)
      .where(gt(auditLog.id, lastId))
      .orderBy(asc(auditLog.id))
      .limit(pageSize);
    if (page.length === 0) return { ok: true, rows };
    for (const row of page) {
      if (row.prevHash !== prevHash)
        return { ok: false, rows, brokenAtId: row.id, reason: 'link to previous row broken' };
      const expected = await auditHash({
        at: row.at.toISOString(),
        actor: row.actor,
        action: row.action,
        entity: row.entity,
        entityId: row.entityId,
        before: row.before,
        after: row.after,
        requestId: row.requestId,
        prevHash: row.prevHash,
      });
      if (expected !== row.hash)
        return { ok: false, rows, brokenAtId: row.id, reason: 'content does not match its hash' };
      prevHash = row.hash;
      lastId = row.id;
      rows++;
    }
  }
}
