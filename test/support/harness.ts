import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { loadConfig } from '../../src/env';
import { bootNode } from '../../src/node/boot';
import { demoCodes, seedDemo, SEED_ACTOR } from '../../src/seed/seed-demo';
import type { ServiceContext } from '../../src/services/shared/context';
import type { Actor, Role } from '../../src/services/shared/policy';
import { createApiToken } from '../../src/services/tokens/create-token';
import { verifyStamp } from '../../src/services/verification/verify-stamps';
import type { VerdictStatus } from '../../src/domain/verdict';

export type DatabaseKind = 'pglite' | 'postgres';
/** Every integration suite runs once per kind: embedded PGlite and a real PostgreSQL cluster. */
export const DATABASE_KINDS: DatabaseKind[] = ['pglite', 'postgres'];
/** A fixed "today", so the demo's statuses (expired, valid…) do not drift with the calendar. */
export const TEST_NOW = new Date('2026-11-23T10:00:00+07:00');
export const TEST_ORIGIN = 'https://ocop.example.vn';
export const ADMIN: Actor = { kind: 'system', id: 'test-admin', role: 'admin', provinceCode: null, subjectId: null };

function testDatabaseUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url)
    throw new Error('TEST_DATABASE_URL is not set. Run the suite with `npm test`, which starts a PostgreSQL cluster.');
  return url;
}

/** Creates an empty database on the test cluster and returns its URL. */
export async function createTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const base = testDatabaseUrl();
  const name = `t_${crypto.randomUUID().replaceAll('-', '')}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  return {
    url: base.replace(/\/[^/]*$/, `/${name}`),
    drop: async () => {
      const sql = postgres(base, { max: 1, onnotice: () => {} });
      await sql.unsafe(`drop database if exists ${name} with (force)`);
      await sql.end();
    },
  };
}

/** Boots the real Node runtime (migrations, keys, app) on the given database, seeded with the demo. */
export async function openHarness(kind: DatabaseKind, options: { seed?: boolean; env?: Record<string, string> } = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'ocop-test-'));
  const database = kind === 'postgres' ? await createTestDatabase() : null;
  let now = TEST_NOW;
  const config = loadConfig({
    DATA_DIR: dataDir,
    DATABASE_URL: database?.url,
    PUBLIC_ORIGIN: TEST_ORIGIN,
    VERIFY_RATE_PER_MINUTE: '1000000',
    SIGN_IN_RATE_PER_MINUTE: '1000',
    // Suites verify hundreds of thousands of codes in bulk; test/integration/bulk-and-privacy.test.ts tests the real budgets.
    BULK_CODES_PER_MINUTE: '100000000',
    ANON_BULK_CODES_PER_MINUTE: '100000000',
    ...options.env,
  });
  const runtime = await bootNode(config, { now: () => now });
  const ctx = (actor: Actor): ServiceContext => ({
    db: runtime.db,
    actor,
    now: () => now,
    keys: runtime.keys,
    config: runtime.config,
    labelFont: runtime.labelFont,
  });
  if (options.seed !== false) await seedDemo(ctx(SEED_ACTOR));
  const codes = options.seed !== false ? await demoCodes(ctx(SEED_ACTOR)) : null;

  return {
    ...runtime,
    kind,
    dataDir,
    databaseUrl: database?.url ?? null,
    codes: codes!,
    ctx,
    setNow: (date: Date) => {
      now = date;
    },
    /** A real bearer token, created through the same service as `npm run cli -- token create`: scope as written. */
    token: async (
      role: Role,
      scope: { provinceCode?: string | null; subjectId?: string | null; organisationId?: string | null } = {},
    ) =>
      (
        await createApiToken({
          ctx: ctx(ADMIN),
          input: {
            name: `test ${role}`,
            role,
            provinceCode: scope.provinceCode ?? null,
            subjectId: scope.subjectId ?? null,
            organisationId: scope.organisationId ?? null,
            expiresAt: null,
          },
        })
      ).token,
    request: (path: string, init?: RequestInit) => runtime.app.request(path, init),
    /** The batch behind a demo stamp of the given status. */
    demoBatchId: async (status: VerdictStatus) => (await verifyStamp(ctx(ADMIN), codes![status])).batchId!,
    close: async () => {
      await runtime.close();
      await database?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type Harness = Awaited<ReturnType<typeof openHarness>>;

export const json = (body: unknown, token?: string, method = 'POST'): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
  body: JSON.stringify(body),
});

export const bearer = (token: string): RequestInit => ({ headers: { authorization: `Bearer ${token}` } });
