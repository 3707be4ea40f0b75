import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printJobs, stampRanges } from '../../src/db/schema';
import type { Verdict } from '../../src/services/verification/verdict-types';
import { bearer, DATABASE_KINDS, json, openHarness, type Harness } from '../support/harness';

type Job = {
  job: { id: string; quantity: number; rangeId: string };
  parts: { part: number; labels: number; url: string }[];
};

describe.each(DATABASE_KINDS)('label print jobs on %s', (kind) => {
  let h: Harness;
  let producer: string;
  let otherProducer: string;
  let batchId: string;

  beforeAll(async () => {
    h = await openHarness(kind);
    const valid = (await (await h.request(`/api/v1/verify/${h.codes.valid}`)).json()) as Verdict;
    const expired = (await (await h.request(`/api/v1/verify/${h.codes.expired}`)).json()) as Verdict;
    batchId = valid.batchId!;
    producer = await h.token('producer', { subjectId: valid.subjectId! });
    otherProducer = await h.token('producer', { subjectId: expired.subjectId! });
  });
  afterAll(async () => {
    await h?.close();
  });

  const reserved = async () => Number((await h.db.select({ n: count() }).from(stampRanges))[0]!.n);
  const print = (body: unknown, token = producer, batch = batchId) =>
    h.request(`/api/v1/batches/${batch}/print`, json(body, token));

  it('reserves a range, and the same key gives the same job, serials and PDF bytes', async () => {
    const first = await print({ quantity: 30, template: 'a4-3x8-70x37', idempotencyKey: 'print-job-0001' });
    expect(first.status).toBe(201);
    const job = (await first.json()) as Job;
    expect(job.parts).toEqual([{ part: 1, labels: 30, url: `/api/v1/print-jobs/${job.job.id}/parts/1.pdf` }]);
    const again = await print({ quantity: 30, template: 'a4-3x8-70x37', idempotencyKey: 'print-job-0001' });
    expect(again.status).toBe(200);
    expect(((await again.json()) as Job).job.id).toBe(job.job.id);
    const download = async () =>
      new Uint8Array(await (await h.request(job.parts[0]!.url, bearer(producer))).arrayBuffer());
    const [a, b] = [await download(), await download()];
    expect(Buffer.from(a).subarray(0, 5).toString()).toBe('%PDF-');
    expect(Buffer.compare(Buffer.from(a), Buffer.from(b))).toBe(0);
    expect(await h.db.select().from(printJobs).where(eq(printJobs.id, job.job.id))).toHaveLength(1);
  });

  it('answers with the PDF itself when asked for application/pdf', async () => {
    const res = await h.request(`/api/v1/batches/${batchId}/print`, {
      method: 'POST',
      headers: { authorization: `Bearer ${producer}`, 'content-type': 'application/json', accept: 'application/pdf' },
      body: JSON.stringify({ quantity: 2, template: 'roll-40x30', idempotencyKey: 'print-as-pdf-1' }),
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('link')).toMatch(/parts\/1\.pdf>; rel="item"/);
    expect(
      Buffer.from(await res.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  });

  it('splits large jobs into parts of whole sheets', async () => {
    const res = await print({ quantity: 4000, template: 'a4-5x13-38x21', idempotencyKey: 'print-job-large' });
    const job = (await res.json()) as Job;
    expect(job.parts.map((p) => p.labels)).toEqual([2340, 1660]);
    const part2 = await h.request(job.parts[1]!.url, bearer(producer));
    expect(part2.headers.get('content-type')).toBe('application/pdf');
    expect((await h.request(`/api/v1/print-jobs/${job.job.id}/parts/3.pdf`, bearer(producer))).status).toBe(404);
  });

  it('refuses bad input with a clear 4xx and reserves nothing', async () => {
    const before = await reserved();
    const cases: [unknown, string | undefined, string | undefined, number, string][] = [
      [{ quantity: 5, template: 'a3-nope', idempotencyKey: 'print-bad-1' }, undefined, undefined, 400, 'invalid_input'],
      [
        { quantity: 0, template: 'a4-3x8-70x37', idempotencyKey: 'print-bad-2' },
        undefined,
        undefined,
        400,
        'invalid_input',
      ],
      [
        { quantity: 999_999, template: 'a4-3x8-70x37', idempotencyKey: 'print-bad-3' },
        undefined,
        undefined,
        400,
        'invalid_input',
      ],
      [
        { quantity: 4000, template: 'a4-3x8-70x37', idempotencyKey: 'print-bad-4' },
        undefined,
        undefined,
        422,
        'quantity_exceeded',
      ],
      [
        { quantity: 5, template: 'a4-3x8-70x37', idempotencyKey: 'print-bad-5' },
        otherProducer,
        undefined,
        404,
        'not_found',
      ],
      [
        { quantity: 5, template: 'a4-3x8-70x37', idempotencyKey: 'print-bad-6' },
        await h.token('authority', { provinceCode: 'central' }),
        await h.demoBatchId('revoked'),
        422,
        'certificate_not_valid',
      ],
      [
        { quantity: 5, template: 'a4-3x8-70x37', idempotencyKey: 'print-bad-7' },
        await h.token('authority', { provinceCode: 'central' }),
        await h.demoBatchId('suspended'),
        422,
        'certificate_not_valid',
      ],
    ];
    for (const [body, token, batch, status, code] of cases) {
      const res = await print(body, token ?? producer, batch ?? batchId);
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(((await res.json()) as { error: { code: string; message: string } }).error.code).toBe(code);
    }
    expect(await reserved()).toBe(before);
  });

  it('voids misprints and a whole sheet: their verdict becomes void, audited', async () => {
    const res = await print({ quantity: 24, template: 'a4-3x8-70x37', idempotencyKey: 'print-void-01' });
    const job = (await res.json()) as Job;
    const [range] = await h.db.select().from(stampRanges).where(eq(stampRanges.id, job.job.rangeId));
    const voided = await h.request(
      '/api/v1/stamps/void',
      json(
        {
          serials: [range!.firstSerial],
          firstSerial: range!.firstSerial + 10,
          lastSerial: range!.lastSerial,
          reason: 'In lỗi, tờ bị kẹt giấy',
        },
        producer,
      ),
    );
    expect(voided.status).toBe(200);
    const page = (await (
      await h.request(`/api/v1/stamp-ranges/${range!.id}/stamps?limit=24`, bearer(producer))
    ).json()) as { stamps: { url: string }[] };
    const statuses = (await (
      await h.request('/api/v1/verify', json({ codes: page.stamps.map((s) => s.url) }))
    ).json()) as { verdicts: Verdict[] };
    expect(statuses.verdicts.map((v) => v.status)).toEqual([
      'void',
      ...Array(9).fill('valid'),
      ...Array(14).fill('void'),
    ]);
    const refused = await h.request(
      '/api/v1/stamps/void',
      json({ serials: [range!.firstSerial + 1], reason: 'không phải của tôi' }, otherProducer),
    );
    expect(refused.status).toBe(404); // another producer's stamps answer as missing ones
    const history = (await (await h.request('/api/v1/print-jobs', bearer(producer))).json()) as {
      items: { id: string }[];
    };
    expect(history.items.map((j) => j.id)).toContain(job.job.id);
    const othersHistory = (await (await h.request('/api/v1/print-jobs', bearer(otherProducer))).json()) as {
      items: unknown[];
    };
    expect(othersHistory.items).toEqual([]);
  });
});
