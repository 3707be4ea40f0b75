import { apiTokens, people } from '../../db/schema';
import type { Role } from '../shared/policy';
import { auditFilter, auditRows } from './list-audit';
import { service } from '../shared/service';

/** Who an audit entry names, as codes: the page words them (web/words). */
export type AuditActor =
  | { kind: 'anonymous' }
  | { kind: 'session'; id: string; role: Role | null; name: string | null }
  | { kind: 'token'; id: string; role: Role | null; name: string | null }
  | { kind: 'system'; id: string; role: Role | null };

/** A filter choice: who may be picked in the "person" filter, with the label fragment it matches. */
export type ActorChoice = { match: string; kind: 'session' | 'token'; name: string; role: Role };

/** `kind:id:role` as appendAudit writes it (actorLabel); a system id may itself hold colons (`cli:user`). */
export function parseActorLabel(label: string): { kind: string; id: string; role: string | null } {
  const first = label.indexOf(':');
  const last = label.lastIndexOf(':');
  if (first < 0) return { kind: label, id: '', role: null };
  return {
    kind: label.slice(0, first),
    id: first === last ? label.slice(first + 1) : label.slice(first + 1, last),
    role: first === last ? null : label.slice(last + 1),
  };
}

/**
 * The audit log as people read it: every entry with its actor resolved to a person's or a
 * token's name (names as they are now; the entry itself keeps the id it was chained with), and
 * the people and tokens the page offers as filters.
 */
export const readAuditLog = service({
  action: 'audit.read',
  input: auditFilter,
  run: async ({ ctx, input }) => {
    const [rows, persons, tokens] = await Promise.all([
      auditRows(ctx, input),
      ctx.db.select({ id: people.id, name: people.name, role: people.role }).from(people).orderBy(people.name),
      ctx.db
        .select({ id: apiTokens.id, name: apiTokens.name, role: apiTokens.role })
        .from(apiTokens)
        .orderBy(apiTokens.name),
    ]);
    const personName = new Map(persons.map((p) => [p.id, p.name]));
    const tokenName = new Map(tokens.map((t) => [t.id, t.name]));
    const actorOf = (label: string): AuditActor => {
      const { kind, id, role } = parseActorLabel(label);
      const r = role as Role | null;
      if (kind === 'session') return { kind, id, role: r, name: personName.get(id) ?? null };
      if (kind === 'token') return { kind, id, role: r, name: tokenName.get(id) ?? null };
      if (kind === 'system') return { kind, id, role: r };
      return { kind: 'anonymous' };
    };
    const choices: ActorChoice[] = [
      ...persons.map((p) => ({ match: `session:${p.id}:`, kind: 'session' as const, name: p.name, role: p.role })),
      ...tokens.map((t) => ({ match: `token:${t.id}:`, kind: 'token' as const, name: t.name, role: t.role })),
    ];
    return { entries: rows.map((row) => ({ ...row, who: actorOf(row.actor) })), choices };
  },
});

export type AuditLogPage = Awaited<ReturnType<typeof readAuditLog>>;
export type AuditLogEntry = AuditLogPage['entries'][number];
