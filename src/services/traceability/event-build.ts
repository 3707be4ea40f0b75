import { and, asc, eq, inArray, isNotNull, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { batchAreas, batches, intakeItems, products, rawMaterialAreas, stampRanges } from '../../db/schema';
import { eventKeys, eventUuid } from './event-id';
import type { CommissioningRow, ReceivingRow, RecallRow, SourceRow } from './event-sources';
import { type BatchIds, lotClassUri, retailerUri, stampUri, subjectUri } from './identifiers';

const VIETNAM_OFFSET = '+07:00';

export type EpcisEvent = Record<string, unknown> & { type: 'ObjectEvent'; eventID: string; eventTime: string };

type Batch = BatchIds & { productionDate: string; bestBefore: string | null };
type Facts = {
  origin: string;
  batches: Map<string, Batch>;
  areas: Map<string, { name: string; officialCode: string | null; provinceCode: string }[]>;
  issued: Map<string, number>;
  received: Map<string, { serial: number; code: string }[]>;
};

/** Rows in order to EPCIS 2.0 ObjectEvents, in the same order, with what each kind needs loaded in a few queries. */
export async function buildEvents(db: Db, origin: string, rows: SourceRow[]): Promise<EpcisEvent[]> {
  const facts = await loadFacts(db, origin, rows);
  return Promise.all(
    rows.map((row) => {
      const batch = facts.batches.get(row.batchId)!;
      if (row.kind === 'commissioning') return commissioning(facts, batch, row);
      if (row.kind === 'receiving') return receiving(facts, batch, row);
      return recall(facts, batch, row);
    }),
  );
}

async function loadFacts(db: Db, origin: string, rows: SourceRow[]): Promise<Facts> {
  const ids = [...new Set(rows.map((r) => r.batchId))];
  const groups = rows.filter((r): r is ReceivingRow => r.kind === 'receiving');
  const recallBatches = [...new Set(rows.filter((r) => r.kind === 'recall').map((r) => r.batchId))];
  const commissioned = [...new Set(rows.filter((r) => r.kind === 'commissioning').map((r) => r.batchId))];
  const [batchRows, areaRows, issuedRows, itemRows] = await Promise.all([
    ids.length
      ? db
          .select({
            id: batches.id,
            lot: batches.lot,
            productionDate: batches.productionDate,
            bestBefore: batches.bestBefore,
            gtin: products.gtin,
            subjectId: products.subjectId,
          })
          .from(batches)
          .innerJoin(products, eq(products.id, batches.productId))
          .where(inArray(batches.id, ids))
      : [],
    commissioned.length
      ? db
          .select({
            batchId: batchAreas.batchId,
            name: rawMaterialAreas.name,
            officialCode: rawMaterialAreas.officialCode,
            provinceCode: rawMaterialAreas.provinceCode,
          })
          .from(batchAreas)
          .innerJoin(rawMaterialAreas, eq(rawMaterialAreas.id, batchAreas.areaId))
          .where(inArray(batchAreas.batchId, commissioned))
          .orderBy(asc(rawMaterialAreas.name), asc(rawMaterialAreas.id))
      : [],
    recallBatches.length
      ? db
          .select({
            batchId: stampRanges.batchId,
            n: sql<number>`sum(${stampRanges.lastSerial} - ${stampRanges.firstSerial} + 1)`.mapWith(Number),
          })
          .from(stampRanges)
          .where(inArray(stampRanges.batchId, recallBatches))
          .groupBy(stampRanges.batchId)
      : [],
    groups.length
      ? db
          .select({
            intakeId: intakeItems.intakeId,
            batchId: intakeItems.batchId,
            serial: intakeItems.serial,
            code: intakeItems.code,
          })
          .from(intakeItems)
          .where(
            and(
              isNotNull(intakeItems.serial),
              or(...groups.map((g) => and(eq(intakeItems.intakeId, g.intakeId), eq(intakeItems.batchId, g.batchId)))),
            ),
          )
          .orderBy(asc(intakeItems.intakeId), asc(intakeItems.position))
      : [],
  ]);
  const facts: Facts = {
    origin,
    batches: new Map(batchRows.map((b) => [b.id, b])),
    areas: new Map(),
    issued: new Map(),
    received: new Map(),
  };
  for (const { batchId, ...area } of areaRows) facts.areas.set(batchId, [...(facts.areas.get(batchId) ?? []), area]);
  for (const { batchId, n } of issuedRows) facts.issued.set(batchId, n);
  for (const { intakeId, batchId, serial, code } of itemRows) {
    const key = `${intakeId}/${batchId}`;
    facts.received.set(key, [...(facts.received.get(key) ?? []), { serial: serial!, code }]);
  }
  return facts;
}

/** A stamp range printed for the batch: its stamps enter the world, with the lot's master data. */
async function commissioning(f: Facts, b: Batch, r: CommissioningRow): Promise<EpcisEvent> {
  const producer = subjectUri(f.origin, b.subjectId);
  const areas = (f.areas.get(b.id) ?? []).map((a) => ({
    name: a.name,
    ...(a.officialCode ? { officialCode: a.officialCode } : {}),
    provinceCode: a.provinceCode,
  }));
  return {
    type: 'ObjectEvent',
    eventID: await eventUuid(eventKeys.commissioning(r.rangeId)),
    eventTime: new Date(r.at).toISOString(),
    eventTimeZoneOffset: VIETNAM_OFFSET,
    action: 'ADD',
    bizStep: 'commissioning',
    disposition: 'active',
    epcList: [],
    quantityList: [{ epcClass: lotClassUri(f.origin, b), quantity: r.lastSerial - r.firstSerial + 1 }],
    readPoint: { id: producer },
    bizLocation: { id: producer },
    'ocop:stampRange': { kid: r.kid, firstSerial: r.firstSerial, lastSerial: r.lastSerial },
    ilmd: {
      'cbvmda:lotNumber': b.lot,
      ...(b.bestBefore ? { 'cbvmda:bestBeforeDate': b.bestBefore } : {}),
      'ocop:productionDate': b.productionDate,
      'ocop:rawMaterialAreas': areas,
    },
  };
}

/** A retailer's intake: the batch's stamps it received, at its point of sale. */
async function receiving(f: Facts, b: Batch, r: ReceivingRow): Promise<EpcisEvent> {
  const place = retailerUri(f.origin, r.retailerId);
  const stamps = f.received.get(`${r.intakeId}/${r.batchId}`) ?? [];
  return {
    type: 'ObjectEvent',
    eventID: await eventUuid(eventKeys.receiving(r.intakeId, r.batchId)),
    eventTime: new Date(r.at).toISOString(),
    eventTimeZoneOffset: VIETNAM_OFFSET,
    action: 'OBSERVE',
    bizStep: 'receiving',
    disposition: 'in_progress',
    epcList: [...new Set(stamps.map((s) => stampUri(f.origin, b.gtin, s.serial, s.code)))],
    readPoint: { id: place },
    bizLocation: { id: place },
    'ocop:pointOfSale': r.pointOfSale,
    'ocop:provinceCode': r.provinceCode,
  };
}

/** A recall of the lot, or the correction of a mistaken one (disposition back to active). */
async function recall(f: Facts, b: Batch, r: RecallRow): Promise<EpcisEvent> {
  return {
    type: 'ObjectEvent',
    eventID: await eventUuid(eventKeys.recall(b.id, r.eventId)),
    eventTime: `${r.effectiveOn}T00:00:00${VIETNAM_OFFSET}`,
    eventTimeZoneOffset: VIETNAM_OFFSET,
    recordTime: r.recordedAt.toISOString(),
    action: 'OBSERVE',
    bizStep: 'holding',
    disposition: r.recalled ? 'recalled' : 'active',
    epcList: [],
    quantityList: [{ epcClass: lotClassUri(f.origin, b), quantity: f.issued.get(b.id) ?? 0 }],
    readPoint: { id: subjectUri(f.origin, b.subjectId) },
    'ocop:reason': r.reason,
    'ocop:basis': r.basis,
    ...(r.correctsEventId !== null
      ? { 'ocop:corrects': await eventUuid(eventKeys.recall(b.id, r.correctsEventId)) }
      : {}),
  };
}
