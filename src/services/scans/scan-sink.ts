import type { Db } from '../../db/client';
import { scans } from '../../db/schema';

export type ScanEvent = { serial: number; scannedAt: Date; place: string | null; scannerHash: string | null; networkHash?: string | null;
  lat?: number | null; lon?: number | null };

/**
 * Scans are written after the response, in batches. On Node a timer flushes the buffer and a
 * graceful shutdown drains it; on Workers each request drains its own buffer in `waitUntil`.
 * A failed write keeps its events for the next flush, so nothing is lost while the process lives.
 */
export class ScanSink {
  private buffer: ScanEvent[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private flushing: Promise<void> | null = null;

  constructor(
    private readonly db: Db,
    private readonly options: { autoFlushMs: number | null; maxBatch?: number; onError?: (e: unknown) => void } = { autoFlushMs: 200 },
  ) {}

  record(event: ScanEvent): void {
    this.buffer.push(event);
    if (this.options.autoFlushMs === null || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush().catch((e) => this.options.onError?.(e));
    }, this.options.autoFlushMs);
  }

  get pending(): number {
    return this.buffer.length;
  }

  /** Writes everything buffered so far; concurrent callers share one write. */
  async flush(): Promise<void> {
    while (this.flushing) await this.flushing;
    if (this.buffer.length === 0) return;
    const batch = this.buffer.splice(0, this.options.maxBatch ?? 1000);
    this.flushing = this.db.insert(scans).values(batch).then(
      () => undefined,
      (error) => {
        this.buffer.unshift(...batch);
        throw error;
      },
    ).finally(() => {
      this.flushing = null;
    });
    await this.flushing;
    if (this.buffer.length > 0) await this.flush();
  }

  /** For shutdown: stop the timer and write what is left. */
  async drain(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.flush();
  }
}
