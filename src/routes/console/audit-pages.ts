import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../../app-env';
import { addDays } from '../../domain/calendar';
import { readAuditLog } from '../../services/audit/read-audit-log';
import type { AuditFilter } from '../../services/audit/list-audit';
import { serviceContext } from '../context';
import { auditCsv } from '../../../web/console/audit-csv';
import { auditView, type AuditQuery } from '../../../web/console/audit-view';
import { parseWith, render, requirePerson } from './shared';

/** The audit log for people (admins): filters, pages of 50, and the same filters as a CSV export. */
export const auditPages = new Hono<AppEnv>();
for (const path of ['/console/audit', '/console/audit/*']) auditPages.use(path, requirePerson);

const PAGE = 50;
const CSV_ROWS = 10_000;
const text = (max: number) =>
  z
    .string()
    .optional()
    .transform((v) => v?.trim().slice(0, max) || undefined);
// A mistyped date is dropped rather than refused: the page still answers, showing what is filtered.
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .optional()
  .catch(undefined);
const auditQuery = z.object({
  actor: text(120),
  action: text(60),
  entity: text(60),
  entityId: text(200),
  from: day,
  to: day,
  before: z.coerce.number().int().positive().optional().catch(undefined),
});

/** Dates are Vietnam calendar days: from its midnight (UTC+7) to the midnight after `to`. */
function filterOf(q: z.infer<typeof auditQuery>, limit: number): AuditFilter {
  const midnight = (date: string) => new Date(`${date}T00:00:00+07:00`);
  return {
    actor: q.actor,
    action: q.action,
    entity: q.entity,
    entityId: q.entityId,
    before: q.before,
    limit,
    from: q.from ? midnight(q.from) : undefined,
    to: q.to ? midnight(addDays(q.to, 1)) : undefined,
  };
}

const shown = (q: z.infer<typeof auditQuery>): AuditQuery => ({
  actor: q.actor,
  action: q.action,
  entity: q.entity,
  entityId: q.entityId,
  from: q.from,
  to: q.to,
});
const search = (q: AuditQuery, extra: Record<string, string> = {}) =>
  new URLSearchParams({ ...Object.fromEntries(Object.entries(q).filter(([, v]) => v)), ...extra }).toString();

auditPages.get('/console/audit', async (c) => {
  const q = parseWith(auditQuery, c.req.query()); // NUL or a broken surrogate: a 400, nothing queried
  const page = await readAuditLog({ ctx: serviceContext(c), input: filterOf(q, PAGE) });
  const older =
    page.entries.length === PAGE
      ? `/console/audit?${search(shown(q), { before: String(page.entries.at(-1)!.id) })}`
      : null;
  return render(
    c,
    'Nhật ký kiểm toán',
    auditView(page, shown(q), { older, csv: `/console/audit/export.csv?${search(shown(q))}` }),
  );
});

auditPages.get('/console/audit/export.csv', async (c) => {
  const q = parseWith(auditQuery, c.req.query());
  const { entries } = await readAuditLog({ ctx: serviceContext(c), input: filterOf(q, CSV_ROWS) });
  c.header('Content-Type', 'text/csv; charset=utf-8');
  c.header('Content-Disposition', `attachment; filename="nhat-ky-kiem-toan.csv"`);
  c.header('Cache-Control', 'no-store');
  return c.body(auditCsv(entries));
});
