import type { Context } from 'hono';
import type { AppEnv } from '../app-env';
import type { ServiceContext } from '../services/shared/context';

/**
 * The service context of a request: its database, actor, clock, keys and request id. Read with
 * `c.get`: Hono's `c.var` copies every variable into a new object on each read.
 */
export function serviceContext(c: Context<AppEnv>): ServiceContext {
  const deps = c.get('deps');
  return {
    db: c.get('db'),
    actor: c.get('actor'),
    now: deps.now,
    keys: deps.keys,
    config: deps.config,
    requestId: c.get('requestId'),
    labelFont: deps.labelFont,
  };
}
