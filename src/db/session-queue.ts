import type { PGlite } from '@electric-sql/pglite';

type Pending = {
  handlerId: number;
  message: Uint8Array;
  onData: (data: Uint8Array) => void;
  resolve: (bytes: number) => void;
  reject: (error: Error) => void;
  /** The connection is gone: end whatever it left open and reset the session it shared. */
  reset?: boolean;
};

const READY_FOR_QUERY = 0x5a; // 'Z'
const IDLE = 0x49; // 'I'
const TERMINATE = 0x58; // 'X'
/** Messages after which PostgreSQL reports ReadyForQuery: Query, Sync, CopyDone, CopyFail; 0 starts a startup packet. */
const CYCLE_ENDS = new Set([0x51, 0x53, 0x63, 0x66, 0]);

/** A simple-protocol Query message. */
export function simpleQuery(sql: string): Uint8Array {
  const text = new TextEncoder().encode(`${sql}\0`);
  const message = new Uint8Array(5 + text.length);
  message[0] = 0x51;
  new DataView(message.buffer).setInt32(1, 4 + text.length);
  message.set(text, 5);
  return message;
}

/**
 * ROLLBACK ends a transaction block; a Sync ends an extended-protocol sequence the client left
 * half-sent (PostgreSQL ignores the first ROLLBACK while skipping to a Sync after an error, hence
 * the second); DISCARD ALL drops the SET, prepared statements and temp tables the client made.
 */
const RESET_SESSION = Uint8Array.from([
  ...simpleQuery('ROLLBACK'),
  0x53,
  0,
  0,
  0,
  4,
  ...simpleQuery('ROLLBACK'),
  ...simpleQuery('DISCARD ALL'),
]);

/**
 * Schedules the socket clients' wire-protocol messages on the owner's one PGlite session.
 *
 * PGlite is a single PostgreSQL session shared by the service and every socket client. The
 * service's own calls (query, exec, transaction) hold PGlite's transaction mutex for a whole
 * statement or transaction; pglite-socket's own multiplexer takes only the query mutex, per
 * message, so a CLI statement could land inside a service transaction (and the reverse), and one
 * client's unnamed statement could be replaced by another's between Parse and Sync.
 *
 * Here a client takes the session (PGlite's transaction mutex) at its first message and keeps it
 * until PostgreSQL reports ReadyForQuery "idle" after a Sync or Query: a whole transaction block
 * or extended-protocol sequence runs with nothing in between. Other clients and the service wait.
 */
export class SessionQueue {
  private pending: Pending[] = [];
  private holder: number | null = null;
  private releaseSession: (() => void) | null = null;
  private pumping = false;
  private running = false;
  private lastActivity = Date.now();

  constructor(private readonly pg: PGlite) {}

  /** The connection holding the session between messages, and for how long it has been silent. */
  holding(): { handlerId: number; silentMs: number } | null {
    return this.holder === null || this.running
      ? null
      : { handlerId: this.holder, silentMs: Date.now() - this.lastActivity };
  }

  enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number> {
    if (message[0] === TERMINATE) return Promise.resolve(0); // PGlite ignores it; the close that follows resets
    return new Promise((resolve, reject) => {
      this.pending.push({ handlerId, message, onData, resolve, reject });
      void this.pump();
    });
  }

  clearQueueForHandler(handlerId: number): void {
    const gone = this.pending.filter((p) => p.handlerId === handlerId && !p.reset);
    this.pending = this.pending.filter((p) => !gone.includes(p));
    for (const p of gone) p.reject(new Error('Handler disconnected'));
  }

  /** Called by pglite-socket's handler on every disconnect, whatever state the client left. */
  clearTransactionIfNeeded(handlerId: number): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.unshift({
        handlerId,
        message: RESET_SESSION,
        onData: () => {},
        resolve: () => resolve(),
        reject,
        reset: true,
      });
      void this.pump();
    });
  }

  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      for (;;) {
        const index = this.holder === null ? 0 : this.pending.findIndex((p) => p.handlerId === this.holder);
        const item = index >= 0 ? this.pending.splice(index, 1)[0] : undefined;
        if (!item) return;
        if (this.holder === null) {
          await this.takeSession();
          this.holder = item.handlerId;
        }
        await this.run(item);
      }
    } finally {
      this.pumping = false;
    }
  }

  private async run(item: Pending): Promise<void> {
    const tail = new Uint8Array(6);
    let bytes = 0;
    this.running = true;
    try {
      await this.pg.runExclusive(() =>
        this.pg.execProtocolRawStream(item.message, {
          onRawData: (data) => {
            keepTail(tail, data);
            bytes += data.length;
            item.onData(data);
          },
        }),
      );
    } catch (error) {
      this.endHold();
      item.reject(error as Error);
      return;
    } finally {
      this.running = false;
      this.lastActivity = Date.now();
    }
    const idle = tail[0] === READY_FOR_QUERY && tail[4] === 5 && tail[5] === IDLE;
    if (item.reset || (CYCLE_ENDS.has(item.message[0]!) && idle)) this.endHold();
    item.resolve(bytes);
  }

  private takeSession(): Promise<void> {
    return new Promise((taken) => {
      void this.pg._runExclusiveTransaction(
        () =>
          new Promise<void>((release) => {
            this.releaseSession = release;
            taken();
          }),
      );
    });
  }

  private endHold(): void {
    this.holder = null;
    const release = this.releaseSession;
    this.releaseSession = null;
    release?.();
  }
}

/** Keeps the last six bytes seen: a ReadyForQuery message ('Z', length 5, status) ends a cycle. */
function keepTail(tail: Uint8Array, data: Uint8Array): void {
  if (data.length >= 6) {
    tail.set(data.subarray(data.length - 6));
    return;
  }
  tail.copyWithin(0, data.length);
  tail.set(data, 6 - data.length);
}
