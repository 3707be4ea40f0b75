import type { Db } from '../../db/client';
import { isDatabaseUnavailable } from '../../db/unavailable';
import { logError } from '../shared/log';

export type ScanEvent = {
  serial: number;
  scannedAt: Date;
  place: string | null;
  scannerHash: string | null;
  networkHash?: string | null;
  lat?: number | null;
  lon?: number | null;
};

/** Stores one batch, all or nothing: the rows and what is kept up from them (src/services/scans/record-reads.ts). */
export type ScanWriter = (db: Db, batch: ScanEvent[]) => Promise<void>;

export type ScanSinkOptions = {
  write: ScanWriter;
  /** Node: a timer writes the buffer this long after a scan. null: the caller flushes (Workers, in waitUntil). */
  autoFlushMs: number | null;
  maxBatch?: number;
  /** Scans held while the database is unreachable; past this, new scans are dropped and counted. */
  maxPending?: number;
  /** Longest wait between retries; waits double from autoFlushMs up to it. */
  maxRetryMs?: number;
  onError?: (e: unknown) => void;
};

function warn(message: string, fields: Record<string, unknown>): void {
  console.error(JSON.stringify({ level: 'warn', message, ...fields }));
}

/** A batch the database refuses (not merely cannot be reached) this many times in a row is dropped, not retried forever. */
const REFUSALS_BEFORE_DROP = 3;

/**
 * Scans are written after the response, in batches. On Node a timer flushes the buffer and a
 * graceful shutdown drains it; on Workers each request's `waitUntil` flushes with that request's
 * client. A write that fails keeps its scans, up to `maxPending`, and is retried with backoff, so
 * an outage of the database loses nothing that fits; anything dropped is logged with its count.
 */
export class ScanSink {
  private buffer: ScanEvent[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private flushing: Promise<void> | null = null;
  private inFlight = 0;
  private failures = 0;
  private refusals = 0;
  private dropped = 0;

  /** @param db the database to write to; null when every flush names its own (Workers). */
  constructor(
    private readonly db: Db | null,
    private readonly options: ScanSinkOptions,
  ) {}

  record(event: ScanEvent): void {
    if (this.buffer.length >= (this.options.maxPending ?? 100_000)) {
      if (this.dropped++ === 0)
        warn('scan buffer full: dropping new scans until the database answers', { pending: this.buffer.length });
      return;
    }
    this.buffer.push(event);
    if (this.options.autoFlushMs !== null) this.schedule(this.options.autoFlushMs);
  }

  /** Scans not yet written, counting a batch being written now. */
  get pending(): number {
    return this.buffer.length + this.inFlight;
  }

  /** Writes everything buffered so far; concurrent callers take turns. Throws if a write fails (the scans stay). */
  async flush(db: Db | null = this.db): Promise<void> {
    if (!db) throw new Error('ScanSink.flush needs a database');
    while (this.flushing) await this.flushing;
    while (this.buffer.length > 0) {
      const batch = this.buffer.splice(0, this.options.maxBatch ?? 1000);
      let failure: unknown = null;
      this.inFlight = batch.length;
      this.flushing = this.options
        .write(db, batch)
        .then(
          () => undefined,
          (error: unknown) => {
            failure = error ?? new Error('scan write failed');
          },
        )
        .finally(() => {
          this.inFlight = 0;
          this.flushing = null;
        });
      await this.flushing;
      if (failure) {
        this.failed(batch, failure);
        throw failure;
      }
      this.failures = 0;
      this.refusals = 0;
      if (this.dropped > 0) {
        warn('scans were dropped while the database was unreachable', { dropped: this.dropped });
        this.dropped = 0;
      }
    }
  }

  /** For shutdown: stop the timer and write what is left; what cannot be written is logged, not thrown. */
  async drain(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    try {
      await this.flush();
    } catch (error) {
      logError('scans not written at shutdown', error, { lost: this.buffer.length });
    }
  }

  private failed(batch: ScanEvent[], error: unknown): void {
    if (isDatabaseUnavailable(error) || ++this.refusals < REFUSALS_BEFORE_DROP) {
      this.buffer.unshift(...batch);
    } else {
      this.refusals = 0;
      logError('scan batch refused by the database, dropped', error, { dropped: batch.length });
    }
    this.failures++;
    const base = this.options.autoFlushMs;
    if (base !== null) this.schedule(Math.min(base * 2 ** this.failures, this.options.maxRetryMs ?? 5000), true);
  }

  private schedule(delayMs: number, replace = false): void {
    if (this.timer && !replace) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush().catch((e) => this.options.onError?.(e));
    }, delayMs);
  }
}
