import { AppError, forbidden, notFound, unauthorized } from './errors';

export const ROLES = ['retailer', 'producer', 'inspector', 'authority', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export type Actor =
  | { kind: 'anonymous' }
  | {
      /** token: a machine client; session: a person signed in with a passkey; system: CLI and seed. */
      kind: 'token' | 'session' | 'system';
      id: string;
      role: Role;
      /** Two-digit province; null = central (nationwide) for inspectors and authorities. */
      provinceCode: string | null;
      subjectId: string | null;
      /** A retailer's organisation: its intakes count as the organisation's (`many_retailers`). */
      organisationId?: string | null;
      /** For sessions: a passkey assertion less than 5 minutes old (step-up). */
      steppedUp?: boolean;
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
  // A list of existing certificates: every row is held to certificate.create's reach, row by row.
  'certificate.import': { authority: 'province', admin: 'any' },
  'batch.create': { producer: 'own-subject', authority: 'province', admin: 'any' },
  'stamps.issue': { producer: 'own-subject', authority: 'province' },
  'stamps.void': { producer: 'own-subject', authority: 'province' },
  'print.read': { producer: 'own-subject', authority: 'province', admin: 'any' },
  'certificate.suspend': { inspector: 'province', authority: 'province' },
  'certificate.reinstate': { inspector: 'province', authority: 'province' },
  'certificate.revoke': { inspector: 'province', authority: 'province' },
  'batch.recall': { inspector: 'province', authority: 'province' },
  'certificate.reevaluate': { authority: 'province', admin: 'any' },
  // Correcting a mistaken suspension, revocation or recall: a new linked event, never a delete.
  'lifecycle.correct': { inspector: 'province', authority: 'province' },
  'inspection.record': { inspector: 'province', authority: 'province' },
  'inspection.read': { inspector: 'province', authority: 'province', admin: 'any' },
  'area.flag': { inspector: 'province', authority: 'province' },
  'report.read': { inspector: 'province', authority: 'province', admin: 'any' },
  'report.close': { inspector: 'province', authority: 'province' },
  // A retailer records what it received at its own points of sale, and reads its own receipts.
  'intake.record': { retailer: 'province' },
  'intake.read': { retailer: 'province' },
  'copy.read': { inspector: 'province', authority: 'province', admin: 'any' },
  // Retailer organisations and their points of sale ("Điểm giới thiệu và bán sản phẩm OCOP"):
  // the provincial OCOP office registers, edits, suspends and closes them. No step-up: a
  // designation is administrative and reversible, and no consumer verdict depends on it.
  'retail.read': { authority: 'province', admin: 'any' },
  'retail.register': { authority: 'province', admin: 'any' },
  'retail.update': { authority: 'province', admin: 'any' },
  'retail.status': { authority: 'province', admin: 'any' },
  // Statistics of the programme, and the plan's targets they are read against (central: all provinces).
  'statistics.read': { inspector: 'province', authority: 'province', admin: 'any' },
  'target.set': { authority: 'province' },
  'trace.export': { producer: 'own-subject', inspector: 'province', authority: 'province', admin: 'any' },
  'batch.update': { producer: 'own-subject', authority: 'province', admin: 'any' },
  'subject.update': { authority: 'province', admin: 'any' },
  'area.update': { authority: 'province', admin: 'any' },
  'product.update': { authority: 'province', admin: 'any' },
  // Power over people. Whoever may invite a role may also disable, enable or withdraw it: one
  // action per tier, so the matrix tests the tiers. Producers and retailers can be invited by a
  // bearer token; inspectors, authorities and admins only by a person with a fresh passkey.
  'person.invite': { authority: 'province', admin: 'any' },
  'person.grant': { authority: 'province', admin: 'any' },
  'admin.grant': { admin: 'any' },
  'person.read': { authority: 'province', admin: 'any' },
  // Taking power away: step-up, so a stolen token cannot lock people out either.
  'person.disable': { authority: 'province', admin: 'any' },
  'person.enable': { authority: 'province', admin: 'any' },
  'enrolment.withdraw': { authority: 'province', admin: 'any' },
  'token.create': { admin: 'any' },
  'token.read': { admin: 'any' },
  'token.revoke': { admin: 'any' },
  'audit.read': { admin: 'any' },
  'keys.rotate': { admin: 'any' },
  // Dropping old months of raw scans (the summaries stay) and re-judging suspected copies.
  'scans.manage': { admin: 'any' },
  // A signed-in person's own passkeys, whatever their role: the service also requires a session of a person.
  'passkey.list': { retailer: 'any', producer: 'any', inspector: 'any', authority: 'any', admin: 'any' },
  'passkey.remove': { retailer: 'any', producer: 'any', inspector: 'any', authority: 'any', admin: 'any' },
} as const satisfies Record<string, Partial<Record<Role, Reach>>>;

export type Action = keyof typeof POLICY;

/**
 * Actions that need a fresh passkey assertion (step-up). A person's session must have one less
 * than 5 minutes old; a bearer token can never do them; the operators' CLI (system) can.
 */
export const STEP_UP_ACTIONS: ReadonlySet<Action> = new Set<Action>([
  'certificate.suspend',
  'certificate.revoke',
  'batch.recall',
  'lifecycle.correct',
  'area.flag',
  'keys.rotate',
  'token.create',
  'person.grant',
  'admin.grant',
  'person.disable',
  'person.enable',
  'passkey.remove',
]);

/** The action that governs power over a role: inviting it, or disabling and enabling its people. */
export function grantAction(role: Role): Action {
  return role === 'admin'
    ? 'admin.grant'
    : role === 'inspector' || role === 'authority'
      ? 'person.grant'
      : 'person.invite';
}
export const STEP_UP_SECONDS = 300;
/**
 * What an action touches. `provinceCode` null is national (central) scope: only central and
 * admin actors reach it. `what` names a stored record: outside the actor's reach it answers
 * exactly as a missing record does (404), so ids cannot be probed.
 */
export type Target = { provinceCode: string | null; subjectId: string | null; what?: string };

function reachOf(actor: Actor, action: Action): Reach | undefined {
  if (actor.kind === 'anonymous') return undefined;
  return (POLICY[action] as Partial<Record<Role, Reach>>)[actor.role];
}

function within(actor: Exclude<Actor, { kind: 'anonymous' }>, reach: Reach, target: Target): boolean {
  if (reach === 'any') return true;
  if (reach === 'own-subject') return actor.subjectId !== null && actor.subjectId === target.subjectId;
  return actor.provinceCode === null || actor.provinceCode === target.provinceCode;
}

/** Whether the actor's role may ever do the action (its jurisdiction is checked with a target). */
export function roleMay(actor: Actor, action: Action): boolean {
  return reachOf(actor, action) !== undefined;
}

/**
 * A person's passkey assertion under 5 minutes old, or the operators' CLI. Also guards a person's
 * own credentials: adding or removing a passkey with only a session cookie would turn a stolen
 * cookie into a lasting credential that could then step up.
 */
export function requireFreshAssertion(actor: Actor): void {
  if (actor.kind === 'anonymous') throw unauthorized();
  if (actor.kind === 'system') return;
  if (actor.kind === 'token')
    throw forbidden('Thao tác này cần một người xác thực lại bằng passkey; mã truy cập máy không thực hiện được.');
  if (!actor.steppedUp) throw new AppError('step_up_required', 'Hãy xác thực lại bằng passkey để tiếp tục.');
}

/** Throws 401 for anonymous, 403 for a role or jurisdiction outside the table. */
export function authorize(actor: Actor, action: Action, target?: Target): void {
  if (actor.kind === 'anonymous') throw unauthorized();
  const reach = reachOf(actor, action);
  if (!reach) throw forbidden();
  if (STEP_UP_ACTIONS.has(action)) requireFreshAssertion(actor);
  if (target && !within(actor, reach, target)) {
    if (target.what) throw notFound(target.what);
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
