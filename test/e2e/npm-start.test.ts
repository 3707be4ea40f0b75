import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scans, stampSummaries } from '../../src/db/schema';
import { openEmbeddedOwner } from '../../src/db/embedded-owner';
import { parseStampCode } from '../../src/domain/stamp-codec';
import { VERDICT_STATUSES } from '../../src/domain/verdict';
import { MIGRATIONS_FOLDER } from '../../src/node/boot';
import type { Verdict } from '../../src/services/verification/verdict-types';
import { runCli } from '../support/cli';
import { createTestDatabase } from '../support/harness';
import { freePort, startService, type ServiceProcess } from '../support/service-process';

/** The README's first command, as a newcomer runs it: a DATA_DIR that does not exist yet, PGlite, demo data. */
describe('npm start', () => {
  const root = mkdtempSync(join(tmpdir(), 'ocop-start-'));
  const dataDir = join(root, 'not', 'yet', 'there');
  let server: ServiceProcess;

  beforeAll(async () => {
    server = await startService(dataDir, { VERIFY_RATE_PER_MINUTE: '600' });
  }, 180_000);

  afterAll(async () => {
    await server.stop('SIGKILL');
    rmSync(root, { recursive: true, force: true });
  });

  it('seeds the demo on an empty database and prints one URL per status, each giving that status', async () => {
    const output = server.output();
    expect(output).toContain('seeding the demo data set');
    expect(output).toMatch(/First administrator's passkey enrolment link.*\n\s+http:\/\/localhost:\d+\/enroll#[\w-]+/);
    expect(output).toContain(`psql -h ${dataDir} -U postgres`);
    expect([...server.codes.keys()].sort()).toEqual([...VERDICT_STATUSES].sort());
    for (const [status, code] of server.codes) {
      const verdict = (await (
        await fetch(`${server.origin}/S/${code}`, { headers: { accept: 'application/json' } })
      ).json()) as Verdict;
      expect(verdict.status).toBe(status);
    }
  });

  it('refuses a second service on the same DATA_DIR, naming the one that owns it', () => {
    const second = spawnSync(process.execPath, ['--import', 'tsx', 'src/node.ts'], {
      encoding: 'utf8',
      env: { ...process.env, PORT: String(freePort()), DATA_DIR: dataDir, DATABASE_URL: '' },
      timeout: 120_000,
    });
    expect(second.status).toBe(1);
    expect(second.stderr).toContain(`is in use by process ${server.child.pid} (npm start`);
  }, 130_000);

  it('writes every pending scan before it exits on SIGTERM, and leaves no lock or socket behind', async () => {
    const code = server.codes.get('suspended')!;
    // The previous test kept this process busy past the server's keep-alive: a pooled connection
    // may be closing. A request that writes nothing takes that race, not a counted scan.
    await fetch(`${server.origin}/.well-known/jwks.json`).catch(() => null);
    for (let i = 0; i < 5; i++) await fetch(`${server.origin}/S/${code}`);
    expect(await server.stop('SIGTERM')).toBe(0); // at once: scans are still in the buffer
    expect(readdirSync(dataDir).filter((name) => name.startsWith('.s.') || name.startsWith('database.lock'))).toEqual(
      [],
    );
    const db = await openEmbeddedOwner(dataDir, MIGRATIONS_FOLDER, { role: 'cli', serve: false });
    try {
      const rows = await db.db
        .select()
        .from(scans)
        .where(eq(scans.serial, parseStampCode(code)!.serial));
      expect(rows).toHaveLength(6); // one from the status check above, five here
      expect(rows.every((r) => r.scannerHash && !r.scannerHash.includes('127.0.0.1'))).toBe(true);
      // Written with their summary, in the same transaction: the next verdict counts all six.
      const [summary] = await db.db
        .select()
        .from(stampSummaries)
        .where(eq(stampSummaries.serial, parseStampCode(code)!.serial));
      expect(summary?.scanCount).toBe(6);
    } finally {
      await db.close();
    }
    // With no service running, a command opens the folder itself, and lets it go.
    const audit = await runCli({ DATA_DIR: dataDir }, 'audit', 'verify');
    expect(audit.stdout).toMatch(/^Audit log intact/);
    expect(existsSync(join(dataDir, 'database.lock'))).toBe(false);
  });
});

describe('npm start on PostgreSQL', () => {
  it('creates a DATA_DIR that does not exist for its key material', async () => {
    const root = mkdtempSync(join(tmpdir(), 'ocop-start-pg-'));
    const database = await createTestDatabase();
    const dataDir = join(root, 'missing');
    const server = await startService(dataDir, { DATABASE_URL: database.url, SEED_DEMO: 'false' });
    try {
      expect(server.output()).toContain('database: PostgreSQL');
      expect(existsSync(dataDir)).toBe(true);
      expect((await fetch(`${server.origin}/.well-known/jwks.json`)).status).toBe(200);
    } finally {
      await server.stop('SIGTERM');
      await database.drop();
      rmSync(root, { recursive: true, force: true });
    }
  }, 180_000);
});
