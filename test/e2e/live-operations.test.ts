import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli';
import { startService, verificationTraffic, type ServiceProcess } from '../support/service-process';

/**
 * Operators at work on a running `npm start` (PGlite): every CLI command goes through the service,
 * its effect visible at once, while verifications keep coming; then backups, and crashes.
 */
describe('operators on a live embedded service', () => {
  const root = mkdtempSync(join(tmpdir(), 'ocop-live-'));
  const dataDir = join(root, 'data');
  const env = { DATA_DIR: dataDir };
  // One public origin for every service here, so verdicts of two services compare as they are.
  const serviceEnv = { PUBLIC_ORIGIN: 'http://localhost:8787', REPORT_RATE_PER_MINUTE: '100000' };
  let service: ServiceProcess;
  const others: ServiceProcess[] = [];
  let adminToken = '';
  /** Tokens the CLI printed (acknowledged), each with a request it must keep answering 200. */
  const acknowledged: Array<{ token: string; path: string }> = [];

  const cli = async (...args: string[]) => {
    const run = await runCli(env, ...args);
    expect(run.code, `${args.join(' ')}\n${run.stdout}\n${run.stderr}`).toBe(0);
    return run.stdout.trim();
  };
  const get = (s: ServiceProcess, path: string, token?: string) =>
    fetch(`${s.origin}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  beforeAll(async () => {
    service = await startService(dataDir, serviceEnv);
  }, 180_000);

  afterAll(async () => {
    for (const s of [service, ...others]) await s?.stop('SIGKILL');
    rmSync(root, { recursive: true, force: true });
  });

  it('serves the database on a socket in DATA_DIR, named in the lock with the owner pid', async () => {
    const lock = JSON.parse(readFileSync(join(dataDir, 'database.lock'), 'utf8'));
    expect(lock).toMatchObject({ pid: service.child.pid, role: 'service', socket: { dir: dataDir } });
    expect(readdirSync(dataDir)).toEqual(expect.arrayContaining(['.s.PGSQL.5432', 'database.lock', 'pglite']));
  });

  it('runs every command through the running service while it verifies, each effect visible at once', async () => {
    const traffic = verificationTraffic(() => service.origin, [...service.codes.values()]);
    try {
      const retailer = await cli('token', 'create', '--role', 'retailer', '--province', '20');
      expect((await get(service, '/api/v1/intakes', retailer)).status).toBe(200);
      adminToken = await cli('token', 'create', '--role', 'admin', '--name', 'live operations');
      acknowledged.push({ token: retailer, path: '/api/v1/intakes' }, { token: adminToken, path: '/api/v1/tokens' });

      const link = await cli('enroll', '--role', 'inspector', '--province', '20', '--name', 'Nông Văn Kiểm');
      expect(link).toMatch(/\/enroll#[\w-]+$/);
      const pending = (await (await get(service, '/api/v1/enrolments', adminToken)).json()) as
        | { items?: Array<{ name: string }> }
        | Array<{ name: string }>;
      expect(JSON.stringify(pending)).toContain('Nông Văn Kiểm');

      const rotated = await cli('keys', 'rotate');
      const newKid = /Active key is now (\w+)/.exec(rotated)![1]!;
      const jwks = (await (await get(service, '/.well-known/jwks.json')).json()) as { keys: Array<{ kid: string }> };
      expect(jwks.keys.map((k) => k.kid)).toContain(newKid);
      await cli('keys', 'rotate');
      await cli('keys', 'compromise', '--kid', newKid);
      const after = (await (await get(service, '/.well-known/jwks.json')).json()) as { keys: Array<{ kid: string }> };
      expect(after.keys.map((k) => k.kid)).not.toContain(newKid);
      await cli('keys', 'rewrap');

      expect(await cli('certificates', 'expiring', '--days', '365')).toMatch(/\t/);
      await cli('people', 'list');
      expect(await cli('audit', 'verify')).toMatch(/^Audit log intact: \d+ entries/);
      const verdict = (await (await get(service, `/api/v1/verify/${service.codes.get('valid')}`)).json()) as {
        status: string;
      };
      expect(verdict.status).toBe('valid');
    } finally {
      const stats = await traffic.stop();
      expect(stats.serverErrors).toBe(0);
      expect(stats.unreachable).toBe(0);
      expect(stats.answered).toBeGreaterThan(20);
    }
  }, 900_000);

  it('backs up under traffic; the restored folder serves the same verdicts, keys and an intact audit chain', async () => {
    const backup = join(root, 'backup.ocop');
    const traffic = verificationTraffic(() => service.origin, [...service.codes.values()]);
    const made = await cli('backup', '--out', backup).finally(() => traffic.stop());
    expect(made).toContain('taken by the running service');
    expect(made).toContain('key-encryption-key');

    const notEmpty = await runCli({ DATA_DIR: dataDir }, 'restore', '--in', backup);
    expect(notEmpty.code).not.toBe(0);
    expect(notEmpty.stderr).toContain('is not empty');

    const restoredDir = join(root, 'restored');
    const restored = await runCli({ DATA_DIR: restoredDir }, 'restore', '--in', backup);
    expect(restored.code, restored.stderr).toBe(0);
    const second = await startService(restoredDir, serviceEnv);
    others.push(second);
    for (const code of service.codes.values()) {
      const [a, b] = await Promise.all(
        [service, second].map(async (s) => {
          const {
            scans: _scans,
            checkedAt: _checkedAt,
            ...rest
          } = (await (await get(s, `/api/v1/verify/${code}`)).json()) as Record<string, unknown>;
          return rest;
        }),
      );
      expect(b).toEqual(a);
    }
    const [jwksA, jwksB] = await Promise.all(
      [service, second].map(async (s) => (await get(s, '/.well-known/jwks.json')).text()),
    );
    expect(jwksB).toBe(jwksA);
    const audit = await runCli({ DATA_DIR: restoredDir }, 'audit', 'verify');
    expect(audit.stdout).toMatch(/^Audit log intact/);
    expect((await get(second, '/api/v1/intakes', acknowledged[0]!.token)).status).toBe(200);
    expect(await second.stop('SIGTERM')).toBe(0);
  }, 900_000);

  it('loses nothing acknowledged when the service is killed mid-write, three times in a row', async () => {
    for (let round = 1; round <= 3; round++) {
      const traffic = verificationTraffic(() => service.origin, [...service.codes.values()]);
      const started = Date.now();
      acknowledged.push({
        token: await cli('token', 'create', '--role', 'retailer', '--province', '20', '--name', `round ${round}`),
        path: '/api/v1/intakes',
      });
      const commandMs = Date.now() - started;
      await cli('enroll', '--role', 'retailer', '--province', '20', '--name', `Người nhận ${round}`);
      // A command in flight when the service dies, late in its run, when it writes: it fails, or
      // finds the owner dead and finishes on the folder itself. Scans are being written meanwhile.
      const inFlight = runCli(
        env,
        'token',
        'create',
        '--role',
        'retailer',
        '--province',
        '20',
        '--name',
        `in flight ${round}`,
      );
      await new Promise((r) => setTimeout(r, commandMs * (0.6 + 0.4 * Math.random())));
      expect(await service.stop('SIGKILL')).toBeNull();
      const late = await inFlight;
      if (late.code === 0) acknowledged.push({ token: late.stdout.trim(), path: '/api/v1/intakes' });

      service = await startService(dataDir, serviceEnv);
      await traffic.stop();
      for (const { token, path } of acknowledged) expect((await get(service, path, token)).status, path).toBe(200);
      const pending = await (await get(service, '/api/v1/enrolments', adminToken)).text();
      for (let r = 1; r <= round; r++) expect(pending).toContain(`Người nhận ${r}`);
      expect(await cli('audit', 'verify')).toMatch(/^Audit log intact/);
    }
    expect(await service.stop('SIGTERM')).toBe(0);
    expect(existsSync(join(dataDir, 'database.lock'))).toBe(false);
    expect(existsSync(join(dataDir, '.s.PGSQL.5432'))).toBe(false);
  }, 1_500_000);
});
