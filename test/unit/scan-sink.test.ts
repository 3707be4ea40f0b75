import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '../../src/db/client';
import { ScanSink, type ScanEvent, type ScanWriter } from '../../src/services/scans/scan-sink';

type FakeDb = { store: (rows: ScanEvent[]) => Promise<void> };

/** Stands in for the database: writes succeed, or fail the way the test says. */
function table(fail: () => unknown) {
  const written: ScanEvent[] = [];
  const db = {
    store: async (rows: ScanEvent[]) => {
      const error = fail();
      if (error) throw error;
      written.push(...rows);
    },
  } satisfies FakeDb as unknown as Db;
  return { db, written };
}
/** The sink's writer, stood in for: the batch goes to whichever database the flush names. */
const write: ScanWriter = (db, rows) => (db as unknown as FakeDb).store(rows);

const refused = () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
const scan = (serial: number): ScanEvent => ({ serial, scannedAt: new Date(0), place: null, scannerHash: null });

describe('scan sink while the database is unreachable', () => {
  const logged: string[] = [];
  afterEach(() => {
    vi.restoreAllMocks();
    logged.length = 0;
  });
  const listen = () => vi.spyOn(console, 'error').mockImplementation((line) => void logged.push(String(line)));

  it('keeps scans up to its bound, counts what it drops, and writes the rest when the database is back', async () => {
    listen();
    let down = true;
    const { db, written } = table(() => (down ? refused() : null));
    const sink = new ScanSink(db, { autoFlushMs: null, maxPending: 5, write });
    for (let serial = 1; serial <= 7; serial++) sink.record(scan(serial));
    await expect(sink.flush()).rejects.toThrow(/ECONNREFUSED/);
    await expect(sink.flush()).rejects.toThrow(/ECONNREFUSED/);
    expect(sink.pending).toBe(5);
    down = false;
    await sink.flush();
    expect(written.map((s) => s.serial)).toEqual([1, 2, 3, 4, 5]);
    expect(logged.filter((l) => l.includes('scan buffer full'))).toHaveLength(1);
    expect(logged.some((l) => l.includes('"dropped":2'))).toBe(true);
  });

  it('drops a batch the database refuses three times, logged, instead of retrying it forever', async () => {
    listen();
    let refusals = 0;
    const { db, written } = table(() => (refusals++ < 3 ? new Error('value out of range') : null));
    const sink = new ScanSink(db, { autoFlushMs: null, write });
    sink.record(scan(1));
    for (let i = 0; i < 3; i++) await expect(sink.flush()).rejects.toThrow(/out of range/);
    expect(sink.pending).toBe(0);
    expect(logged.some((l) => l.includes('refused by the database, dropped'))).toBe(true);
    sink.record(scan(2));
    await sink.flush();
    expect(written.map((s) => s.serial)).toEqual([2]);
  });

  it('retries on its own timer, backing off, and needs no new scan to do it', async () => {
    listen();
    vi.useFakeTimers();
    try {
      let attempts = 0;
      const { db, written } = table(() => (++attempts <= 3 ? refused() : null));
      const sink = new ScanSink(db, { autoFlushMs: 100, maxRetryMs: 1000, write });
      sink.record(scan(1));
      await vi.advanceTimersByTimeAsync(100); // first write: refused, retry in 200 ms
      await vi.advanceTimersByTimeAsync(200); // refused, retry in 400 ms
      expect(attempts).toBe(2);
      await vi.advanceTimersByTimeAsync(400); // refused, retry in 800 ms
      await vi.advanceTimersByTimeAsync(799);
      expect(written).toEqual([]);
      await vi.advanceTimersByTimeAsync(1);
      expect(written.map((s) => s.serial)).toEqual([1]);
      expect(sink.pending).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('on Workers one buffer outlives a request: the next request’s flush writes what the last one could not', async () => {
    const first = table(refused);
    const second = table(() => null);
    const sink = new ScanSink(null, { autoFlushMs: null, write });
    listen();
    sink.record(scan(1));
    await expect(sink.flush(first.db)).rejects.toThrow();
    sink.record(scan(2));
    await sink.flush(second.db);
    expect(second.written.map((s) => s.serial)).toEqual([1, 2]);
    await expect(sink.flush()).rejects.toThrow(/needs a database/); // a Worker's sink has no database of its own
  });
});
