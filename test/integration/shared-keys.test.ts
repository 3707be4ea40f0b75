import { execFileSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { asc } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/client';
import { openPglite } from '../../src/db/pglite';
import { signingKeys } from '../../src/db/schema';
import { newKekSecret } from '../../src/keys/key-encryption';
import { openNodeKeyRing } from '../../src/keys/node-keys';
import { MIGRATIONS_FOLDER } from '../../src/node/boot';
import { markKeyCompromised, rotateSigningKey } from '../../src/services/keys/rotate-signing-key';
import { verifyStamp } from '../../src/services/verification/verify-stamps';
import type { Verdict } from '../../src/services/verification/verdict-types';
import { ADMIN, DATABASE_KINDS, json, openHarness, type Harness } from '../support/harness';
import { bootSecondRuntime, emptyDir, unreachableDatabase, type SecondRuntime } from '../support/second-runtime';

const keyTable = (db: Db) => db.select().from(signingKeys).orderBy(asc(signingKeys.kid));

describe.each(DATABASE_KINDS)('commands on %s never create, import or publish a key', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness(kind);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('opens the keys read-only from an empty folder: no key, no file, the table unchanged', async () => {
    const before = await keyTable(h.db);
    const folder = emptyDir();
    try {
      const ring = await openNodeKeyRing(
        h.db,
        { ...h.config, DATA_DIR: folder, KEY_ENCRYPTION_KEY: undefined, SIGNING_KEY: undefined },
        'command',
      );
      expect(ring.published().map((k) => k.kid)).toEqual(['K1']);
      expect(await keyTable(h.db)).toEqual(before);
      expect(readdirSync(folder)).toEqual([]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('creates nothing on an empty database either', async () => {
    const empty = await openPglite(null, MIGRATIONS_FOLDER);
    const folder = emptyDir();
    try {
      await openNodeKeyRing(empty.db, { ...h.config, DATA_DIR: folder }, 'command');
      expect(await keyTable(empty.db)).toEqual([]);
      expect(readdirSync(folder)).toEqual([]);
    } finally {
      await empty.close();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('instances sharing one PostgreSQL database', () => {
  let h: Harness;
  let other: SecondRuntime;
  let offline: ReturnType<typeof unreachableDatabase>;
  beforeAll(async () => {
    h = await openHarness('postgres');
    other = await bootSecondRuntime(h);
    offline = unreachableDatabase();
  });
  afterAll(async () => {
    await other?.close();
    await offline?.close();
    await h?.close();
  });

  const verdict = async (runtime: { request: Harness['request'] }, code: string) =>
    (await (await runtime.request(`/api/v1/verify/${code}`)).json()) as Verdict;
  /** What a runtime answers when its database cannot be reached: its own last-known keys only. */
  const duringOutage = (ctx: Harness['ctx'], code: string) => verifyStamp({ ...ctx(ADMIN), db: offline.db }, code);

  it('the npm CLI run from another folder leaves the key table and that folder alone', async () => {
    const before = await keyTable(h.db);
    const folder = emptyDir();
    try {
      execFileSync('npx', ['tsx', 'src/cli/index.ts', 'certificates', 'expiring'], {
        env: {
          ...process.env,
          DATABASE_URL: h.databaseUrl!,
          DATA_DIR: folder,
          KEY_ENCRYPTION_KEY: '',
          SIGNING_KEY: '',
        },
        stdio: 'pipe',
      });
      expect(readdirSync(folder).filter((f) => f.includes('key'))).toEqual([]);
      expect(await keyTable(h.db)).toEqual(before);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }, 60_000);

  it('a second instance with no key file signs with the key in the database, and creates none', async () => {
    expect((await keyTable(h.db)).map((k) => `${k.kid}:${k.state}`)).toEqual(['K1:active']);
    expect(readdirSync(other.dataDir)).not.toContain('signing-keys.json');
    expect(readdirSync(other.dataDir)).not.toContain('key-encryption-key');
    expect((await other.keys.activeSigner(other.db)).kid).toBe('K1');
    expect((await verdict(other, h.codes.valid)).status).toBe('valid');
  });

  it('refuses to start with a wrong key-encryption key, or none, and says which', async () => {
    await expect(bootSecondRuntime(h, { KEY_ENCRYPTION_KEY: newKekSecret() })).rejects.toThrow(
      /K1 is sealed under key-encryption key [0-9a-f]{12}, but KEY_ENCRYPTION_KEY holds/,
    );
    const folder = emptyDir();
    try {
      await expect(bootSecondRuntime(h, { KEY_ENCRYPTION_KEY: undefined }, folder)).rejects.toThrow(
        /KEY_ENCRYPTION_KEY is not set/,
      );
      expect(readdirSync(folder).filter((f) => f.includes('key'))).toEqual([]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('a rotation in one is signed with by the other at once, and both keys verify there', async () => {
    expect(await rotateSigningKey({ ctx: h.ctx(ADMIN) })).toEqual({ kid: 'K2', retired: ['K1'] });
    const valid = await verdict(h, h.codes.valid);
    const token = await h.token('producer', { subjectId: valid.subjectId! });
    const res = await other.request(
      `/api/v1/batches/${valid.batchId}/stamps`,
      json({ quantity: 2, idempotencyKey: 'second-instance-after-rotation' }, token),
    );
    expect(res.status).toBe(201);
    const issued = (await res.json()) as { range: { kid: string }; firstPage: { stamps: { url: string }[] } };
    expect(issued.range.kid).toBe('K2');
    const newCode = issued.firstPage.stamps[0]!.url.split('/S/')[1]!;
    expect(newCode).toMatch(/^K2-/);
    for (const runtime of [h, other]) {
      expect((await verdict(runtime, newCode)).status).toBe('valid');
      expect((await verdict(runtime, h.codes.valid)).status).toBe('valid');
    }
    const jwks = (await (await other.request('/.well-known/jwks.json')).json()) as {
      keys: { kid: string; status: string }[];
    };
    expect(jwks.keys.map((k) => `${k.kid}:${k.status}`)).toEqual(['K1:retired', 'K2:active']);
  });

  it('a compromise in one makes the key’s stamps forged in the other: online at once, in an outage within KEY_REFRESH_SECONDS', async () => {
    expect(await duringOutage(other.ctx, h.codes.valid)).toMatchObject({ status: 'valid', live: false });
    await markKeyCompromised({ ctx: h.ctx(ADMIN), input: { kid: 'K1' } });
    // The instance that made the change trusts the key no more, even before reading anything back.
    expect(await duringOutage(h.ctx, h.codes.valid)).toMatchObject({
      status: 'forged',
      forgedReason: 'unknown_key',
      live: false,
    });
    expect(await verdict(other, h.codes.valid)).toMatchObject({
      status: 'forged',
      forgedReason: 'compromised_key',
      live: true,
    });
    await new Promise((r) => setTimeout(r, 1100)); // KEY_REFRESH_SECONDS=1 in the second runtime
    await verdict(other, h.codes.expired); // any verification reads a copy older than that again
    expect(await duringOutage(other.ctx, h.codes.valid)).toMatchObject({ status: 'forged', live: false });
  });

  it('a rotation made by an instance that was given another KEK is refused before anything is sealed', async () => {
    const stranger = {
      ...h.ctx(ADMIN),
      keys: await openNodeKeyRing(h.db, { ...h.config, KEY_ENCRYPTION_KEY: newKekSecret() }, 'command'),
    };
    await expect(rotateSigningKey({ ctx: stranger })).rejects.toThrow(/K2 is sealed under key-encryption key/);
    expect((await keyTable(h.db)).map((k) => `${k.kid}:${k.state}`)).toEqual(['K1:compromised', 'K2:active']);
  });
});
