import type { Db } from '../../db/client';

/** The next turn of the event loop: after every socket that was readable in this one has been read. */
const nextTurn: (run: () => void) => void =
  typeof setImmediate === 'function' ? (run) => setImmediate(run) : (run) => setTimeout(run, 0);

type Batch<Item, Row> = {
  items: Item[];
  slots: Map<string, number>;
  result: Promise<Map<number, Row>>;
  send: () => void;
};
/** Per database handle: the batch still open to new loads, and how many queries are out. */
type Line<Item, Row> = { open: Batch<Item, Row> | null; inFlight: number; due: Batch<Item, Row> | null };

/**
 * Many requests, one query. Loads asked of one database handle are gathered into one batch, each
 * distinct key once, sent when the event loop's turn ends: thirty-two scanners of one stamp cost
 * one row in one round trip instead of thirty-two queries. While `maxInFlight` queries are out,
 * the next batch keeps gathering until one returns: when the database is the bottleneck, fewer
 * and larger queries are what it can answer fastest.
 *
 * Freshness is that of a query per request: a load joins only a batch that has not been sent, so
 * its query starts after the load was asked, and sees every commit made before that (a revocation
 * included). On Workers each request has its own handle, so nothing is shared across requests.
 */
export class Coalescer<Item, Row> {
  private readonly lines = new WeakMap<Db, Line<Item, Row>>();

  constructor(
    /** Runs one query for `items` and returns its rows by index in `items` (the slot). */
    private readonly loadMany: (db: Db, items: Item[]) => Promise<Map<number, Row>>,
    private readonly keyOf: (item: Item) => string,
    private readonly options: { maxItems: number; maxInFlight: number } = { maxItems: 1000, maxInFlight: 2 },
  ) {}

  /** The row of each item, in order; undefined for an item the query returned nothing for. */
  async load(db: Db, items: Item[]): Promise<(Row | undefined)[]> {
    if (items.length === 0) return [];
    const line = this.lineOf(db);
    let batch = line.open ?? this.openBatch(db, line);
    if (batch.items.length > 0 && batch.items.length + items.length > this.options.maxItems) {
      batch.send(); // full: it goes now, whatever is in flight
      batch = this.openBatch(db, line);
    }
    const slots = items.map((item) => {
      const key = this.keyOf(item);
      let slot = batch.slots.get(key);
      if (slot === undefined) {
        slot = batch.items.length;
        batch.slots.set(key, slot);
        batch.items.push(item);
      }
      return slot;
    });
    const rows = await batch.result;
    return slots.map((slot) => rows.get(slot));
  }

  private lineOf(db: Db): Line<Item, Row> {
    let line = this.lines.get(db);
    if (!line) this.lines.set(db, (line = { open: null, inFlight: 0, due: null }));
    return line;
  }

  private openBatch(db: Db, line: Line<Item, Row>): Batch<Item, Row> {
    let start!: () => void;
    const started = new Promise<void>((resolve) => (start = resolve));
    let sent = false;
    const batch: Batch<Item, Row> = {
      items: [],
      slots: new Map(),
      result: started.then(async () => {
        try {
          return await this.loadMany(db, batch.items);
        } finally {
          line.inFlight--;
          if (line.due) line.due.send();
        }
      }),
      send: () => {
        if (sent) return;
        sent = true;
        if (line.open === batch) line.open = null;
        if (line.due === batch) line.due = null;
        line.inFlight++;
        start();
      },
    };
    line.open = batch;
    nextTurn(() => {
      if (line.open !== batch) return; // already sent, full
      if (line.inFlight < this.options.maxInFlight) batch.send();
      else line.due = batch; // still open: loads keep joining it until a query returns
    });
    return batch;
  }
}
