import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { ZodError, type ZodType } from 'zod';
import type { AppEnv } from '../../app-env';
import { AppError, ERROR_STATUS, invalid } from '../../services/shared/errors';
import { roleMay } from '../../services/shared/policy';
import { safeParseText } from '../errors';
import type { FieldErrors } from '../../../web/console/forms';
import { consolePage, type May, type PageOptions, type PageUser } from '../../../web/console/layout';
import type { Html } from '../../../web/view';
import { vi } from '../../../web/words/vi';

/** The policy's answer for the signed-in role, handed to views (web/ holds no policy of its own). */
export function may(c: Context<AppEnv>): May {
  const actor = c.var.actor;
  return (action) => roleMay(actor, action);
}

export function pageUser(c: Context<AppEnv>): PageUser {
  return {
    actor: c.var.actor,
    personName: c.var.session?.personName,
    csrfToken: c.var.session?.csrfToken,
    may: may(c),
  };
}

/** The statuses a console page answers with. */
export type PageStatus = 200 | 400 | 403 | 404 | 409 | 422;

/** Console pages are for people with a session; anyone else is sent to sign in. */
export const requirePerson = createMiddleware<AppEnv>(async function signedInOnly(c, next) {
  if (c.var.actor.kind !== 'session') {
    return c.redirect(`/console/sign-in?next=${encodeURIComponent(new URL(c.req.url).pathname)}`, 303);
  }
  await next();
});

export function render(c: Context<AppEnv>, title: string, body: Html, status: PageStatus = 200, options?: PageOptions) {
  c.header('Cache-Control', 'no-store');
  return c.html(consolePage(title, pageUser(c), body, options), status);
}

/** Validation or a service refusal, as a message for the form and one per field. */
export function formFailure(error: unknown): {
  message: string;
  fields: FieldErrors;
  status: 400 | 403 | 404 | 409 | 422;
} {
  if (error instanceof ZodError) {
    // a service that validates its own input
    return {
      message: vi.messages.fixFields,
      status: 400,
      fields: Object.fromEntries(error.issues.map((i) => [String(i.path[0] ?? ''), i.message])),
    };
  }
  if (error instanceof AppError) {
    const status = ERROR_STATUS[error.code];
    return {
      message: error.message,
      status: (status === 401 || status === 429 || status >= 500 ? 403 : status) as 400 | 403 | 404 | 409 | 422,
      fields: Object.fromEntries((error.details?.fields ?? []).map((f) => [f.path, f.message])),
    };
  }
  throw error;
}

/**
 * The schema's output, or an `invalid_input` AppError naming each field. Not the ZodError itself:
 * zod 4's errors are not `instanceof Error`, so Hono would let one escape its error handler.
 */
export function parseWith<T>(schema: ZodType<T>, input: unknown): T {
  const result = safeParseText(schema, input); // NUL or a broken surrogate: a field error like any other
  if (!result.success) {
    throw invalid(
      vi.messages.fixFields,
      result.error.issues.map((i) => ({ path: String(i.path[0] ?? ''), message: i.message })),
    );
  }
  return result.data;
}

export async function postedForm(c: Context<AppEnv>): Promise<Record<string, string | string[]>> {
  return (await c.req.parseBody({ all: true })) as Record<string, string | string[]>;
}
