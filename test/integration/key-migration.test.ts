import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importJWK } from 'jose';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DbHandle } from '../../src/db/client';
import { openPglite } from '../../src/db/pglite';
import { connectPostgres, migratePostgres } from '../../src/db/postgres';
import { auditLog, signingKeys } from '../../src/db/schema';
import { signStamp } from '../../src/domain/stamp-codec';
import { loadConfig } from '../../src/env';
import { keyFilePath, writeKeyFile } from '../../src/keys/file-key-store';
import { generateSigningJwk } from '../../src/keys/generate-key';
import { newKekSecret, parseKeks, sealedUnder } from '../../src/keys/key-encryption';
import { publicPart } from '../../src/keys/key-rows';
import { rewrapKeysCommand } from '../../src/keys/rewrap-command';
import { bootNode, MIGRATIONS_FOLDER, type NodeRuntime } from '../../src/node/boot';
import { rotateSigningKey } from '../../src/services/keys/rotate-signing-key';
import { seedDemo, demoCodes, SEED_ACTOR } from '../../src/seed/seed-demo';
import { verifyStamp } from '../../src/services/verification/verify-stamps';
import {
  ADMIN,
  createTestDatabase,
  DATABASE_KINDS,
  openHarness,
  TEST_NOW,
  TEST_ORIGIN,
  type DatabaseKind,
  type Harness,
} from '../support/harness';
import { bootSecondRuntime, harnessKek, unreachableDatabase } from '../support/second-runtime';

/**
 * An install of an earlier version: public halves in signing_keys, the private key of K1 in
 * DATA_DIR/signing-keys.json, a stray K2 published by a command run elsewhere (its private key in
 * some other folder), and a K9 in the file that the database never published.
 */
async function earlierInstall(kind: DatabaseKind) {
  const dataDir = mkdtempSync(join(tmpdir(), 'ocop-legacy-'));
  const database = kind === 'postgres' ? await createTestDatabase() : null;
  if (database) await migratePostgres(database.url, MIGRATIONS_FOLDER);
  const handle: DbHandle = database
    ? connectPostgres(database.url)
    : await openPglite(join(dataDir, 'pglite'), MIGRATIONS_FOLDER);
  const [k1, stray, loose] = await Promise.all(['K1', 'K2', 'K9'].map((kid) => generateSigningJwk(kid)));
  await handle.db.insert(signingKeys).values([
    { kid: 'K1', publicJwk: publicPart(k1!), state: 'active' },
    { kid: 'K2', publicJwk: publicPart(stray!), state: 'retired' },
  ]);
  await handle.close();
  writeKeyFile(dataDir, [k1!, loose!]);
  return {
    dataDir,
    database,
    stray: stray!,
    config: loadConfig({ DATA_DIR: dataDir, DATABASE_URL: database?.url, PUBLIC_ORIGIN: TEST_ORIGIN }),
  };
}

describe.each(DATABASE_KINDS)('upgrading an earlier install on %s', (kind) => {
  let legacy: Awaited<ReturnType<typeof earlierInstall>>;
  let runtime: NodeRuntime;
  const said: string[] = [];
  beforeAll(async () => {
    legacy = await earlierInstall(kind);
    const log = vi.spyOn(console, 'log').mockImplementation((...args) => void said.push(args.join(' ')));
    const warn = vi.spyOn(console, 'warn').mockImplementation((...args) => void said.push(args.join(' ')));
    try {
      runtime = await bootNode(legacy.config, { now: () => TEST_NOW });
    } finally {
      log.mockRestore();
      warn.mockRestore();
    }
  });
  afterAll(async () => {
    await runtime?.close();
    await legacy?.database?.drop();
    if (legacy) rmSync(legacy.dataDir, { recursive: true, force: true });
  });

  it('seals the key file’s published key into the database, once, and publishes nothing new', async () => {
    const rows = await runtime.db.select().from(signingKeys).orderBy(asc(signingKeys.kid));
    expect(rows.map((r) => `${r.kid}:${r.state}:${r.privateKeySealed ? 'sealed' : 'none'}`)).toEqual([
      'K1:active:sealed',
      'K2:retired:none',
    ]);
    expect(said.join('\n')).toMatch(/Signing keys K1 imported from .*signing-keys\.json/);
    const imports = await runtime.db.select().from(auditLog).where(eq(auditLog.action, 'keys.import'));
    expect(imports).toHaveLength(1);
    // The file is left as it was: a backup until every instance runs this version.
    expect(existsSync(keyFilePath(legacy.dataDir))).toBe(true);
    expect((await runtime.keys.activeSigner(runtime.db)).kid).toBe('K1');
  });

  it('names the stray key, and never trusts it while the database is down', async () => {
    expect(said.join('\n')).toMatch(/K2 is published but no instance holds its private key.*keys compromise --kid K2/);
    const ctx = {
      db: runtime.db,
      actor: SEED_ACTOR,
      now: () => TEST_NOW,
      keys: runtime.keys,
      config: runtime.config,
      labelFont: runtime.labelFont,
    };
    await seedDemo(ctx);
    const codes = await demoCodes(ctx);
    const strayCode = await signStamp(
      (await importJWK(legacy.stray, 'EdDSA')) as CryptoKey,
      'K2',
      (await verifyStamp(ctx, codes.valid)).serial!,
    );
    expect((await verifyStamp(ctx, strayCode)).status).toBe('unknown');
    await runtime.keys.refresh(runtime.db); // the copy as any instance reads it once stamps exist
    const offline = unreachableDatabase();
    try {
      expect(await verifyStamp({ ...ctx, db: offline.db }, strayCode)).toMatchObject({
        status: 'forged',
        forgedReason: 'unknown_key',
        live: false,
      });
      expect(await verifyStamp({ ...ctx, db: offline.db }, codes.valid)).toMatchObject({
        status: 'valid',
        live: false,
      });
    } finally {
      await offline.close();
    }
  });

  it('re-seals every key under a new KEK in one transaction (keys rewrap with KEY_ENCRYPTION_KEY="new,old")', async () => {
    const old = readFileSync(join(legacy.dataDir, 'key-encryption-key'), 'utf8').trim();
    const fresh = newKekSecret();
    const ctx = {
      db: runtime.db,
      actor: ADMIN,
      now: () => TEST_NOW,
      keys: runtime.keys,
      config: { ...runtime.config, KEY_ENCRYPTION_KEY: `${fresh},${old}` },
    };
    expect(await rewrapKeysCommand(ctx)).toMatch(
      /^Re-sealed K1 under key-encryption key [0-9a-f]{12}\. Once this has run/,
    );
    const [k1] = await runtime.db.select().from(signingKeys).where(eq(signingKeys.kid, 'K1'));
    expect(sealedUnder(k1!.privateKeySealed!)).toBe((await parseKeks(fresh)).primary.id);
    expect(await rewrapKeysCommand(ctx)).toMatch(/^Every key was already sealed/);
    // This instance keeps signing with the key it opened at start, under whichever KEK.
    expect((await runtime.keys.activeSigner(runtime.db)).kid).toBe('K1');
    expect(await runtime.db.select().from(auditLog).where(eq(auditLog.action, 'keys.rewrap'))).toHaveLength(1);
  });
});

describe('keys rewrap from the command line (embedded default: the KEK in DATA_DIR)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness('postgres');
  });
  afterAll(async () => {
    await h?.close();
  });

  it('replaces the KEK file, re-seals the keys, and the old KEK opens nothing any more', async () => {
    const old = harnessKek(h);
    const out = execFileSync('npx', ['tsx', 'src/cli/index.ts', 'keys', 'rewrap'], {
      encoding: 'utf8',
      env: { ...process.env, DATABASE_URL: h.databaseUrl!, DATA_DIR: h.dataDir, KEY_ENCRYPTION_KEY: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    expect(out).toMatch(/Re-sealed K1 under a new key-encryption key [0-9a-f]{12}, now the only one in/);
    const fresh = harnessKek(h);
    expect(fresh).not.toBe(old);
    expect(fresh).not.toContain(',');
    await expect(bootSecondRuntime(h, { KEY_ENCRYPTION_KEY: old })).rejects.toThrow(
      /K1 is sealed under key-encryption key/,
    );
    const second = await bootSecondRuntime(h);
    try {
      expect((await second.keys.activeSigner(second.db)).kid).toBe('K1');
    } finally {
      await second.close();
    }
    // The running instance never noticed, and reads the new file when it next needs a KEK.
    expect((await verifyStamp(h.ctx(ADMIN), h.codes.valid)).status).toBe('valid');
    expect((await h.keys.activeSigner(h.db)).kid).toBe('K1');
    expect(await rotateSigningKey({ ctx: h.ctx(ADMIN) })).toEqual({ kid: 'K2', retired: ['K1'] });
    expect((await h.keys.activeSigner(h.db)).kid).toBe('K2');
  }, 60_000);
});
