import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VerdictStatus } from '../../src/domain/verdict';
import { correctRecall } from '../../src/services/lifecycle/correct-events';
import { batchEvents } from '../../src/db/schema';
import { EPCIS_CONTEXT } from '../../src/services/traceability/vocabulary';
import {
  type EpcisDoc,
  type EpcisEvent,
  epcisChecker,
  eventsOf,
  expandedEvents,
  getEpcis,
  OCOP,
  OCOP_CONTEXT_URL,
} from '../support/epcis-checks';
import { DATABASE_KINDS, json, openHarness, TEST_NOW, TEST_ORIGIN, type Harness } from '../support/harness';

const STATUSES: VerdictStatus[] = ['valid', 'expired', 'suspended', 'revoked', 'recalled'];
const UUID_V8 = /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const XSD_INTEGER = 'http://www.w3.org/2001/XMLSchema#integer';

describe.each(DATABASE_KINDS)('EPCIS exports as linked data on %s', (kind) => {
  let h: Harness;
  let admin: string;
  let checker: Awaited<ReturnType<typeof epcisChecker>>;
  const exportOf = async (status: VerdictStatus) => {
    const { res, text, doc } = await getEpcis(h, `/api/v1/batches/${await h.demoBatchId(status)}/epcis`, admin);
    expect(res.status, text).toBe(200);
    return doc;
  };

  beforeAll(async () => {
    h = await openHarness(kind);
    admin = await h.token('admin');
    checker = await epcisChecker(h);
    const retailer = await h.token('retailer', { provinceCode: '20' });
    const items = [{ code: h.codes.valid }, { code: h.codes.expired }];
    expect(
      (
        await h.request(
          '/api/v1/intakes',
          json({ sessionId: 'linked-data-1', pointOfSale: 'Quầy đặc sản', items }, retailer),
        )
      ).status,
    ).toBe(201);
    // A mistaken recall corrected: the correction links back to the recall it undoes.
    const recalled = await h.demoBatchId('recalled');
    const [recall] = await h.db.select({ id: batchEvents.id }).from(batchEvents);
    await correctRecall({
      ctx: h.ctx({ kind: 'system', id: 'inspector-31', role: 'inspector', provinceCode: '31', subjectId: null }),
      input: {
        batchId: recalled,
        eventId: recall!.id,
        effectiveOn: '2026-11-20',
        reason: 'Mẫu lấy nhầm lô',
        basis: '80/QĐ-CCATTP',
        decidedBy: 'Chi cục ATVSTP',
      },
    });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('serves the ocop: context from every instance, naming a vocabulary that is the same on all of them', async () => {
    const res = await h.request('/ns/ocop/v1.jsonld');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/ld+json');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const text = await res.text();
    expect(JSON.parse(text)['@context'].ocop).toBe(OCOP);
    expect(text).not.toContain(TEST_ORIGIN);
    const doc = await exportOf('valid');
    expect(doc['@context']).toEqual([EPCIS_CONTEXT, OCOP_CONTEXT_URL]);
    expect(JSON.stringify(doc)).not.toContain('/ns/ocop#'); // the old namespace, built from PUBLIC_ORIGIN
  });

  it('every export passes GS1’s JSON Schema, expands in safe mode with nothing dropped, and meets GS1’s SHACL shapes', async () => {
    for (const status of STATUSES) {
      const doc = await exportOf(status);
      expect(eventsOf(doc).length).toBeGreaterThan(0);
      await checker.check(doc);
    }
    const recalled = eventsOf(await exportOf('recalled'));
    const [recall, correction] = recalled.filter((e) => e.bizStep === 'holding');
    expect([recall!.disposition, correction!.disposition]).toEqual(['recalled', 'active']);
    expect(correction!['ocop:corrects']).toBe(recall!.eventID);
  });

  it('keeps the nested extension properties through expansion: the serial range and the raw-material areas', async () => {
    const doc = await exportOf('valid');
    const commissioning = eventsOf(doc).find((e) => e.bizStep === 'commissioning')!;
    const range = commissioning['ocop:stampRange'] as { kid: string; firstSerial: number; lastSerial: number };
    const event = expandedEvents(await checker.check(doc)).get(commissioning.eventID)!;
    const [expandedRange] = event[`${OCOP}stampRange`] as Record<string, { '@value': unknown; '@type'?: string }[]>[];
    expect(expandedRange![`${OCOP}kid`]).toEqual([{ '@value': range.kid }]);
    expect(expandedRange![`${OCOP}firstSerial`]).toEqual([{ '@value': range.firstSerial, '@type': XSD_INTEGER }]);
    expect(expandedRange![`${OCOP}lastSerial`]).toEqual([{ '@value': range.lastSerial, '@type': XSD_INTEGER }]);
    const [ilmd] = event['https://ref.gs1.org/epcis/ilmd'] as Record<
      string,
      Record<string, { '@value': unknown }[]>[]
    >[];
    expect(ilmd![`${OCOP}rawMaterialAreas`]).toEqual([
      {
        [`${OCOP}name`]: [{ '@value': 'Vùng hồi Văn Quan' }],
        [`${OCOP}officialCode`]: [{ '@value': 'VN-LSOR-0031' }],
        [`${OCOP}provinceCode`]: [{ '@value': '20' }],
      },
    ]);
  });

  it('derives event ids from the records: urn:uuid, unique, and the same at every export', async () => {
    const first = await Promise.all(STATUSES.map(exportOf));
    h.setNow(new Date(TEST_NOW.getTime() + 86_400_000));
    const again = await Promise.all(STATUSES.map(exportOf));
    h.setNow(TEST_NOW);
    const ids = (docs: EpcisDoc[]) => docs.flatMap((d) => eventsOf(d).map((e) => e.eventID));
    expect(ids(first).every((id) => UUID_V8.test(id))).toBe(true);
    expect(new Set(ids(first)).size).toBe(ids(first).length);
    expect(ids(again)).toEqual(ids(first));
    expect(again[0]!.creationDate).not.toBe(first[0]!.creationDate);
  });

  it('the tools do reject what the issue found: unmapped nested keys, deployment-built ids, an unknown context', async () => {
    const doc = await exportOf('valid');
    const events = eventsOf(doc);
    const commissioning = events.find((e) => e.bizStep === 'commissioning')!;
    const withColour = {
      ...doc,
      epcisBody: {
        eventList: [
          { ...commissioning, 'ocop:stampRange': { ...(commissioning['ocop:stampRange'] as object), colour: 'đỏ' } },
        ],
      },
    };
    await expect(checker.tools.expand(withColour)).rejects.toThrow();
    const gs1Only = { ...doc, '@context': [EPCIS_CONTEXT, { ocop: OCOP }] };
    await expect(checker.tools.expand(gs1Only)).rejects.toThrow();
    const oldIds = {
      ...doc,
      epcisBody: { eventList: events.map((e: EpcisEvent, i) => ({ ...e, eventID: `${TEST_ORIGIN}/id/event/${i}` })) },
    };
    expect((await checker.tools.shaclViolations(oldIds)).length).toBe(events.length);
    await expect(
      checker.tools.expand({ ...doc, '@context': [EPCIS_CONTEXT, 'https://elsewhere.example/ctx.jsonld'] }),
    ).rejects.toThrow(/elsewhere\.example/);
  });
});
