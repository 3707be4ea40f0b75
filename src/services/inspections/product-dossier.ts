import { z } from 'zod';
import { asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import {
  areaFlags,
  batchAreas,
  batchEvents,
  batches,
  certificateEvents,
  certificates,
  inspections,
  products,
  rawMaterialAreas,
  reports,
  scans,
  stampRanges,
  subjects,
} from '../../db/schema';
import { withoutSearchText } from '../../db/search-text';
import { vietnamToday } from '../../domain/calendar';
import { certificateTimeState } from '../../domain/certificate-dates';
import { notFound } from '../shared/errors';
import { authorize } from '../shared/policy';
import { productTarget } from '../registry/load-scope';
import { service } from '../shared/service';

/**
 * One step of the product's story, as codes and facts; the console words it (web/words). `about`
 * names what the step concerns: the certificate number, the lot, the inspecting agency, the
 * standard; `event` is the lifecycle event of a certificate or batch step.
 */
export type TimelineEntry = {
  on: string;
  at: string;
  kind: string;
  about: string;
  detail: string | null;
  basis: string | null;
  ref: string;
  event?: CertificateEvent['kind'] | BatchEvent['kind'];
  serials?: { first: number; last: number };
  state?: 'open' | 'closed';
};
type CertificateEvent = typeof certificateEvents.$inferSelect;
type BatchEvent = typeof batchEvents.$inferSelect;

/**
 * Everything an inspector needs about one product on one page: certificates with their events,
 * batches with recalls, inspections, reports, scans by place, and one timeline of every action,
 * ordered by effective date and then by when it was recorded.
 */
export const productDossier = service({
  action: 'inspection.read',
  input: z.object({ productId: z.uuid() }),
  run: async ({ ctx, input: { productId } }) => {
    const target = await productTarget(ctx.db, productId);
    authorize(ctx.actor, 'inspection.read', target);
    const db = ctx.db;
    const [product] = await db
      .select({ product: withoutSearchText(products), subject: withoutSearchText(subjects) })
      .from(products)
      .innerJoin(subjects, eq(products.subjectId, subjects.id))
      .where(eq(products.id, productId));
    if (!product) throw notFound('sản phẩm');

    const certs = await db
      .select(withoutSearchText(certificates))
      .from(certificates)
      .where(eq(certificates.productId, productId))
      .orderBy(desc(certificates.decisionDate));
    const certIds = certs.map((c) => c.id);
    const certEvents = certIds.length
      ? await db
          .select()
          .from(certificateEvents)
          .where(inArray(certificateEvents.certificateId, certIds))
          .orderBy(asc(certificateEvents.id))
      : [];
    const batchRows = await db
      .select(withoutSearchText(batches))
      .from(batches)
      .where(eq(batches.productId, productId))
      .orderBy(desc(batches.productionDate));
    const batchIds = batchRows.map((b) => b.id);
    const none = sql`false`;
    const [bEvents, ranges, areaRows] = await Promise.all([
      db
        .select()
        .from(batchEvents)
        .where(batchIds.length ? inArray(batchEvents.batchId, batchIds) : none)
        .orderBy(asc(batchEvents.id)),
      db
        .select()
        .from(stampRanges)
        .where(batchIds.length ? inArray(stampRanges.batchId, batchIds) : none)
        .orderBy(asc(stampRanges.firstSerial)),
      db
        .selectDistinct({ areaId: batchAreas.areaId })
        .from(batchAreas)
        .where(batchIds.length ? inArray(batchAreas.batchId, batchIds) : none),
    ]);
    const areaIds = areaRows.map((a) => a.areaId);
    const [inspectionRows, reportRows, flags, areas] = await Promise.all([
      db
        .select()
        .from(inspections)
        .where(sql`${inspections.productId} = ${productId}
      or ${inspections.batchId} in ${batchIds.length ? batchIds : ['00000000-0000-0000-0000-000000000000']}
      or (${inspections.scope} = 'subject' and ${inspections.subjectId} = ${product.subject.id})
      or ${inspections.areaId} in ${areaIds.length ? areaIds : ['00000000-0000-0000-0000-000000000000']}`)
        .orderBy(desc(inspections.inspectedOn)),
      db.select().from(reports).where(eq(reports.productId, productId)).orderBy(desc(reports.createdAt)).limit(100),
      db
        .select()
        .from(areaFlags)
        .where(areaIds.length ? inArray(areaFlags.areaId, areaIds) : none),
      db
        .select(withoutSearchText(rawMaterialAreas))
        .from(rawMaterialAreas)
        .where(areaIds.length ? inArray(rawMaterialAreas.id, areaIds) : none),
    ]);
    const scansByPlace = ranges.length
      ? await db
          .select({ place: scans.place, n: count() })
          .from(scans)
          .where(sql`${scans.serial} between ${ranges[0]!.firstSerial} and ${ranges.at(-1)!.lastSerial} and exists (
      select 1 from stamp_ranges r where r.batch_id in ${batchIds} and ${scans.serial} between r.first_serial and r.last_serial)`)
          .groupBy(scans.place)
          .orderBy(desc(count()))
      : [];

    const today = vietnamToday(ctx.now());
    const certificatesView = certs.map((c) => ({
      ...c,
      expired: certificateTimeState(c.validFrom, c.validUntil, today) === 'expired',
      events: certEvents.filter((e) => e.certificateId === c.id),
    }));
    const batchesView = batchRows.map((b) => ({
      ...b,
      events: bEvents.filter((e) => e.batchId === b.id),
      ranges: ranges.filter((r) => r.batchId === b.id),
    }));
    const timeline: TimelineEntry[] = [
      ...certEvents.map((e) => ({
        on: e.effectiveOn,
        at: e.recordedAt.toISOString(),
        kind: `certificate.${e.kind}`,
        event: e.kind,
        about: certs.find((c) => c.id === e.certificateId)?.number ?? '',
        detail: [e.reason, e.decidedBy].filter(Boolean).join(' — ') || null,
        basis: e.basis,
        ref: `certificate-event:${e.id}`,
      })),
      ...bEvents.map((e) => ({
        on: e.effectiveOn,
        at: e.recordedAt.toISOString(),
        kind: `batch.${e.kind}`,
        event: e.kind,
        about: batchRows.find((b) => b.id === e.batchId)?.lot ?? '',
        detail: [e.reason, e.decidedBy].filter(Boolean).join(' — ') || null,
        basis: e.basis,
        ref: `batch-event:${e.id}`,
      })),
      ...ranges.map((r) => ({
        on: vietnamToday(r.createdAt),
        at: r.createdAt.toISOString(),
        kind: 'stamps.issued',
        about: batchRows.find((b) => b.id === r.batchId)?.lot ?? '',
        serials: { first: r.firstSerial, last: r.lastSerial },
        detail: null,
        basis: null,
        ref: `range:${r.id}`,
      })),
      ...inspectionRows.map((i) => ({
        on: i.inspectedOn,
        at: i.recordedAt.toISOString(),
        kind: `inspection.${i.result}`,
        about: i.agency,
        detail: i.findings,
        basis: null,
        ref: `inspection:${i.id}`,
      })),
      ...flags.map((f) => ({
        on: f.flaggedOn,
        at: f.recordedAt.toISOString(),
        kind: 'area.flagged',
        about: f.standard,
        detail: f.reason,
        basis: null,
        ref: `area-flag:${f.id}`,
      })),
      ...reportRows.map((r) => ({
        on: vietnamToday(r.createdAt),
        at: r.createdAt.toISOString(),
        kind: 'report',
        about: '',
        state: r.state,
        detail: r.details,
        basis: null,
        ref: `report:${r.id}`,
      })),
    ].sort((a, b) => (a.on === b.on ? a.at.localeCompare(b.at) : a.on.localeCompare(b.on)));

    return {
      product: product.product,
      subject: product.subject,
      certificates: certificatesView,
      batches: batchesView,
      inspections: inspectionRows,
      reports: reportRows,
      areas: areas.map((a) => ({ ...a, flags: flags.filter((f) => f.areaId === a.id) })),
      scansByPlace,
      timeline,
    };
  },
});

export type ProductDossier = Awaited<ReturnType<typeof productDossier>>;
