import type { Db } from '../../db/client';
import type { Config } from '../../env';
import type { KeyRing } from '../../keys/key-ring';
import type { Actor } from './policy';

/** What every service receives: the database, who is acting, the clock and the keys. */
export type ServiceContext = {
  db: Db;
  actor: Actor;
  now: () => Date;
  keys: KeyRing;
  config: Config;
  requestId?: string;
  /** The TTF the labels embed (labels/fonts); read from disk on Node, bundled on Workers. */
  labelFont?: () => Promise<Uint8Array>;
  /** Set inside `withTransaction`, so nested services join the outer transaction. */
  inTransaction?: boolean;
};

export async function withTransaction<T>(ctx: ServiceContext, work: (tx: ServiceContext) => Promise<T>): Promise<T> {
  if (ctx.inTransaction) return work(ctx);
  return ctx.db.transaction((tx) => work({ ...ctx, db: tx as unknown as Db, inTransaction: true }));
}
