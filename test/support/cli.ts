import { execFileSync, spawn } from 'node:child_process';
import { join } from 'node:path';
import type { Harness } from './harness';

const TSX = join(process.cwd(), 'node_modules', '.bin', 'tsx');

/** The link an operator gets from `npm run cli -- enroll …`, run for real against the harness database. */
export function cliEnrolLink(h: Harness, ...args: string[]): string {
  const out = execFileSync(TSX, ['src/cli/index.ts', 'enroll', ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, DATABASE_URL: h.databaseUrl!, DATA_DIR: h.dataDir, CONSOLE_ORIGIN: h.config.CONSOLE_ORIGIN },
  });
  return out.trim().split('\n').pop()!;
}

export type CliRun = { code: number | null; stdout: string; stderr: string };

/**
 * `npm run cli -- …` as a child process, without blocking this process's event loop: a service
 * this test process runs (a PGlite harness, which the CLI reaches through its socket) keeps serving.
 */
export function runCli(env: Record<string, string>, ...args: string[]): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, ['src/cli/index.ts', ...args], {
      env: { ...process.env, DATABASE_URL: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
