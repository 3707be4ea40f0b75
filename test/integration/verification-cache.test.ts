import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeyRing } from '../../src/keys/key-ring';
import { SEED_ACTOR } from '../../src/seed/seed-demo';
import { markKeyCompromised, rotateSigningKey } from '../../src/services/keys/rotate-signing-key';
import { flagArea } from '../../src/services/lifecycle/flag-area';
import { updateRegistryItem } from '../../src/services/registry/update-registry';
import { issueStamps } from '../../src/services/stamps/issue-stamps';
import { stampPage } from '../../src/services/stamps/stamp-urls';
import type { Actor } from '../../src/services/shared/policy';
import { textsCache } from '../../src/services/verification/stamp-texts';
import type { Verdict } from '../../src/services/verification/verdict-types';
import { verifyStamp } from '../../src/services/verification/verify-stamps';
import { ADMIN, DATABASE_KINDS, openHarness, type Harness } from '../support/harness';
import { bootSecondRuntime, type SecondRuntime } from '../support/second-runtime';

const INSPECTOR: Actor = { kind: 'system', id: 'inspector-20', role: 'inspector', provinceCode: '20', subjectId: null };
const verdictFrom = async (runtime: { request: Harness['request'] }, code: string) =>
  (await (await runtime.request(`/api/v1/verify/${code}`)).json()) as Verdict;

/**
 * What the verification hot path keeps between requests (checked signatures, registry texts)
 * must never outlive what it stands for: a compromise, an edit or a flag shows on the very next
 * verification.
 */
describe.each(DATABASE_KINDS)('verification caches on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness(kind);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('shows a renamed product, an edited subject and lot, and a new area flag on the next verification', async () => {
    const before = await verdictFrom(h, h.codes.valid);
    expect((await verdictFrom(h, h.codes.valid)).product!.name).toBe(before.product!.name); // now from the cache
    expect(textsCache(h.keys).get(before.batchId!)?.product.name).toBe(before.product!.name);

    await updateRegistryItem.products({
      ctx: h.ctx(ADMIN),
      input: { id: before.productId!, patch: { name: 'Tinh dầu hồi Văn Quan (đổi tên)' } },
    });
    expect((await verdictFrom(h, h.codes.valid)).product!.name).toBe('Tinh dầu hồi Văn Quan (đổi tên)');
    await updateRegistryItem.subjects({
      ctx: h.ctx(ADMIN),
      input: { id: before.subjectId!, patch: { name: 'HTX Văn Quan Xanh (mới)' } },
    });
    await updateRegistryItem.batches({
      ctx: h.ctx(ADMIN),
      input: { id: before.batchId!, patch: { lot: 'HVQ2610-B' } },
    });
    const edited = await verdictFrom(h, h.codes.valid);
    expect([edited.subject!.name, edited.batch!.lot]).toEqual(['HTX Văn Quan Xanh (mới)', 'HVQ2610-B']);

    const area = before.batch!.areas[0]!;
    expect(area.flags).toEqual([]);
    await flagArea({
      ctx: h.ctx(INSPECTOR),
      input: {
        areaId: area.id,
        standard: 'VietGAP',
        flaggedOn: '2026-11-20',
        reason: 'Giấy chứng nhận VietGAP đã bị thu hồi',
      },
    });
    expect((await verdictFrom(h, h.codes.valid)).batch!.areas[0]!.flags).toEqual([
      { standard: 'VietGAP', on: '2026-11-20', reason: 'Giấy chứng nhận VietGAP đã bị thu hồi' },
    ]);
    // The status stays live all along: the edits changed no verdict.
    expect(edited.status).toBe('valid');
  });

  it('keeps at most its bound of checked signatures, and an evicted one still verifies', async () => {
    const small = new KeyRing({ keks: async () => null, refreshSeconds: 60, signatureCacheSize: 20 });
    const ctx = { ...h.ctx(ADMIN), keys: small };
    const { range } = await issueStamps({
      ctx: h.ctx(SEED_ACTOR),
      input: { batchId: await h.demoBatchId('valid'), quantity: 30, idempotencyKey: 'signature-cache-bound' },
    });
    const codes = (await stampPage(h.ctx(SEED_ACTOR), range, 0, 30)).stamps.map((s) => s.url.split('/S/')[1]!);
    for (const code of codes) expect((await verifyStamp(ctx, code)).status).toBe('valid');
    expect(small.verifiedCount).toBe(20);
    expect((await verifyStamp(ctx, codes[0]!)).status).toBe('valid'); // the first was evicted: checked again
    expect(small.verifiedCount).toBe(20);
  });

  it('answers forged the moment a key is compromised, though its stamps’ signatures were checked before', async () => {
    const checked = h.keys.verifiedCount;
    expect((await verdictFrom(h, h.codes.expired)).status).toBe('expired');
    expect(h.keys.verifiedCount).toBe(checked + 1);
    expect((await verdictFrom(h, h.codes.expired)).status).toBe('expired');
    expect(h.keys.verifiedCount).toBe(checked + 1); // the second was a cache hit
    await rotateSigningKey({ ctx: h.ctx(ADMIN) }); // the key in use cannot be marked compromised
    await markKeyCompromised({ ctx: h.ctx(ADMIN), input: { kid: 'K1' } });
    for (const code of [h.codes.expired, h.codes.valid]) {
      expect(await verdictFrom(h, code)).toMatchObject({
        status: 'forged',
        forgedReason: 'compromised_key',
        live: true,
      });
    }
  });
});

describe('verification caches across instances sharing one PostgreSQL database', () => {
  let h: Harness;
  let other: SecondRuntime;
  beforeAll(async () => {
    h = await openHarness('postgres');
    other = await bootSecondRuntime(h);
  });
  afterAll(async () => {
    await other?.close();
    await h?.close();
  });

  it('an edit made by one instance is shown by the other on its next verification', async () => {
    const cached = await verdictFrom(other, h.codes.valid);
    await verdictFrom(other, h.codes.valid);
    await updateRegistryItem.products({
      ctx: h.ctx(ADMIN),
      input: { id: cached.productId!, patch: { name: 'Tên do phiên bản khác sửa' } },
    });
    expect((await verdictFrom(other, h.codes.valid)).product!.name).toBe('Tên do phiên bản khác sửa');
  });

  it('a compromise made by one instance makes the other answer forged at once, its checked signatures notwithstanding', async () => {
    expect((await verdictFrom(other, h.codes.valid)).status).toBe('valid');
    expect(other.keys.verifiedCount).toBeGreaterThan(0);
    await rotateSigningKey({ ctx: h.ctx(ADMIN) });
    await markKeyCompromised({ ctx: h.ctx(ADMIN), input: { kid: 'K1' } });
    expect(await verdictFrom(other, h.codes.valid)).toMatchObject({
      status: 'forged',
      forgedReason: 'compromised_key',
      live: true,
    });
  });
});
