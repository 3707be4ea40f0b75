import postgres from 'postgres';
import { drizzle } from 'drizzle-orm/postgres-js';
import * as schema from './schema';
import type { Db, DbHandle } from './client';

/**
 * A client of the owner's embedded database (src/db/owner-socket.ts). One connection: the owner
 * runs one session anyway. Unnamed statements only: named ones would sit in the session the
 * service shares until this connection ends, and a command runs each statement about once.
 */
export async function connectToOwner(socketDir: string): Promise<DbHandle> {
  const client = postgres({
    host: socketDir,
    port: 5432,
    user: 'postgres',
    database: 'postgres',
    max: 1,
    prepare: false,
    connect_timeout: 10,
    onnotice: () => {},
  });
  try {
    await client`select 1`;
  } catch (error) {
    await client.end({ timeout: 1 }).catch(() => {});
    throw error;
  }
  const db = drizzle({ client, schema, casing: 'snake_case' });
  return { db: db as unknown as Db, close: () => client.end({ timeout: 5 }) };
}
