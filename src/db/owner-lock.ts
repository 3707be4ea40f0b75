import { closeSync, linkSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** The folder holding the owner's sockets (src/db/owner-socket.ts): DATA_DIR, or a private temp folder. */
export type SocketAddress = { dir: string };
export type OwnerRole = 'service' | 'cli';
export type OwnerRecord = {
  pid: number;
  processStart: string | null;
  role: OwnerRole;
  since: string;
  socket: SocketAddress | null;
};

export const LOCK_FILE = 'database.lock';
const TAKEOVER_FILE = 'database.lock.takeover';
/** Taking over a stale lock takes microseconds; a guard older than this was left by a crash. */
const TAKEOVER_GUARD_STALE_MS = 10_000;

export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly owner: OwnerRecord,
  ) {
    super(
      `DATA_DIR ${dataDir} is in use by process ${owner.pid} (${owner.role === 'service' ? 'npm start' : 'npm run cli'}, since ${owner.since}). ` +
        'PGlite allows one process: stop that process, or wait for it to finish.',
    );
  }
}

/** Linux: the process's start time in clock ticks, so a pid reused after a crash is not taken for the old owner. */
function processStart(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

function isAlive(record: OwnerRecord): boolean {
  try {
    process.kill(record.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const start = processStart(record.pid);
  return !record.processStart || !start || start === record.processStart;
}

function readRaw(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

function parse(raw: string | null): OwnerRecord | null {
  if (!raw) return null;
  try {
    const record = JSON.parse(raw) as OwnerRecord;
    return Number.isInteger(record.pid) ? record : null;
  } catch {
    return null;
  }
}

/** Creates `path` holding `content` only if it does not exist: written aside, then hard-linked, so no reader sees it half-written. */
function createExclusive(path: string, content: string): boolean {
  const aside = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}`;
  const fd = openSync(aside, 'wx', 0o600);
  try {
    writeSync(fd, content);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(aside, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    unlinkSync(aside);
  }
}

/** The live owner of DATA_DIR, or null when the folder is free (no lock, or the lock of a dead process). */
export function readOwner(dataDir: string): OwnerRecord | null {
  const record = parse(readRaw(join(dataDir, LOCK_FILE)));
  return record && isAlive(record) ? record : null;
}

/**
 * Removes the lock of a dead process. Only one process at a time does so (the takeover guard), and
 * it removes the lock only if it still holds the very content judged stale, so a lock created
 * meanwhile by a live process is never touched.
 */
function removeStaleLock(dataDir: string, staleRaw: string | null): boolean {
  const lockPath = join(dataDir, LOCK_FILE);
  const guardPath = join(dataDir, TAKEOVER_FILE);
  if (!createExclusive(guardPath, String(process.pid))) {
    try {
      if (ageMs(guardPath) > TAKEOVER_GUARD_STALE_MS) unlinkSync(guardPath);
    } catch {
      /* another process removed it first */
    }
    return false;
  }
  try {
    const raw = readRaw(lockPath);
    if (raw !== null && raw === staleRaw) unlinkSync(lockPath);
    return true;
  } finally {
    unlinkSync(guardPath);
  }
}

function ageMs(path: string): number {
  try {
    return Date.now() - statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

export type OwnerLock = { record: OwnerRecord; publish: (socket: SocketAddress) => void; release: () => void };

/**
 * Makes this process the one owner of DATA_DIR's database. While a CLI command owns it, waits up
 * to `waitMs`; a live service, or a command still there after that, is a DataDirInUseError naming
 * the owner.
 */
export async function acquireOwnership(
  dataDir: string,
  role: OwnerRole,
  options: { waitMs?: number } = {},
): Promise<OwnerLock> {
  const lockPath = join(dataDir, LOCK_FILE);
  const deadline = Date.now() + (options.waitMs ?? 0);
  const record: OwnerRecord = {
    pid: process.pid,
    processStart: processStart(process.pid),
    role,
    since: new Date().toISOString(),
    socket: null,
  };
  for (;;) {
    if (createExclusive(lockPath, JSON.stringify(record))) break;
    const raw = readRaw(lockPath);
    const current = parse(raw);
    if (current && isAlive(current)) {
      // A command holds the folder for seconds; a service until it is stopped.
      if (current.role === 'service' || Date.now() >= deadline) throw new DataDirInUseError(dataDir, current);
    } else if (
      (current || (raw !== null && ageMs(lockPath) > TAKEOVER_GUARD_STALE_MS)) &&
      removeStaleLock(dataDir, raw)
    ) {
      continue;
    }
    await new Promise((resolve) => setTimeout(resolve, current ? 100 : 20));
  }
  let released = false;
  return {
    record,
    publish: (socket) => {
      record.socket = socket;
      const aside = `${lockPath}.${process.pid}.publish`;
      const fd = openSync(aside, 'w', 0o600);
      try {
        writeSync(fd, JSON.stringify(record));
      } finally {
        closeSync(fd);
      }
      // rename() replaces the lock atomically: a reader sees the old record or the new one.
      renameSync(aside, lockPath);
    },
    release: () => {
      if (released) return;
      released = true;
      const current = parse(readRaw(lockPath));
      if (current?.pid === process.pid) unlinkSync(lockPath);
    },
  };
}
