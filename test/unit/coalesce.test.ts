import { describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/client';
import { Coalescer } from '../../src/services/verification/coalesce';

/** A stand-in query: records each call and answers when told to, doubling every number. */
function fakeQuery() {
  const calls: { items: number[]; answer: () => void; fail: (error: Error) => void }[] = [];
  const loadMany = (_db: Db, items: { n: number }[]) =>
    new Promise<Map<number, number>>((resolve, reject) => {
      calls.push({
        items: items.map((i) => i.n),
        answer: () => resolve(new Map(items.map((item, slot) => [slot, item.n * 2]))),
        fail: reject,
      });
    });
  return { calls, loadMany };
}
const turn = () => new Promise((resolve) => setImmediate(resolve));
/** Two database handles (a Worker has one per request). */
const [dbA, dbB] = [{}, {}] as unknown as [Db, Db];
/** Lets queued promise callbacks run, and nothing else: the event loop's turn is not over. */
const microtasks = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

describe('loads coalesced into one query per turn', () => {
  it('sends the loads of one turn as one query, each key once, and answers each in order', async () => {
    const q = fakeQuery();
    const coalescer = new Coalescer(q.loadMany, (i: { n: number }) => String(i.n));
    const first = coalescer.load(dbA, [{ n: 1 }, { n: 2 }]);
    const second = coalescer.load(dbA, [{ n: 2 }, { n: 3 }, { n: 1 }]);
    await microtasks();
    expect(q.calls).toEqual([]); // nothing is sent before the turn ends
    await turn();
    expect(q.calls.map((c) => c.items)).toEqual([[1, 2, 3]]);
    q.calls[0]!.answer();
    expect(await first).toEqual([2, 4]);
    expect(await second).toEqual([4, 6, 2]);
  });

  it('never adds a load to a query already sent: it starts after the load was asked', async () => {
    const q = fakeQuery();
    const coalescer = new Coalescer(q.loadMany, (i: { n: number }) => String(i.n));
    const early = coalescer.load(dbA, [{ n: 1 }]);
    await turn();
    const late = coalescer.load(dbA, [{ n: 1 }]);
    await turn();
    expect(q.calls.map((c) => c.items)).toEqual([[1], [1]]);
    for (const call of q.calls) call.answer();
    expect([await early, await late]).toEqual([[2], [2]]);
  });

  it('while two queries are out, gathers the next loads into one batch sent when one returns', async () => {
    const q = fakeQuery();
    const coalescer = new Coalescer(q.loadMany, (i: { n: number }) => String(i.n));
    const out = [coalescer.load(dbA, [{ n: 1 }])];
    await turn();
    out.push(coalescer.load(dbA, [{ n: 2 }]));
    await turn();
    out.push(coalescer.load(dbA, [{ n: 3 }]));
    await turn();
    out.push(coalescer.load(dbA, [{ n: 4 }]));
    await turn();
    expect(q.calls.map((c) => c.items)).toEqual([[1], [2]]);
    q.calls[0]!.answer();
    await turn();
    expect(q.calls.map((c) => c.items)).toEqual([[1], [2], [3, 4]]);
    for (const call of q.calls.slice(1)) call.answer();
    expect(await Promise.all(out)).toEqual([[2], [4], [6], [8]]);
  });

  it('keeps each database handle apart, sends a full batch at once, and fails every load of a failed query', async () => {
    const q = fakeQuery();
    const coalescer = new Coalescer(q.loadMany, (i: { n: number }) => String(i.n), { maxItems: 2, maxInFlight: 2 });
    const a = coalescer.load(dbA, [{ n: 1 }, { n: 2 }]);
    const b = coalescer.load(dbB, [{ n: 1 }]);
    const full = coalescer.load(dbA, [{ n: 3 }]);
    await microtasks();
    expect(q.calls.map((c) => c.items)).toEqual([[1, 2]]); // full: sent without waiting for the turn
    await turn();
    expect(q.calls.map((c) => c.items).sort()).toEqual([[1], [1, 2], [3]]);
    for (const call of q.calls) call.fail(new Error('connection lost'));
    await expect(a).rejects.toThrow('connection lost');
    await expect(b).rejects.toThrow('connection lost');
    await expect(full).rejects.toThrow('connection lost');
  });
});
