import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Harness } from './harness';

/** The link an operator gets from `npm run cli -- enroll …`, run for real against the harness database. */
export function cliEnrolLink(h: Harness, ...args: string[]): string {
  const out = execFileSync(join(process.cwd(), 'node_modules', '.bin', 'tsx'), ['src/cli/index.ts', 'enroll', ...args], {
    encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, DATABASE_URL: h.databaseUrl!, DATA_DIR: h.dataDir, CONSOLE_ORIGIN: h.config.CONSOLE_ORIGIN },
  });
  return out.trim().split('\n').pop()!;
}
