import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scans } from '../../src/db/schema';
import { openPglite } from '../../src/db/pglite';
import { parseStampCode } from '../../src/domain/stamp-codec';
import { VERDICT_STATUSES } from '../../src/domain/verdict';
import { MIGRATIONS_FOLDER } from '../../src/node/boot';
import type { Verdict } from '../../src/services/verification/verdict-types';

/** The README's first command, as a newcomer runs it: a fresh DATA_DIR, PGlite, demo data. */
describe('npm start', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ocop-start-'));
  const port = 20000 + Math.floor(Math.random() * 20000);
  let server: ChildProcess;
  let output = '';
  const urls = new Map<string, string>();

  beforeAll(async () => {
    server = spawn(join(process.cwd(), 'node_modules', '.bin', 'tsx'), ['src/node.ts'], {
      env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, DATABASE_URL: '' }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout!.on('data', (d) => (output += d));
    server.stderr!.on('data', (d) => (output += d));
    const deadline = Date.now() + 90_000;
    while (!output.includes('OCOP stamp service on')) {
      if (Date.now() > deadline || server.exitCode !== null) throw new Error(`npm start did not come up:\n${output}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    for (const match of output.matchAll(/^\s+(\w+)\s+(http\S+)$/gm)) urls.set(match[1]!, match[2]!);
  }, 120_000);

  afterAll(() => {
    if (server.exitCode === null) server.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('seeds the demo on an empty database and prints one URL per status, each giving that status', async () => {
    expect(output).toContain('seeding the demo data set');
    expect(output).toMatch(new RegExp(`First administrator's passkey enrolment link.*\\n\\s+http://localhost:${port}/enroll#[\\w-]+`));
    expect([...urls.keys()].sort()).toEqual([...VERDICT_STATUSES].sort());
    for (const [status, url] of urls) {
      expect(url.startsWith(`http://localhost:${port}/S/`)).toBe(true);
      const verdict = (await (await fetch(url, { headers: { accept: 'application/json' } })).json()) as Verdict;
      expect(verdict.status).toBe(status);
    }
  });

  it('writes every pending scan before it exits on SIGTERM', async () => {
    const url = urls.get('suspended')!;
    for (let i = 0; i < 5; i++) await fetch(url);
    server.kill('SIGTERM'); // at once: scans are still in the buffer
    const code = await new Promise<number | null>((resolve) => server.once('exit', resolve));
    expect(code).toBe(0);
    const db = await openPglite(join(dataDir, 'pglite'), MIGRATIONS_FOLDER);
    try {
      const serial = parseStampCode(url.split('/S/')[1]!)!.serial;
      const rows = await db.db.select().from(scans).where(eq(scans.serial, serial));
      expect(rows).toHaveLength(6); // one from the status check above, five here
      expect(rows.every((r) => r.scannerHash && !r.scannerHash.includes('127.0.0.1'))).toBe(true);
    } finally {
      await db.close();
    }
  });
});
