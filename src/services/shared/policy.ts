import { forbidden, unauthorized } from './errors';

export const ROLES = ['retailer', 'producer', 'inspector', 'authority', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export type Actor =
  | { kind: 'anonymous' }
  | {
      kind: 'token' | 'system';
      id: string;
      role: Role;
      /** Two-digit province; null = central (nationwide) for inspectors and authorities. */
      provinceCode: string | null;
      subjectId: string | null;
    };

/** How far a role reaches: its own subject, its province (or all if central), or everything. */
type Reach = 'own-subject' | 'province' | 'any';

/**
 * The one policy table. Services call `authorize` on their first line; tests generate the
 * authorization matrix from this table, so code and tests cannot drift apart.
 */
export const POLICY = {
  'registry.read': { producer: 'own-subject', inspector: 'province', authority: 'province', admin: 'any' },
  'subject.create': { authority: 'province', admin: 'any' },
  'area.create': { authority: 'province', admin: 'any' },
  'product.create': { authority: 'province', admin: 'any' },
  'certificate.create': { authority: 'province', admin: 'any' },
  'batch.create': { producer: 'own-subject', authority: 'province', admin: 'any' },
  'stamps.issue': { producer: 'own-subject', authority: 'province' },
  'stamps.void': { producer: 'own-subject', authority: 'province' },
  'certificate.suspend': { inspector: 'province', authority: 'province' },
  'certificate.reinstate': { inspector: 'province', authority: 'province' },
  'certificate.revoke': { inspector: 'province', authority: 'province' },
  'batch.recall': { inspector: 'province', authority: 'province' },
  'token.create': { admin: 'any' },
  'keys.rotate': { admin: 'any' },
} as const satisfies Record<string, Partial<Record<Role, Reach>>>;

export type Action = keyof typeof POLICY;
export type Target = { provinceCode: string; subjectId: string };

function reachOf(actor: Actor, action: Action): Reach | undefined {
  if (actor.kind === 'anonymous') return undefined;
  return (POLICY[action] as Partial<Record<Role, Reach>>)[actor.role];
}

function within(actor: Exclude<Actor, { kind: 'anonymous' }>, reach: Reach, target: Target): boolean {
  if (reach === 'any') return true;
  if (reach === 'own-subject') return actor.subjectId !== null && actor.subjectId === target.subjectId;
  return actor.provinceCode === null || actor.provinceCode === target.provinceCode;
}

/** Throws 401 for anonymous, 403 for a role or jurisdiction outside the table. */
export function authorize(actor: Actor, action: Action, target?: Target): void {
  if (actor.kind === 'anonymous') throw unauthorized();
  const reach = reachOf(actor, action);
  if (!reach) throw forbidden();
  if (target && !within(actor, reach, target)) {
    throw forbidden('Dữ liệu này nằm ngoài phạm vi (chủ thể hoặc tỉnh) của bạn.');
  }
}

/** For list queries: the filter that keeps an actor inside its reach. */
export function listScope(actor: Actor, action: Action): { provinceCode?: string; subjectId?: string } {
  authorize(actor, action);
  const reach = reachOf(actor, action)!;
  if (actor.kind === 'anonymous' || reach === 'any') return {};
  if (reach === 'own-subject') return { subjectId: actor.subjectId ?? '00000000-0000-0000-0000-000000000000' };
  return actor.provinceCode === null ? {} : { provinceCode: actor.provinceCode };
}

export function actorLabel(actor: Actor): string {
  return actor.kind === 'anonymous' ? 'anonymous' : `${actor.kind}:${actor.id}:${actor.role}`;
}
