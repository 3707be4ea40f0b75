import { ZodError, type z } from 'zod';
import { findNonPlainText, NOT_PLAIN_TEXT_MESSAGE } from '../../domain/plain-text';
import type { ServiceContext } from './context';
import { authorize, type Action } from './policy';

/**
 * How every caller (a route, a console page, the CLI, a test) calls an operation. An operation
 * whose input may be empty (a list with no filter, a key rotation) can be called without one.
 */
// biome-ignore lint/complexity/noBannedTypes: `{} extends I` asks whether an empty input would do
export type ServiceCall<I> = { ctx: ServiceContext } & ({} extends I ? { input?: I } : { input: I });

type Spec<S extends z.ZodType, R> = {
  /**
   * The policy's action; the role check (and step-up) runs before the input is even read.
   * `public`: what anyone may read, anonymous included (a product page behind a GS1 barcode), so
   * there is no role to check; written out so that a missing action cannot read as public.
   */
  action: Action | 'public';
  input: S;
  run: (call: { ctx: ServiceContext; input: z.output<S> }) => Promise<R>;
};

/**
 * An operation in the order the standards ask for: the caller's right first, so someone without
 * it learns nothing from validation; then the input, parsed here rather than trusted from the
 * route, so the console and the CLI get the same checks and the same Vietnamese messages as the
 * API (a ZodError maps to a 400 in `handleError`); then the work, which checks the target's scope
 * once it has loaded the record.
 */
export function service<S extends z.ZodType, R>(spec: Spec<S, R>): (call: ServiceCall<z.input<S>>) => Promise<R> {
  return async ({ ctx, input }) => {
    if (spec.action !== 'public') authorize(ctx.actor, spec.action);
    return spec.run({ ctx, input: parseInput(spec.input, input ?? {}) });
  };
}

/** `schema.parse`, where a NUL or a lone surrogate anywhere in the input also fails, naming the field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const data = schema.parse(input);
  const path = findNonPlainText(data);
  if (path) throw new ZodError([{ code: 'custom', path, message: NOT_PLAIN_TEXT_MESSAGE, input }]);
  return data;
}
