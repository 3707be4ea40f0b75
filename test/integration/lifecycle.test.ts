import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certificateEvents } from '../../src/db/schema';
import { SEED_ACTOR } from '../../src/seed/seed-demo';
import { changeCertificateStatus } from '../../src/services/lifecycle/change-certificate-status';
import { correctCertificateEvent, correctRecall } from '../../src/services/lifecycle/correct-events';
import { listExpiringCertificates } from '../../src/services/lifecycle/list-expiring';
import { recallBatch } from '../../src/services/lifecycle/recall-batch';
import { reevaluateCertificate } from '../../src/services/lifecycle/reevaluate-certificate';
import { productDossier } from '../../src/services/inspections/product-dossier';
import { recordInspection } from '../../src/services/inspections/record-inspection';
import { searchProducts } from '../../src/services/inspections/search';
import { createBatch } from '../../src/services/registry/create-batch';
import { AppError } from '../../src/services/shared/errors';
import type { Actor } from '../../src/services/shared/policy';
import { issueStamps } from '../../src/services/stamps/issue-stamps';
import type { Verdict } from '../../src/services/verification/verdict-types';
import { ADMIN, DATABASE_KINDS, json, openHarness, type Harness } from '../support/harness';

const inspector = (provinceCode: string): Actor => ({
  kind: 'system',
  id: `inspector-${provinceCode}`,
  role: 'inspector',
  provinceCode,
  subjectId: null,
});
const decision = {
  effectiveOn: '2026-11-23',
  reason: 'Mẫu không đạt chỉ tiêu',
  basis: '301/QĐ-SNNMT',
  decidedBy: 'Sở Nông nghiệp và Môi trường Lạng Sơn',
};
const code = (e: unknown) => (e instanceof AppError ? e.code : String(e));

describe.each(DATABASE_KINDS)('certificate lifecycle on %s', (kind) => {
  let h: Harness;
  let valid: Verdict;
  beforeAll(async () => {
    h = await openHarness(kind);
    valid = (await (await h.request(`/api/v1/verify/${h.codes.valid}`)).json()) as Verdict;
  });
  afterAll(async () => {
    await h?.close();
  });

  /** The status every public channel gives for one code, right now. */
  async function everyChannel(stampCode: string): Promise<string[]> {
    const page = await (await h.request(`/S/${stampCode}`)).text();
    const one = (await (await h.request(`/api/v1/verify/${stampCode}`)).json()) as Verdict;
    const bulk = (await (await h.request('/api/v1/verify', json({ codes: [stampCode] }))).json()) as {
      verdicts: Verdict[];
    };
    const scan = (await (
      await h.request(`/S/${stampCode}`, { headers: { accept: 'application/json' } })
    ).json()) as Verdict;
    return [/data-status="(\w+)"/.exec(page)![1]!, one.status, bulk.verdicts[0]!.status, scan.status];
  }

  it('records an inspection in the inspector’s province only, and refuses a scope without its target', async () => {
    const ctx = h.ctx(inspector('20'));
    const row = await recordInspection({
      ctx,
      input: {
        scope: 'product',
        productId: valid.productId!,
        inspectedOn: '2026-11-20',
        agency: 'Chi cục QLCL Lạng Sơn',
        findings: 'Lấy mẫu tinh dầu',
        samples: [{ code: 'M1', description: 'Tinh dầu hồi 10 ml' }],
        result: 'violations',
        attachments: [{ name: 'Biên bản', sha256: 'a'.repeat(64) }],
      },
    });
    expect(row.provinceCode).toBe('20');
    await expect(
      recordInspection({
        ctx: h.ctx(inspector('22')),
        input: {
          scope: 'product',
          productId: valid.productId!,
          inspectedOn: '2026-11-20',
          agency: 'x',
          findings: 'x',
          samples: [],
          result: 'pass',
          attachments: [],
        },
      }),
    ).rejects.toMatchObject({ code: 'not_found' });
    const token = await h.token('inspector', { provinceCode: '20' });
    const bad = await h.request(
      '/api/v1/inspections',
      json({ scope: 'batch', inspectedOn: '2026-11-20', agency: 'x', findings: 'x', result: 'pass' }, token),
    );
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { fields: { path: string }[] } }).error.fields[0]!.path).toBe('scope');
  });

  it('suspends and reinstates with the decision on every channel, and refuses what the state does not allow', async () => {
    const ctx = h.ctx(inspector('20'));
    await changeCertificateStatus({
      ctx,
      input: { ...decision, certificateId: valid.certificateId!, action: 'suspend' },
    });
    expect(await everyChannel(h.codes.valid)).toEqual(['suspended', 'suspended', 'suspended', 'suspended']);
    const verdict = (await (await h.request(`/api/v1/verify/${h.codes.valid}`)).json()) as Verdict;
    expect(verdict.certificate!.statusChange).toEqual({
      on: '2026-11-23',
      reason: decision.reason,
      basis: decision.basis,
    });
    await expect(
      changeCertificateStatus({ ctx, input: { ...decision, certificateId: valid.certificateId!, action: 'suspend' } }),
    ).rejects.toMatchObject({ code: 'conflict' });
    await changeCertificateStatus({
      ctx,
      input: { ...decision, certificateId: valid.certificateId!, action: 'reinstate' },
    });
    expect(await everyChannel(h.codes.valid)).toEqual(['valid', 'valid', 'valid', 'valid']);
    const expired = (await (await h.request(`/api/v1/verify/${h.codes.expired}`)).json()) as Verdict;
    await expect(
      changeCertificateStatus({
        ctx: h.ctx(SEED_ACTOR),
        input: { ...decision, certificateId: expired.certificateId!, action: 'suspend' },
      }),
    ).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('hết hạn') });
  });

  it('corrects a mistaken suspension with a linked event, never a delete; the database refuses edits of events', async () => {
    const ctx = h.ctx(inspector('20'));
    const { event } = await changeCertificateStatus({
      ctx,
      input: { ...decision, certificateId: valid.certificateId!, action: 'suspend' },
    });
    const fixed = await correctCertificateEvent({
      ctx,
      input: { ...decision, reason: 'Nhầm sản phẩm', certificateId: valid.certificateId!, eventId: event.id },
    });
    expect(fixed.certificate.status).toBe('active');
    expect(fixed.event).toMatchObject({
      kind: 'corrected',
      correctsEventId: event.id,
      fromStatus: 'suspended',
      toStatus: 'active',
    });
    expect(await everyChannel(h.codes.valid)).toEqual(['valid', 'valid', 'valid', 'valid']);
    expect(
      code(
        await correctCertificateEvent({
          ctx,
          input: { ...decision, certificateId: valid.certificateId!, eventId: event.id },
        }).catch((e) => e),
      ),
    ).toBe('conflict');
    await expect(h.db.delete(certificateEvents).where(eq(certificateEvents.id, event.id))).rejects.toThrow();
    await expect(
      h.db.execute(sql`update certificate_events set reason = 'x' where id = ${event.id}`),
    ).rejects.toThrow();
  });

  it('re-evaluates into a new certificate: old batches keep theirs, new batches take the new stars', async () => {
    const authority = h.ctx({
      kind: 'system',
      id: 'authority-20',
      role: 'authority',
      provinceCode: '20',
      subjectId: null,
    });
    const next = await reevaluateCertificate({
      ctx: authority,
      input: {
        certificateId: valid.certificateId!,
        number: 'OCOP-LS-2026-0301',
        score: 69,
        stars: 3,
        issuerName: 'UBND tỉnh Lạng Sơn',
        issuerLevel: 'province',
        decisionNumber: '88/QĐ-UBND',
        decisionDate: '2026-11-01',
      },
    });
    expect(next.supersedesId).toBe(valid.certificateId);
    const old = (await (await h.request(`/api/v1/verify/${h.codes.valid}`)).json()) as Verdict;
    expect(old.product!.stars).toBe(4);
    const batch = await createBatch({
      ctx: authority,
      input: { productId: valid.productId!, lot: 'HVQ2611', productionDate: '2026-11-15', quantity: 10, areaIds: [] },
    });
    expect(batch.certificateId).toBe(next.id);
    expect(
      code(
        await reevaluateCertificate({
          ctx: authority,
          input: {
            certificateId: valid.certificateId!,
            number: 'X',
            score: 80,
            stars: 4,
            issuerName: 'UBND',
            issuerLevel: 'province',
            decisionNumber: 'Y',
            decisionDate: '2026-11-10',
          },
        }).catch((e) => e),
      ),
    ).toBe('conflict');
    expect(
      code(
        await reevaluateCertificate({
          ctx: authority,
          input: {
            certificateId: next.id,
            number: 'X',
            score: 80,
            stars: 5,
            issuerName: 'UBND',
            issuerLevel: 'province',
            decisionNumber: 'Y',
            decisionDate: '2026-11-20',
          },
        }).catch((e) => e),
      ),
    ).toBe('invalid_input');
  });

  it('revokes with grounds and decision: every channel says revoked at once, and printing is refused', async () => {
    const ctx = h.ctx(inspector('20'));
    const { event } = await changeCertificateStatus({
      ctx,
      input: { ...decision, certificateId: valid.certificateId!, action: 'revoke', grounds: 'violation' },
    });
    expect(event).toMatchObject({ kind: 'revoked', grounds: 'violation', decidedBy: decision.decidedBy });
    expect(await everyChannel(h.codes.valid)).toEqual(['revoked', 'revoked', 'revoked', 'revoked']);
    const page = await (await h.request(`/S/${h.codes.valid}`)).text();
    expect(page).toContain('Chứng nhận OCOP đã bị thu hồi');
    expect(page).toContain(decision.basis);
    expect(page).toMatch(/<details class="card" id="report" open>/);
    const refused = await issueStamps({
      ctx: h.ctx(SEED_ACTOR),
      input: { batchId: valid.batchId!, quantity: 1, idempotencyKey: 'after-revocation' },
    }).catch((e) => e);
    expect(code(refused)).toBe('certificate_not_valid');
    expect(
      code(
        await changeCertificateStatus({
          ctx,
          input: { ...decision, certificateId: valid.certificateId!, action: 'reinstate' },
        }).catch((e) => e),
      ),
    ).toBe('conflict');
  });

  it('recalls a batch and lifts a mistaken recall by a linked correction', async () => {
    const batchId = await h.demoBatchId('suspended');
    const quangNinh = h.ctx(inspector('22'));
    expect(
      code(await recallBatch({ ctx: h.ctx(inspector('20')), input: { ...decision, batchId } }).catch((e) => e)),
    ).toBe('not_found');
    const { event } = await recallBatch({ ctx: quangNinh, input: { ...decision, batchId } });
    expect(await everyChannel(h.codes.suspended)).toEqual(['recalled', 'recalled', 'recalled', 'recalled']);
    await correctRecall({ ctx: quangNinh, input: { ...decision, reason: 'Nhầm lô', batchId, eventId: event.id } });
    expect((await everyChannel(h.codes.suspended))[1]).toBe('suspended');
  });

  it('tells the whole story in the product timeline, and finds the product by URL, serial or lot', async () => {
    const dossier = await productDossier({ ctx: h.ctx(inspector('20')), input: { productId: valid.productId! } });
    expect(dossier.timeline.map((t) => t.kind)).toEqual(
      expect.arrayContaining([
        'certificate.issued',
        'stamps.issued',
        'inspection.violations',
        'certificate.suspended',
        'certificate.corrected',
        'certificate.superseded',
        'certificate.revoked',
      ]),
    );
    const kinds = dossier.timeline.map((t) => t.kind);
    expect(kinds.indexOf('certificate.issued')).toBeLessThan(kinds.indexOf('certificate.revoked'));
    await expect(
      productDossier({ ctx: h.ctx(inspector('22')), input: { productId: valid.productId! } }),
    ).rejects.toMatchObject({ code: 'not_found' });
    for (const q of [`https://ocop.example.vn/S/${h.codes.valid}`, String(valid.serial), 'HVQ2610', 'Văn Quan']) {
      expect(
        (await searchProducts({ ctx: h.ctx(inspector('20')), input: { q } })).map((r) => r.productId),
        q,
      ).toContain(valid.productId);
    }
    expect(await searchProducts({ ctx: h.ctx(inspector('22')), input: { q: 'HVQ2610' } })).toEqual([]);
  });

  it('lists renewal notices: expired and expiring within 30 days, scoped to the actor', async () => {
    const all = await listExpiringCertificates({ ctx: h.ctx(ADMIN) });
    const expired = (await (await h.request(`/api/v1/verify/${h.codes.expired}`)).json()) as Verdict;
    expect(all.find((c) => c.certificateId === expired.certificateId)).toMatchObject({ expired: true });
    // The suspended demo certificate (Quảng Ninh, decision 12/03/2025) ends on 11/03/2028.
    const suspended = (await (await h.request(`/api/v1/verify/${h.codes.suspended}`)).json()) as Verdict;
    h.setNow(new Date('2028-02-20T10:00:00+07:00'));
    const soon = await listExpiringCertificates({
      ctx: h.ctx({ kind: 'system', id: 'a', role: 'authority', provinceCode: '22', subjectId: null }),
    });
    expect(soon.map((c) => c.certificateId)).toContain(suspended.certificateId);
    expect(soon.every((c) => c.provinceCode === '22')).toBe(true);
    const token = await h.token('producer', { subjectId: suspended.subjectId! });
    const mine = (await (
      await h.request('/api/v1/certificates/expiring', { headers: { authorization: `Bearer ${token}` } })
    ).json()) as { items: { subjectId: string; daysLeft: number }[] };
    expect(mine.items).toEqual([expect.objectContaining({ subjectId: suspended.subjectId, daysLeft: 20 })]);
    h.setNow(new Date('2026-11-23T10:00:00+07:00'));
  });
});
