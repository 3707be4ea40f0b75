import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireOwnership, DataDirInUseError, LOCK_FILE, readOwner } from '../../src/db/owner-lock';
import { packTar, unpackTar } from '../../src/db/tar';

const dirs: string[] = [];
const folder = () => {
  const dir = mkdtempSync(join(tmpdir(), 'ocop-lock-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A pid that certainly belonged to a process that has exited. */
function deadPid(): number {
  return Number(
    spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout,
  );
}

describe('the DATA_DIR lock', () => {
  it('holds the owner pid and socket, and names a live owner to anyone else', async () => {
    const dir = folder();
    const lock = await acquireOwnership(dir, 'service');
    lock.publish({ dir });
    expect(readOwner(dir)).toMatchObject({ pid: process.pid, role: 'service', socket: { dir } });
    const refused = await acquireOwnership(dir, 'cli', { waitMs: 5_000 }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DataDirInUseError);
    expect((refused as Error).message).toContain(`in use by process ${process.pid} (npm start`);
    lock.release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });

  it('waits for a command that holds the folder, then takes it', async () => {
    const dir = folder();
    const command = await acquireOwnership(dir, 'cli');
    setTimeout(() => command.release(), 300);
    const service = await acquireOwnership(dir, 'service', { waitMs: 10_000 });
    expect(readOwner(dir)?.role).toBe('service');
    service.release();
  });

  it('takes over the lock of a dead process, once, however many contend for it', async () => {
    const dir = folder();
    const pid = deadPid();
    writeFileSync(
      join(dir, LOCK_FILE),
      JSON.stringify({ pid, processStart: null, role: 'service', since: 'earlier', socket: { dir } }),
    );
    expect(readOwner(dir)).toBeNull();
    const contenders = await Promise.allSettled(Array.from({ length: 5 }, () => acquireOwnership(dir, 'cli')));
    const won = contenders.filter((c) => c.status === 'fulfilled');
    expect(won).toHaveLength(1);
    expect(
      contenders
        .filter((c) => c.status === 'rejected')
        .every((c) => (c as PromiseRejectedResult).reason instanceof DataDirInUseError),
    ).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
  });
});

describe('backup archive (tar)', () => {
  it('round-trips names, modes and bytes, long names included', () => {
    const entries = [
      { name: 'manifest.json', mode: 0o600, data: new TextEncoder().encode('{}') },
      {
        name: `files/${'k'.repeat(80)}/${'e'.repeat(90)}`,
        mode: 0o640,
        data: new Uint8Array(1500).map((_, i) => i % 251),
      },
      { name: 'files/empty', mode: 0o600, data: new Uint8Array(0) },
    ];
    expect(unpackTar(packTar(entries))).toEqual(entries);
  });

  it('rejects a corrupted header', () => {
    const tar = packTar([{ name: 'a', mode: 0o600, data: new Uint8Array(3) }]);
    tar[10] = 0x41;
    expect(() => unpackTar(tar)).toThrow(/checksum/);
  });
});
