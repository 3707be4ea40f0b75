import { serve } from '@hono/node-server';
import { readOwner } from '../db/owner-lock';
import { loadConfig } from '../env';
import { demoCodes, isDatabaseEmpty, seedDemo, SEED_ACTOR } from '../seed/seed-demo';
import { createFirstAdminEnrolment } from '../services/auth/enrolment';
import { warnOnLongPublicOrigin } from '../labels/stamp-fit';
import { bootNode } from './boot';

/** `npm start`: PGlite in DATA_DIR (or DATABASE_URL), migrations, demo data, then serve on PORT. */
export async function main() {
  const config = loadConfig(process.env);
  warnOnLongPublicOrigin(config.PUBLIC_ORIGIN);
  const runtime = await bootNode(config);
  const ctx = { db: runtime.db, actor: SEED_ACTOR, now: runtime.now, keys: runtime.keys, config };

  if (config.SEED_DEMO === 'true') {
    if (await isDatabaseEmpty(ctx)) {
      console.log('Empty database: seeding the demo data set (DỮ LIỆU MINH HỌA)…');
      await seedDemo(ctx);
    }
    const codes = await demoCodes(ctx).catch(() => null);
    if (codes) {
      console.log('\nDemo stamps, one per verdict status (open in a browser, or add Accept: application/json):');
      for (const [status, code] of Object.entries(codes))
        console.log(`  ${status.padEnd(9)} ${config.PUBLIC_ORIGIN}/S/${code}`);
    }
  }

  // Nobody can sign in until an admin enrols: offer a one-time link. Each start's link withdraws
  // the previous one, and none is made (or accepted) once any administrator has enrolled.
  const firstAdmin = await createFirstAdminEnrolment({ ctx });
  if (firstAdmin)
    console.log(
      `\nNo administrator has enrolled yet. First administrator's passkey enrolment link (one use, 24 h; earlier ones no longer work):\n  ${firstAdmin.link}`,
    );

  const server = serve({ fetch: runtime.app.fetch, port: config.PORT }, (info) => {
    const socketDir = config.DATABASE_URL ? null : readOwner(config.DATA_DIR)?.socket?.dir;
    if (socketDir)
      console.log(
        `\nOperators: npm run cli -- … works on this running service; psql -h ${socketDir} -U postgres reaches its database.`,
      );
    console.log(
      `\nOCOP stamp service on http://localhost:${info.port}  (API docs: /docs, database: ${config.DATABASE_URL ? 'PostgreSQL' : `PGlite in ${config.DATA_DIR}`})`,
    );
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: finishing requests and writing pending scans…`);
    server.close();
    await runtime.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}
