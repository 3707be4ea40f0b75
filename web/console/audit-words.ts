import type { AuditActor, AuditLogEntry } from '../../src/services/audit/read-audit-log';
import { vi } from '../words/vi';
import type { AuditAction, AuditEntity, Words } from '../words/types';

/** Entity names written before the audit named edits like creations (`area`, `batche`). */
const ENTITY_ALIASES: Record<string, AuditEntity> = { area: 'raw_material_area', batche: 'batch' };

export function entityOf(entity: string): AuditEntity | string {
  return ENTITY_ALIASES[entity] ?? entity;
}

export function actionWords(action: string, words: Words = vi): string {
  return words.auditActions[action as AuditAction] ?? action;
}

export function entityWords(entity: string, words: Words = vi): string {
  return words.auditEntities[entityOf(entity) as AuditEntity] ?? entity;
}

/** Who acted, in words: the person's name, a token by its name, the command line or the service itself. */
export function actorWords(who: AuditActor, words: Words = vi): { name: string; role: string | null } {
  const role = who.kind !== 'anonymous' && who.role ? (words.roles[who.role] ?? who.role) : null;
  switch (who.kind) {
    case 'anonymous':
      return { name: words.actors.anonymous, role: null };
    case 'session':
      return { name: who.name ?? words.actors.unknownPerson, role };
    case 'token':
      return { name: words.actors.token(who.name ?? who.id), role };
    case 'system': {
      if (who.id === 'cli' || who.id.startsWith('cli:'))
        return { name: words.actors.cli(who.id.slice(4) || null), role: null };
      const known: Record<string, string> = {
        'demo-seed': words.actors.seed,
        'service-start': words.actors.serviceStart,
        'first-start': words.actors.firstStart,
      };
      return { name: known[who.id] ?? words.actors.system(who.id), role: null };
    }
  }
}

/** A string field of the entry's record, after the change or else before it. */
function recordField(entry: AuditLogEntry, name: string): string | null {
  for (const side of [entry.after, entry.before]) {
    const value = side && typeof side === 'object' ? (side as Record<string, unknown>)[name] : undefined;
    if (typeof value === 'string' && value) return value;
  }
  return null;
}

/** What the entry is about, in a few words: a name, a number or a lot from its record. */
export function objectLabel(entry: AuditLogEntry): string | null {
  return (
    recordField(entry, 'name') ??
    recordField(entry, 'number') ??
    recordField(entry, 'lot') ??
    recordField(entry, 'pointOfSale')
  );
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The console page of the entry's object, where there is one. */
export function objectHref(entry: AuditLogEntry): string | null {
  const id = entry.entityId;
  const dossier = (productId: string | null) =>
    productId && UUID.test(productId) ? `/console/inspect/products/${productId}` : null;
  switch (entityOf(entry.entity)) {
    case 'subject':
      return UUID.test(id) ? `/console/subjects/${id}/edit` : null;
    case 'raw_material_area':
      return UUID.test(id) ? `/console/areas/${id}/edit` : null;
    case 'product':
      return dossier(id);
    case 'certificate':
    case 'inspection':
      return dossier(recordField(entry, 'productId'));
    case 'batch':
      return dossier(recordField(entry, 'productId')) ?? (UUID.test(id) ? `/console/batches/${id}/edit` : null);
    case 'print_job':
      return UUID.test(id) ? `/console/print/jobs/${id}` : null;
    case 'report':
      return recordField(entry, 'state') === 'closed' ? '/console/reports?state=closed' : '/console/reports';
    case 'person':
    case 'enrolment':
      return '/console/people';
    case 'api_token':
      return '/console/tokens';
    default:
      return null;
  }
}
