import { z } from 'zod';
import { asc, eq } from 'drizzle-orm';
import { batchAreas, batchEvents, batches, intakeItems, intakes, products, rawMaterialAreas, stampRanges } from '../../db/schema';
import { toGtin14 } from '../../domain/gtin';
import type { ServiceContext } from '../shared/context';
import { authorize } from '../shared/policy';
import { batchTarget } from '../lifecycle/load-targets';
import { service } from '../shared/service';

export const EPCIS_CONTEXT = 'https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld';
const VIETNAM_OFFSET = '+07:00';

type EpcisEvent = Record<string, unknown> & { eventTime: string };

/**
 * A batch's story as an EPCIS 2.0 JSON-LD document, "one step back, one step forward": the stamp
 * ranges commissioned for it (with the raw-material areas it came from as lot master data), the
 * retailers that received its stamps, and its recalls and their corrections. Identifiers are GS1
 * Digital Link URIs where the product has a GTIN, and the service's own URLs where it does not.
 */
export const exportBatchEpcis = service({
  action: 'trace.export',
  input: z.object({ batchId: z.uuid() }),
  run: async ({ ctx, input: { batchId } }) => {
  authorize(ctx.actor, 'trace.export', await batchTarget(ctx.db, batchId));
  const origin = ctx.config.PUBLIC_ORIGIN;
  const [batch] = await ctx.db.select({ id: batches.id, lot: batches.lot, bestBefore: batches.bestBefore, productionDate: batches.productionDate,
    gtin: products.gtin, subjectId: products.subjectId }).from(batches).innerJoin(products, eq(products.id, batches.productId)).where(eq(batches.id, batchId));
  const b = batch!;
  const [ranges, areas, received, events] = await Promise.all([
    ctx.db.select().from(stampRanges).where(eq(stampRanges.batchId, batchId)).orderBy(asc(stampRanges.firstSerial)),
    ctx.db.select({ name: rawMaterialAreas.name, officialCode: rawMaterialAreas.officialCode, provinceCode: rawMaterialAreas.provinceCode })
      .from(batchAreas).innerJoin(rawMaterialAreas, eq(rawMaterialAreas.id, batchAreas.areaId)).where(eq(batchAreas.batchId, batchId)),
    ctx.db.select({ intakeId: intakes.id, retailerId: intakes.retailerId, pointOfSale: intakes.pointOfSale, provinceCode: intakes.provinceCode,
      recordedAt: intakes.recordedAt, code: intakeItems.code, serial: intakeItems.serial, status: intakeItems.status })
      .from(intakeItems).innerJoin(intakes, eq(intakes.id, intakeItems.intakeId)).where(eq(intakeItems.batchId, batchId))
      .orderBy(asc(intakes.recordedAt), asc(intakeItems.position)),
    ctx.db.select().from(batchEvents).where(eq(batchEvents.batchId, batchId)).orderBy(asc(batchEvents.id)),
  ]);

  const gtin14 = b.gtin ? toGtin14(b.gtin) : null;
  const lotClass = gtin14 ? `https://id.gs1.org/01/${gtin14}/10/${encodeURIComponent(b.lot)}` : `${origin}/id/batch/${b.id}`;
  const stampId = (serial: number, code: string) => (gtin14 ? `https://id.gs1.org/01/${gtin14}/21/${serial}` : `${origin}/S/${code}`);
  const producer = `${origin}/id/subject/${b.subjectId}`;
  const issued = ranges.reduce((n, r) => n + (r.lastSerial - r.firstSerial + 1), 0);

  const commissioning: EpcisEvent[] = ranges.map((r) => ({
    type: 'ObjectEvent', eventID: `${origin}/id/event/stamp-range/${r.id}`, eventTime: r.createdAt.toISOString(), eventTimeZoneOffset: VIETNAM_OFFSET,
    action: 'ADD', bizStep: 'commissioning', disposition: 'active', epcList: [],
    quantityList: [{ epcClass: lotClass, quantity: r.lastSerial - r.firstSerial + 1 }],
    readPoint: { id: producer }, bizLocation: { id: producer },
    'ocop:stampRange': { kid: r.kid, firstSerial: r.firstSerial, lastSerial: r.lastSerial },
    ilmd: { 'cbvmda:lotNumber': b.lot, ...(b.bestBefore ? { 'cbvmda:bestBeforeDate': b.bestBefore } : {}),
      'ocop:productionDate': b.productionDate, 'ocop:rawMaterialAreas': areas },
  }));

  const byIntake = new Map<string, typeof received>();
  for (const row of received) byIntake.set(row.intakeId, [...(byIntake.get(row.intakeId) ?? []), row]);
  const receiving: EpcisEvent[] = [...byIntake.entries()].map(([intakeId, rows]) => {
    const first = rows[0]!;
    const place = `${origin}/id/retailer/${first.retailerId}`;
    return {
      type: 'ObjectEvent', eventID: `${origin}/id/event/intake/${intakeId}`, eventTime: first.recordedAt.toISOString(), eventTimeZoneOffset: VIETNAM_OFFSET,
      action: 'OBSERVE', bizStep: 'receiving', disposition: 'in_progress',
      epcList: [...new Set(rows.filter((r) => r.serial !== null).map((r) => stampId(r.serial!, r.code)))],
      readPoint: { id: place }, bizLocation: { id: place },
      'ocop:pointOfSale': first.pointOfSale, 'ocop:provinceCode': first.provinceCode,
    };
  });

  const recalls: EpcisEvent[] = events.map((e) => ({
    type: 'ObjectEvent', eventID: `${origin}/id/event/batch/${e.id}`, eventTime: `${e.effectiveOn}T00:00:00${VIETNAM_OFFSET}`, eventTimeZoneOffset: VIETNAM_OFFSET,
    recordTime: e.recordedAt.toISOString(), action: 'OBSERVE', bizStep: 'holding', disposition: e.kind === 'recalled' ? 'recalled' : 'active',
    epcList: [], quantityList: [{ epcClass: lotClass, quantity: issued }], readPoint: { id: producer },
    'ocop:reason': e.reason, 'ocop:basis': e.basis,
    ...(e.correctsEventId ? { 'ocop:corrects': `${origin}/id/event/batch/${e.correctsEventId}` } : {}),
  }));

  return {
    '@context': [EPCIS_CONTEXT, { ocop: `${origin}/ns/ocop#` }],
    type: 'EPCISDocument', schemaVersion: '2.0', creationDate: ctx.now().toISOString(),
    epcisBody: { eventList: [...commissioning, ...receiving, ...recalls].sort((x, y) => Date.parse(x.eventTime) - Date.parse(y.eventTime)) },
  };
  },
});
