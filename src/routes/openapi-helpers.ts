import { z } from '@hono/zod-openapi';
import { requireAction, requirePersonSession } from '../middleware/require-action';
import type { Action } from '../services/shared/policy';
import { errorSchema } from './shared/schemas';

/** Shared pieces of route definitions: a JSON body or response, and the usual error answers. */
export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});
export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});
export const anyRecord = z.object({}).loose();
export const sessionOrToken: Record<string, string[]>[] = [{ bearer: [] }, { session: [] }];

/**
 * Spread into a protected route's definition: who may call it (session or token), the guard that
 * answers 401/403 before any input is validated, and the policy actions it obeys, published as
 * `x-policy-actions` so that tests and integrators can see the rule behind each operation.
 */
export const guarded = (...actions: Action[]) => ({
  security: sessionOrToken,
  middleware: requireAction(...actions),
  'x-policy-actions': actions,
});

/** Spread into a route that acts on the signed-in person's own account. */
export const ownAccount = { security: [{ session: [] }], middleware: requirePersonSession };
export const commonErrors = {
  400: json(errorSchema, 'Invalid input, with a message per field'),
  401: json(errorSchema, 'Not signed in'),
  403: json(errorSchema, 'Outside the actor’s role or jurisdiction, or a fresh passkey assertion (step-up) is needed'),
  404: json(errorSchema, 'Not found'),
};
export const conflictError = { 409: json(errorSchema, 'Not allowed from the current state') };
