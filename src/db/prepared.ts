import type { SQL } from 'drizzle-orm';
import type { Db } from './client';

type PreparingDb = {
  dialect: { sqlToQuery(sql: SQL): { sql: string; params: unknown[] } };
  session: {
    prepareQuery(
      query: { sql: string; params: unknown[] },
      fields: undefined,
      name: string,
      arrayMode: boolean,
    ): { execute(): Promise<unknown> };
  };
};

/**
 * Runs raw SQL as a named prepared statement. Drizzle prepares only queries given a name, and
 * on the verification hot path planning a many-join query costs more than running it; prepared,
 * PostgreSQL plans it once per connection. Works on both drivers behind `Db`.
 */
export async function executePrepared<Row>(db: Db, name: string, query: SQL): Promise<Row[]> {
  const internals = db as unknown as PreparingDb;
  const result = await internals.session
    .prepareQuery(internals.dialect.sqlToQuery(query), undefined, name, false)
    .execute();
  return (Array.isArray(result) ? result : (result as { rows: Row[] }).rows) as Row[];
}

/** Runs raw SQL once and returns its rows, whichever driver is behind `Db`. */
export async function queryRows<Row>(db: Db, query: SQL): Promise<Row[]> {
  const result = await db.execute(query);
  return (Array.isArray(result) ? result : (result as unknown as { rows: Row[] }).rows) as Row[];
}
