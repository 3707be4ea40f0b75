import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { eq, sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { signingKeys } from '../../src/db/schema';
import { keyFilePath } from '../../src/keys/file-key-store';
import { kekFilePath } from '../../src/keys/kek-file';
import { verifyAuditChain } from '../../src/services/audit/verify-audit-chain';
import { markKeyCompromised, rotateSigningKey } from '../../src/services/keys/rotate-signing-key';
import type { Verdict } from '../../src/services/verification/verdict-types';
import { ADMIN, DATABASE_KINDS, openHarness, type Harness } from '../support/harness';

describe.each(DATABASE_KINDS)('keys, JWKS and audit on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness(kind);
  });
  afterAll(async () => {
    await h?.close();
  });

  const status = async (code: string) => ((await (await h.request(`/api/v1/verify/${code}`)).json()) as Verdict).status;
  const jwks = async () =>
    ((await (await h.request('/.well-known/jwks.json')).json()) as { keys: { kid: string; status: string }[] }).keys;

  it('seals the private key into the database under a KEK kept in DATA_DIR (0600), and publishes only the public half', async () => {
    expect(statSync(kekFilePath(h.dataDir)).mode & 0o777).toBe(0o600);
    expect(existsSync(keyFilePath(h.dataDir))).toBe(false);
    const [row] = await h.db
      .select({ sealed: signingKeys.privateKeySealed })
      .from(signingKeys)
      .where(eq(signingKeys.kid, 'K1'));
    expect(row!.sealed).toMatch(/^v1\.[0-9a-f]{12}\.[\w-]{16}\.[\w-]+$/);
    const keys = await jwks();
    expect(keys).toEqual([expect.objectContaining({ kid: 'K1', kty: 'OKP', crv: 'Ed25519', status: 'active' })]);
    expect(JSON.stringify(keys)).not.toContain('"d"');
  });

  it('rotates: new stamps use the new key, old stamps keep verifying, the JWKS lists both', async () => {
    const rotated = await rotateSigningKey({ ctx: h.ctx(ADMIN) });
    expect(rotated).toEqual({ kid: 'K2', retired: ['K1'] });
    expect(await status(h.codes.valid)).toBe('valid');
    expect((await jwks()).map((k) => `${k.kid}:${k.status}`).sort()).toEqual(['K1:retired', 'K2:active']);
    const signer = await h.keys.activeSigner(h.db);
    expect(signer.kid).toBe('K2');
  });

  it('turns every stamp of a compromised key into forged and drops it from the JWKS', async () => {
    await expect(markKeyCompromised({ ctx: h.ctx(ADMIN), input: { kid: 'K2' } })).rejects.toThrow(/xoay khóa/);
    await markKeyCompromised({ ctx: h.ctx(ADMIN), input: { kid: 'K1' } });
    const verdict = (await (await h.request(`/api/v1/verify/${h.codes.valid}`)).json()) as Verdict;
    expect(verdict).toMatchObject({ status: 'forged', forgedReason: 'compromised_key' });
    expect((await jwks()).map((k) => k.kid)).toEqual(['K2']);
  });

  it('chains every mutation in the audit log, and names the first edited row', async () => {
    const intact = await verifyAuditChain(h.db);
    expect(intact.ok).toBe(true);
    expect(intact.rows).toBeGreaterThan(30);
    await expect(h.db.execute(sql`update audit_log set actor = 'someone else' where id = 5`)).rejects.toThrow();
    // A superuser can switch the guard off; the hash chain still shows the edit.
    await h.db.transaction(async (tx) => {
      await tx.execute(sql`alter table audit_log disable trigger audit_log_no_update_delete`);
      await tx.execute(sql`update audit_log set after = jsonb_set(after, '{name}', '"Tampered"') where id = 7`);
      await tx.execute(sql`alter table audit_log enable trigger audit_log_no_update_delete`);
    });
    expect(await verifyAuditChain(h.db)).toMatchObject({
      ok: false,
      brokenAtId: 7,
      reason: expect.stringContaining('hash'),
    });
  });
});

describe('operators’ CLI', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness('postgres');
  });
  afterAll(async () => {
    await h?.close();
  });

  const cli = (...args: string[]) => {
    try {
      return {
        code: 0,
        out: execFileSync('npx', ['tsx', 'src/cli/index.ts', ...args], {
          encoding: 'utf8',
          env: { ...process.env, DATABASE_URL: h.databaseUrl!, DATA_DIR: h.dataDir },
          stdio: ['ignore', 'pipe', 'pipe'],
        }),
      };
    } catch (error) {
      const e = error as { status: number; stdout: string; stderr: string };
      return { code: e.status, out: e.stdout + e.stderr };
    }
  };

  it('creates a scoped token that the API accepts', async () => {
    const created = cli('token', 'create', '--role', 'inspector', '--province', '22');
    expect(created.code).toBe(0);
    const token = created.out.trim().split('\n').pop()!;
    expect(token).toMatch(/^ocop_/);
    const res = await h.request('/api/v1/subjects', { headers: { authorization: `Bearer ${token}` } });
    const body = (await res.json()) as { items: { provinceCode: string }[] };
    expect(res.status).toBe(200);
    expect(body.items.every((s) => s.provinceCode === '22')).toBe(true);
  });

  it('refuses bad arguments with a clear message and no stack', () => {
    const bad = cli('token', 'create', '--role', 'wizard');
    expect(bad.code).toBe(2);
    expect(bad.out).toContain('--role must be one of');
    expect(bad.out).not.toMatch(/\n\s+at /);
    expect(cli('nonsense').out).toContain('Usage');
  });

  it('verifies the audit chain', () => {
    const report = cli('audit', 'verify');
    expect(report.code).toBe(0);
    expect(report.out).toContain('Audit log intact');
  });
});

describe('with the database down', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness('postgres');
    await h.request(`/api/v1/verify/${h.codes.valid}`); // the process has seen the published key
  });
  afterAll(async () => {
    await h?.close();
  });

  it('still answers 200 with a signature-only verdict and says live status is unavailable', async () => {
    const sql = postgres(process.env.TEST_DATABASE_URL!, { max: 1, onnotice: () => {} });
    const name = new URL(h.databaseUrl!).pathname.slice(1);
    // Take the database away for real: no new connections, and every open one terminated.
    await sql.unsafe(`alter database ${name} with allow_connections false`);
    await sql.unsafe(`select pg_terminate_backend(pid) from pg_stat_activity where datname = '${name}'`);
    try {
      const json = (await (
        await h.request(`/S/${h.codes.revoked}`, { headers: { accept: 'application/json' } })
      ).json()) as Verdict;
      expect(json).toMatchObject({ status: 'valid', live: false });
      const page = await h.request(`/S/${h.codes.valid}`);
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain('Chưa kiểm tra được trạng thái hiện tại');
      expect(html).toContain('class="banner warning"');
      const forged = (await (await h.request(`/api/v1/verify/${h.codes.forged}`)).json()) as Verdict;
      expect(forged).toMatchObject({ status: 'forged', live: false });
    } finally {
      await sql.unsafe(`alter database ${name} with allow_connections true`);
      await sql.end();
    }
  });
});
