import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Verdict } from '../../src/services/verification/verdict-types';
import { json, openHarness, type Harness } from '../support/harness';

/** DESIGN.md's robustness target: 100,000 mutated codes and bodies, no 5xx, every tampered stamp rejected. */
describe('robustness under mutated input', () => {
  let h: Harness;
  let producer: string;
  beforeAll(async () => {
    h = await openHarness('pglite');
    const valid = (await (await h.request(`/api/v1/verify/${h.codes.valid}`)).json()) as Verdict;
    producer = await h.token('producer', { subjectId: valid.subjectId! });
  });
  afterAll(async () => {
    await h?.close();
  });

  /** One random edit of a genuine code: substitute, insert, delete, swap case or truncate. */
  const mutation = (code: string) =>
    fc
      .tuple(
        fc.nat({ max: code.length - 1 }),
        fc.integer({ min: 0, max: 4 }),
        fc.string({ minLength: 1, maxLength: 3 }),
      )
      .map(
        ([i, kind, s]) =>
          [
            code.slice(0, i) + s + code.slice(i + 1),
            code.slice(0, i) + s + code.slice(i),
            code.slice(0, i) + code.slice(i + 1),
            code.slice(0, i) + code[i]!.toLowerCase() + code.slice(i + 1),
            code.slice(0, i),
          ][kind]!,
      );

  it('rejects every one of 100,000 mutated codes that is not the same stamp, without a 5xx', async () => {
    const genuine = h.codes.valid;
    const samples = fc.sample(mutation(genuine), { numRuns: 100_000, seed: 20261123 });
    let accepted = 0;
    for (let i = 0; i < samples.length; i += 1000) {
      const batch = samples.slice(i, i + 1000);
      const res = await h.request('/api/v1/verify', json({ codes: batch }));
      expect(res.status).toBe(200);
      const { verdicts } = (await res.json()) as { verdicts: Verdict[] };
      verdicts.forEach((v, j) => {
        // Only letter case and surrounding white space leave the same stamp: codes are read
        // case-insensitively, and scanners add spaces and line ends.
        const same = batch[j]!.trim().toUpperCase() === genuine;
        if (same) expect(v.status).toBe('valid');
        else if (v.status !== 'forged') accepted++;
      });
    }
    expect(accepted).toBe(0);
  }, 300_000);

  it('answers arbitrary JSON bodies and paths on every write endpoint with a 4xx, never a 5xx', async () => {
    const endpoints = [
      '/api/v1/verify',
      '/api/v1/subjects',
      '/api/v1/products',
      '/api/v1/certificates',
      '/api/v1/batches',
      `/api/v1/batches/${await h.demoBatchId('valid')}/print`,
      '/api/v1/stamps/void',
      '/api/v1/auth/sign-in/verify',
      '/api/v1/enrolments',
    ];
    const bodies = fc.sample(
      fc.oneof(
        fc.json(),
        fc.string(),
        fc.jsonValue().map((v) => JSON.stringify({ codes: v, quantity: v, template: v, serials: v })),
      ),
      { numRuns: 3000, seed: 7 },
    );
    const statuses = new Map<number, number>();
    for (const [i, body] of bodies.entries()) {
      const res = await h.request(endpoints[i % endpoints.length]!, {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${producer}` },
      });
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      expect(res.status, `${endpoints[i % endpoints.length]} ${body.slice(0, 80)}`).toBeLessThan(500);
    }
    for (const path of fc.sample(fc.string({ maxLength: 60 }), { numRuns: 500, seed: 11 })) {
      const res = await h.request(`/S/${encodeURIComponent(path)}`);
      expect(res.status).toBe(200);
    }
    expect([...statuses.keys()].every((s) => s < 500)).toBe(true);
  }, 300_000);

  it('answers 2,000 mutated intake sessions from a retailer with a 2xx or 4xx, and records only valid ones', async () => {
    const retailer = await h.token('retailer', { provinceCode: '20' });
    const instant = fc.oneof(
      fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
      fc.constantFrom(
        '2026-11-23T09:00:00+07:00',
        '0000-01-01T00:00:00Z',
        '9999-12-31T23:59:59.999999999+14:00',
        '2026-02-30T10:00:00Z',
        'yesterday',
        '',
      ),
    );
    const item = fc.record(
      {
        code: fc.oneof(fc.constant(h.codes.valid), fc.constant(h.codes.forged), fc.string({ maxLength: 500 })),
        scannedAt: instant,
        offlineStatus: fc.oneof(fc.constantFrom('valid', 'revoked'), fc.string()),
        offlineAsOf: instant,
      },
      { requiredKeys: ['code'] },
    );
    const session = fc.record(
      {
        sessionId: fc.oneof(fc.stringMatching(/^[A-Za-z0-9_-]{8,64}$/), fc.string()),
        pointOfSale: fc.string({ maxLength: 250 }),
        startedAt: instant,
        sentAt: instant,
        items: fc.oneof(fc.array(item, { maxLength: 5 }), fc.jsonValue()),
      },
      { requiredKeys: [] },
    );
    const bodies = fc.sample(session, { numRuns: 2000, seed: 20261123 });
    const statuses = new Map<number, number>();
    for (const [i, body] of bodies.entries()) {
      const path = i % 2 ? '/api/v1/intakes' : '/api/v1/verify';
      const codes = Array.isArray(body.items)
        ? body.items.map((it) => (it as { code?: unknown } | null)?.code)
        : body.items;
      const payload = i % 2 ? body : { codes, record: body };
      const res = await h.request(path, json(payload, retailer));
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      expect(res.status, `${path} ${JSON.stringify(payload).slice(0, 200)}`).toBeLessThan(500);
    }
    // Some sessions were well-formed enough to be recorded; most were refused.
    expect((statuses.get(201) ?? 0) + (statuses.get(200) ?? 0)).toBeGreaterThan(0);
    expect(statuses.get(400) ?? 0).toBeGreaterThan(1000);
  }, 300_000);
});
