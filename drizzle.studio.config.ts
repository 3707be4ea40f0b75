import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defineConfig } from 'drizzle-kit';

/**
 * `npx drizzle-kit studio --config drizzle.studio.config.ts`: the running service's database,
 * through the socket it names in DATA_DIR/database.lock (or DATABASE_URL's PostgreSQL).
 */
function embeddedSocketDir(): string {
  const dataDir = resolve(process.env.DATA_DIR ?? '.data');
  try {
    return (JSON.parse(readFileSync(join(dataDir, 'database.lock'), 'utf8')) as { socket: { dir: string } }).socket.dir;
  } catch {
    throw new Error(
      `No service owns ${dataDir}: start it with npm start first (drizzle-kit reaches PGlite through it).`,
    );
  }
}

export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema/index.ts',
  casing: 'snake_case',
  dbCredentials: process.env.DATABASE_URL
    ? { url: process.env.DATABASE_URL }
    : {
        host: embeddedSocketDir(),
        port: 5432,
        user: 'postgres',
        password: 'postgres',
        database: 'postgres',
        ssl: false,
      },
});
