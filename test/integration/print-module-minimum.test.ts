import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stampRanges } from '../../src/db/schema';
import type { Verdict } from '../../src/services/verification/verdict-types';
import { bearer, DATABASE_KINDS, json, openHarness, type Harness } from '../support/harness';

/** 71 characters: stamps become QR version 8, 49 modules a side. */
const LONG_ORIGIN = 'https://truy-xuat-nguon-goc-san-pham-ocop.so-nong-nghiep.langson.gov.vn';

describe.each(DATABASE_KINDS)('a template too small for the stamps on %s', (kind) => {
  let h: Harness;
  let producer: string;
  let batchId: string;

  beforeAll(async () => {
    h = await openHarness(kind, { env: { PUBLIC_ORIGIN: LONG_ORIGIN } });
    const valid = (await (await h.request(`/api/v1/verify/${h.codes.valid}`)).json()) as Verdict;
    batchId = valid.batchId!;
    producer = await h.token('producer', { subjectId: valid.subjectId! });
  });
  afterAll(async () => {
    await h?.close();
  });

  const reserved = async () => Number((await h.db.select({ n: count() }).from(stampRanges))[0]!.n);
  const print = (template: string, key: string) =>
    h.request(`/api/v1/batches/${batchId}/print`, json({ quantity: 3, template, idempotencyKey: key }, producer));

  it('is refused with a field error in Vietnamese, and nothing is reserved', async () => {
    expect(LONG_ORIGIN).toHaveLength(71);
    const before = await reserved();
    const res = await print('roll-40x30', 'too-small-roll-1');
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as {
      error: { code: string; message: string; fields: { path: string; message: string }[] };
    };
    expect(error.code).toBe('invalid_input');
    expect(error.message).toMatch(
      /^Mẫu nhãn roll-40x30 in mã QR phiên bản 8 với ô 0\.25 mm, nhỏ hơn mức tối thiểu 0\.37 mm/,
    );
    expect(error.fields).toEqual([{ path: 'template', message: error.message }]);
    expect(await reserved()).toBe(before);
  });

  it('prints on a template with room for the bigger symbol', async () => {
    const before = await reserved();
    const res = await print('a4-2x7-99x38', 'roomy-sheet-1');
    expect(res.status).toBe(201);
    const { parts } = (await res.json()) as { parts: { url: string }[] };
    const pdf = await h.request(parts[0]!.url, bearer(producer));
    expect(pdf.status).toBe(200);
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    expect(await reserved()).toBe(before + 1);
  });
});
