import type { Context } from 'hono';
import type { AppEnv } from '../app-env';
import type { ServiceContext } from '../services/shared/context';

/** The service context of a request: its database, actor, clock, keys and request id. */
export function serviceContext(c: Context<AppEnv>): ServiceContext {
  const deps = c.var.deps;
  return {
    db: c.var.db,
    actor: c.var.actor,
    now: deps.now,
    keys: deps.keys,
    config: deps.config,
    requestId: c.var.requestId,
    labelFont: deps.labelFont,
  };
}
