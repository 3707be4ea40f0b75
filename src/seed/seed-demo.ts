import { and, count, eq } from 'drizzle-orm';
import { batches, products, stampRanges, subjects, voidedSerials } from '../db/schema';
import type { VerdictStatus } from '../domain/verdict';
import { createBatch } from '../services/registry/create-batch';
import { createCertificate } from '../services/registry/create-certificate';
import { createProduct } from '../services/registry/create-product';
import { createRawMaterialArea } from '../services/registry/create-area';
import { createSubject } from '../services/registry/create-subject';
import { changeCertificateStatus } from '../services/lifecycle/change-certificate-status';
import { recallBatch } from '../services/lifecycle/recall-batch';
import { issueStamps } from '../services/stamps/issue-stamps';
import { voidStamps } from '../services/stamps/void-stamps';
import type { ServiceContext } from '../services/shared/context';
import type { Actor } from '../services/shared/policy';
import { DEMO_PRODUCTS, DEMO_STAMPS_PER_BATCH, DEMO_UNKNOWN_SERIAL, DEMO_VOID_OFFSET } from './demo-data';

/** The seed acts as a central authority, through the same services and audit as anyone else. */
export const SEED_ACTOR: Actor = {
  kind: 'system',
  id: 'demo-seed',
  role: 'authority',
  provinceCode: null,
  subjectId: null,
};

const at = (date: string) => () => new Date(`${date}T09:00:00+07:00`);

export async function isDatabaseEmpty(ctx: ServiceContext): Promise<boolean> {
  const [row] = await ctx.db.select({ n: count() }).from(subjects);
  return (row?.n ?? 0) === 0;
}

/** Seeds the demo set. Each step runs with the clock of the day it happened. */
export async function seedDemo(base: ServiceContext): Promise<void> {
  const ctx = { ...base, actor: SEED_ACTOR };
  for (const demo of DEMO_PRODUCTS) {
    const subject = await createSubject({ ctx, input: { ...demo.subject, demo: true } });
    const area = demo.area
      ? await createRawMaterialArea({ ctx, input: { ...demo.area, subjectId: subject.id } })
      : null;
    const product = await createProduct({
      ctx,
      input: { ...demo.product, subjectId: subject.id, taxonomyVersion: '2022' },
    });
    const certificate = await createCertificate({ ctx, input: { ...demo.certificate, productId: product.id } });
    const batch = await createBatch({
      ctx,
      input: { ...demo.batch, productId: product.id, areaIds: area ? [area.id] : [] },
    });
    const { range } = await issueStamps({
      ctx: { ...ctx, now: at(demo.printedOn) },
      input: { batchId: batch.id, quantity: DEMO_STAMPS_PER_BATCH, idempotencyKey: `demo-${demo.batch.lot}` },
    });
    if (demo.status === 'valid') {
      const serial = range.firstSerial + DEMO_VOID_OFFSET;
      await voidStamps({
        ctx,
        input: { firstSerial: serial, lastSerial: serial, reason: 'In lỗi (dữ liệu minh họa)' },
      });
    }
    if (demo.change && (demo.status === 'suspended' || demo.status === 'revoked')) {
      const { on, grounds, ...decision } = demo.change;
      await changeCertificateStatus({
        ctx: { ...ctx, now: at(on) },
        input: {
          ...decision,
          certificateId: certificate.id,
          effectiveOn: on,
          ...(demo.status === 'suspended'
            ? { action: 'suspend' }
            : { action: 'revoke', grounds: grounds ?? 'violation' }),
        },
      });
    }
    if (demo.change && demo.status === 'recalled') {
      const { on, grounds: _none, ...decision } = demo.change;
      await recallBatch({ ctx: { ...ctx, now: at(on) }, input: { ...decision, batchId: batch.id, effectiveOn: on } });
    }
  }
}

/** One stamp code per verdict status, re-derived from the database on every start. */
export async function demoCodes(ctx: ServiceContext): Promise<Record<VerdictStatus, string>> {
  const signer = await ctx.keys.activeSigner(ctx.db);
  const codes = {} as Record<VerdictStatus, string>;
  for (const demo of DEMO_PRODUCTS) {
    const [row] = await ctx.db
      .select({ range: stampRanges })
      .from(stampRanges)
      .innerJoin(batches, eq(stampRanges.batchId, batches.id))
      .innerJoin(products, eq(batches.productId, products.id))
      .innerJoin(subjects, eq(products.subjectId, subjects.id))
      .where(and(eq(batches.lot, demo.batch.lot), eq(subjects.demo, true)))
      .limit(1);
    if (!row) continue;
    const signerOfRange = (await ctx.keys.signerFor(row.range.kid))!;
    codes[demo.status] = await signerOfRange.signStamp(row.range.firstSerial);
    if (demo.status === 'valid') {
      const [voided] = await ctx.db
        .select()
        .from(voidedSerials)
        .where(eq(voidedSerials.rangeId, row.range.id))
        .limit(1);
      if (voided) codes.void = await signerOfRange.signStamp(voided.firstSerial);
      codes.forged = tamper(codes.valid);
    }
  }
  codes.unknown = await signer.signStamp(DEMO_UNKNOWN_SERIAL);
  return codes;
}

/** A copy of a genuine stamp code with one signature character changed. */
function tamper(code: string): string {
  const i = code.length - 10;
  return code.slice(0, i) + (code[i] === 'A' ? 'B' : 'A') + code.slice(i + 1);
}
