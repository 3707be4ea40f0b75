import postgres from 'postgres';
import { drizzle } from 'drizzle-orm/postgres-js';
import * as schema from './schema';
import type { Db, DbHandle } from './client';

export function connectPostgres(url: string, options: { max?: number } = {}): DbHandle {
  const client = postgres(url, { max: options.max ?? 10, onnotice: () => {}, prepare: true });
  const db = drizzle({ client, schema, casing: 'snake_case' });
  return { db: db as unknown as Db, close: () => client.end({ timeout: 5 }) };
}

export async function migratePostgres(url: string, migrationsFolder: string): Promise<void> {
  const { migrate } = await import('drizzle-orm/postgres-js/migrator');
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await migrate(drizzle({ client, casing: 'snake_case' }), { migrationsFolder });
  } finally {
    await client.end({ timeout: 5 });
  }
}
