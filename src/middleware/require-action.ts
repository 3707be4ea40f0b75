import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../app-env';
import { forbidden, unauthorized } from '../services/shared/errors';
import { requireFreshAssertion, roleMay, STEP_UP_ACTIONS, type Action } from '../services/shared/policy';

/**
 * Authenticate, then authorize, then validate: a protected route answers 401 to a caller without
 * credentials and 403 to a role outside the policy table before its input is even parsed, so an
 * anonymous caller learns nothing about fields, enums or which ids exist. The service checks the
 * same table again with the record's jurisdiction (and step-up) on its first line.
 */
export function requireAction(...actions: Action[]) {
  return createMiddleware<AppEnv>(async function authorizedRole(c, next) {
    const actor = c.get('actor');
    if (actor.kind === 'anonymous') throw unauthorized();
    if (!actions.some((action) => roleMay(actor, action))) throw forbidden();
    // What only a person with a fresh passkey may do, a bearer token is refused before its body is read.
    if (actor.kind === 'token' && actions.every((action) => STEP_UP_ACTIONS.has(action))) requireFreshAssertion(actor);
    await next();
  });
}

/** For the calls a signed-in person makes about their own account (step-up, passkeys, sign-out). */
export const requirePersonSession = createMiddleware<AppEnv>(async function signedInPerson(c, next) {
  if (c.get('actor').kind !== 'session' || !c.get('session')) throw unauthorized();
  await next();
});
