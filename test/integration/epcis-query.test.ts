import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VerdictStatus } from '../../src/domain/verdict';
import type { Verdict } from '../../src/services/verification/verdict-types';
import { type EpcisEvent, epcisChecker, eventsOf, getEpcis } from '../support/epcis-checks';
import { DATABASE_KINDS, json, openHarness, TEST_NOW, TEST_ORIGIN, type Harness } from '../support/harness';

const STATUSES: VerdictStatus[] = ['valid', 'expired', 'suspended', 'revoked', 'recalled'];
const GTIN14 = '08936048123451'; // the demo "valid" product, Tinh dầu hồi Văn Quan, lot HVQ2610

describe.each(DATABASE_KINDS)('EPCIS event query on %s', (kind) => {
  let h: Harness;
  let admin: string;
  let checker: Awaited<ReturnType<typeof epcisChecker>>;
  let valid: Verdict;
  let exported: Map<string, EpcisEvent>;
  const stamp = (serial: number) => `https://id.gs1.org/01/${GTIN14}/21/${serial}`;

  /** A query as `token`; every 200 is held to GS1's JSON Schema, lossless expansion and SHACL. */
  const query = async (params: Record<string, string>, token = admin) => {
    const { res, text, doc } = await getEpcis(h, `/api/v1/epcis/events?${new URLSearchParams(params)}`, token);
    if (res.status !== 200) return { res, text, events: [] as EpcisEvent[], ids: [] as string[] };
    expect(doc.type).toBe('EPCISQueryDocument');
    await checker.check(doc);
    const events = eventsOf(doc);
    return { res, text, events, ids: events.map((e) => e.eventID) };
  };
  const exportIds = (batchId: string) =>
    [...exported.values()].filter((e) => e.batchId === batchId).map((e) => e.eventID);

  beforeAll(async () => {
    h = await openHarness(kind);
    admin = await h.token('admin');
    checker = await epcisChecker(h);
    valid = (await (await h.request(`/api/v1/verify/${h.codes.valid}`)).json()) as Verdict;
    const signer = await h.keys.activeSigner(h.db);
    const retailer = await h.token('retailer', { provinceCode: '20' });
    const intake = async (sessionId: string, codes: string[]) =>
      expect(
        (
          await h.request(
            '/api/v1/intakes',
            json({ sessionId, pointOfSale: 'Kho Lạng Sơn', items: codes.map((code) => ({ code })) }, retailer),
          )
        ).status,
      ).toBe(201);
    await intake('query-intake-1', [h.codes.valid, await signer.signStamp(valid.serial! + 1), h.codes.expired]);
    h.setNow(new Date(TEST_NOW.getTime() + 3_600_000));
    await intake('query-intake-2', [h.codes.valid, await signer.signStamp(valid.serial! + 2)]);
    h.setNow(TEST_NOW);
    exported = new Map();
    for (const status of STATUSES) {
      const batchId = await h.demoBatchId(status);
      const { doc } = await getEpcis(h, `/api/v1/batches/${batchId}/epcis`, admin);
      for (const e of eventsOf(doc)) exported.set(e.eventID, { ...e, batchId });
    }
  });
  afterAll(async () => {
    await h?.close();
  });

  it('answers a stamp’s events: the range that commissioned it and the intakes that received it, as the export has them', async () => {
    const { res, events } = await query({ MATCH_anyEPC: stamp(valid.serial!) });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/ld+json');
    expect(res.headers.get('gs1-epcis-version')).toBe('2.0.0');
    expect(res.headers.get('link')).toBeNull();
    expect(events.map((e) => e.bizStep)).toEqual(['commissioning', 'receiving', 'receiving']);
    for (const e of events) expect({ ...e, batchId: valid.batchId }).toEqual(exported.get(e.eventID));
    expect(
      events
        .filter((e) => e.bizStep === 'receiving')
        .every((e) => (e.epcList as string[]).includes(stamp(valid.serial!))),
    ).toBe(true);

    expect((await query({ MATCH_anyEPC: stamp(valid.serial! + 2) })).events.map((e) => e.bizStep)).toEqual([
      'commissioning',
      'receiving',
    ]);
    expect((await query({ MATCH_anyEPC: stamp(valid.serial! + 9) })).events.map((e) => e.bizStep)).toEqual([
      'commissioning',
    ]);
    expect((await query({ MATCH_anyEPC: `${stamp(valid.serial!)}|${stamp(valid.serial! + 9)}` })).events).toHaveLength(
      3,
    );
    // Only the export's spelling names a stamp: not "0" + serial, not a URL for a product that has a GTIN, not a serial never issued.
    expect((await query({ MATCH_anyEPC: `https://id.gs1.org/01/${GTIN14}/21/0${valid.serial}` })).events).toEqual([]);
    expect((await query({ MATCH_anyEPC: `${TEST_ORIGIN}/S/${h.codes.valid}` })).events).toEqual([]);
    expect((await query({ MATCH_anyEPC: stamp(999_999) })).events).toEqual([]);
  });

  it('names a stamp of a product without a GTIN by its URL, in any case, and only with a signature that holds', async () => {
    const expired = await h.demoBatchId('expired');
    const { events } = await query({ MATCH_anyEPC: `${TEST_ORIGIN}/S/${h.codes.expired}` });
    expect(events.map((e) => e.bizStep)).toEqual(['commissioning', 'receiving']);
    expect(events.map((e) => e.eventID)).toEqual(exportIds(expired));
    expect((await query({ MATCH_anyEPC: `${TEST_ORIGIN}/S/${h.codes.expired}`.toUpperCase() })).ids).toEqual(
      exportIds(expired),
    );
    const [kid, serial] = h.codes.expired.split('-');
    const otherSignature = h.codes.valid.split('-')[2];
    expect((await query({ MATCH_anyEPC: `${TEST_ORIGIN}/S/${kid}-${serial}-${otherSignature}` })).events).toEqual([]);
  });

  it('answers a lot’s events (MATCH_epcClass): its commissioning and its recalls; filters by type and time', async () => {
    const lot = `https://id.gs1.org/01/${GTIN14}/10/HVQ2610`;
    expect((await query({ MATCH_epcClass: lot })).events.map((e) => e.bizStep)).toEqual(['commissioning']);
    const recalledBatch = await h.demoBatchId('recalled');
    const recalledLot = `${TEST_ORIGIN}/id/batch/${recalledBatch}`;
    const recalled = await query({ MATCH_epcClass: recalledLot });
    expect(recalled.events.map((e) => [e.bizStep, e.disposition])).toEqual([
      ['commissioning', 'active'],
      ['holding', 'recalled'],
    ]);
    expect((await query({ MATCH_epcClass: `https://id.gs1.org/01/${GTIN14}/10/OTHER` })).events).toEqual([]);

    expect(
      (await query({ MATCH_epcClass: lot, MATCH_anyEPC: stamp(valid.serial!) })).events.map((e) => e.bizStep),
    ).toEqual(['commissioning']);
    expect((await query({ MATCH_epcClass: recalledLot, eventType: 'ObjectEvent' })).ids).toEqual(recalled.ids);
    expect(
      (await query({ MATCH_epcClass: recalledLot, eventType: 'AggregationEvent|TransformationEvent' })).events,
    ).toEqual([]);
    const window = { GE_eventTime: '2026-11-05T00:00:00+07:00', LT_eventTime: '2026-11-06T00:00:00+07:00' };
    expect((await query({ MATCH_epcClass: recalledLot, ...window })).events.map((e) => e.disposition)).toEqual([
      'recalled',
    ]);
    expect(
      (await query({ MATCH_epcClass: recalledLot, LT_eventTime: '2026-11-05T00:00:00+07:00' })).events.map(
        (e) => e.bizStep,
      ),
    ).toEqual(['commissioning']);
  });

  it('pages through every event in order with Link rel="next", no event twice, none left out', async () => {
    const seen: EpcisEvent[] = [];
    let path: string | null = '/api/v1/epcis/events?perPage=2';
    let pages = 0;
    while (path) {
      const { res, text, doc } = await getEpcis(h, path, admin);
      expect(res.status, text).toBe(200);
      await checker.check(doc);
      const events = eventsOf(doc);
      expect(events.length).toBeLessThanOrEqual(2);
      seen.push(...events);
      pages += 1;
      const link = res.headers.get('link');
      const next = link && /^<([^>]+)>; rel="next"$/.exec(link);
      path = next ? next[1]!.replace(TEST_ORIGIN, '') : null;
      if (next) expect(next[1]).toMatch(new RegExp(`^${TEST_ORIGIN}/api/v1/epcis/events\\?perPage=2&nextPageToken=`));
    }
    expect(pages).toBe(Math.ceil(exported.size / 2));
    expect(seen.map((e) => e.eventID).sort()).toEqual([...exported.keys()].sort());
    const times = seen.map((e) => Date.parse(e.eventTime));
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('shows only the caller’s reach: another province’s events are not there, and callers without trace.export are refused', async () => {
    const quangNinh = await h.token('inspector', { provinceCode: '22' });
    expect((await query({}, quangNinh)).ids).toEqual(exportIds(await h.demoBatchId('suspended')));
    expect((await query({ MATCH_anyEPC: stamp(valid.serial!) }, quangNinh)).res.status).toBe(200);
    expect((await query({ MATCH_anyEPC: stamp(valid.serial!) }, quangNinh)).events).toEqual([]);
    const producer = await h.token('producer', { subjectId: valid.subjectId! });
    expect((await query({}, producer)).ids.sort()).toEqual(exportIds(valid.batchId!).sort());
    expect((await query({}, await h.token('retailer', { provinceCode: '20' }))).res.status).toBe(403);
    expect((await h.request('/api/v1/epcis/events')).status).toBe(401);
  });

  it('refuses parameters it does not support and malformed ones, in Vietnamese', async () => {
    for (const params of [
      { EQ_bizStep: 'receiving' },
      { nextPageToken: 'not-a-token' },
      { perPage: '0' },
      { perPage: '501' },
      { GE_eventTime: 'hôm qua' },
      { MATCH_anyEPC: '' },
    ] as Record<string, string>[]) {
      const { res, text } = await query(params);
      expect(res.status, JSON.stringify(params)).toBe(400);
      expect(JSON.parse(text).error.code).toBe('invalid_input');
    }
  });
});
