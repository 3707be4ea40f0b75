import { notFound } from '../shared/errors';
import { authorize, grantAction, roleMay, type Action, type Actor, type Role } from '../shared/policy';

/** A person, or an invitation, whose power an actor changes. */
export type Holder = { role: Role; provinceCode: string | null; subjectId: string | null };

/**
 * Whoever disables, enables or withdraws must also be able to grant the holder's tier, inside its
 * own jurisdiction. A holder out of that reach answers as a missing id, so ids cannot be probed.
 */
export function authorizePowerOver(actor: Actor, action: Action, holder: Holder, what: string): void {
  if (!roleMay(actor, grantAction(holder.role))) throw notFound(what);
  const target = { provinceCode: holder.provinceCode, subjectId: holder.subjectId, what };
  authorize(actor, action, target);
  authorize(actor, grantAction(holder.role), target);
}
