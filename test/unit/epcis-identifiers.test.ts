import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eventKeys, eventUuid } from '../../src/services/traceability/event-id';
import { lotClassUri, parseLotName, parseStampName, stampUri } from '../../src/services/traceability/identifiers';

const ORIGIN = 'https://ocop.example.vn';
const CODE = `K1-1000000-${'A'.repeat(103)}`; // a well-formed code: 64 signature bytes in base32 (103 characters)
const gtin = fc.stringMatching(/^\d{13}$/);
const serial = fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER });

describe('EPCIS identifiers', () => {
  it('derives one urn:uuid (version 8, RFC 9562 variant) per event key, the same every time', async () => {
    const id = await eventUuid(eventKeys.commissioning('0b8c2f5e-8a41-4c3e-9d1e-3f3c2a1b0c9d'));
    expect(id).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(await eventUuid(eventKeys.commissioning('0b8c2f5e-8a41-4c3e-9d1e-3f3c2a1b0c9d'))).toBe(id);
    const keys = [
      eventKeys.receiving('a', 'b'),
      eventKeys.receiving('a', 'c'),
      eventKeys.recall('b', 1),
      eventKeys.recall('c', 1),
    ];
    expect(new Set(await Promise.all(keys.map(eventUuid))).size).toBe(keys.length);
  });

  it('reads back every stamp and lot the exports name, under any Digital Link host', () => {
    fc.assert(
      fc.property(gtin, serial, (g, s) => {
        const uri = stampUri(ORIGIN, g, s, CODE);
        expect(parseStampName(uri, ORIGIN)).toEqual({ gtin14: `0${g}`, serial: s });
        expect(parseStampName(uri.replace('https://id.gs1.org', 'https://resolver.example'), ORIGIN)).toEqual({
          gtin14: `0${g}`,
          serial: s,
        });
      }),
    );
    fc.assert(
      fc.property(gtin, fc.string({ minLength: 1, maxLength: 20 }), (g, lot) => {
        expect(parseLotName(lotClassUri(ORIGIN, { id: 'x', lot, gtin: g, subjectId: 'y' }), ORIGIN)).toEqual({
          gtin14: `0${g}`,
          lot,
        });
      }),
    );
    const batchId = '0b8c2f5e-8a41-4c3e-9d1e-3f3c2a1b0c9d';
    expect(parseLotName(lotClassUri(ORIGIN, { id: batchId, lot: 'L', gtin: null, subjectId: 'y' }), ORIGIN)).toEqual({
      batchId,
    });
    expect(parseStampName(stampUri(ORIGIN, null, 1_000_000, CODE), ORIGIN)).toMatchObject({
      code: { kid: 'K1', serial: 1_000_000 },
    });
    expect(parseStampName(`${ORIGIN}/S/${CODE}`.toUpperCase(), ORIGIN)).toMatchObject({ code: { serial: 1_000_000 } });
  });

  it('names nothing with another spelling, another origin, or extra parts', () => {
    for (const uri of [
      'https://id.gs1.org/01/08936048123451/21/01000000', // AI (21) is text: "0" + serial is another serial
      'https://id.gs1.org/01/08936048123451/21/1000000?x=1',
      'https://id.gs1.org/01/893604812345/21/1e6',
      'https://id.gs1.org/01/12345/21/1000000',
      `https://elsewhere.example/S/${CODE}`,
      `${ORIGIN}/S/${CODE}/extra`,
      `${ORIGIN}/S/K1-1000000-TOOSHORT`,
      'urn:epc:id:sgtin:0614141.107346.2018',
      'not a uri',
    ])
      expect(parseStampName(uri, ORIGIN), uri).toBeNull();
    for (const uri of [
      `${ORIGIN}/id/batch/not-a-uuid`,
      'https://elsewhere.example/id/batch/0b8c2f5e-8a41-4c3e-9d1e-3f3c2a1b0c9d',
      'https://id.gs1.org/01/08936048123451/10/%E0%A4%A',
      'https://id.gs1.org/01/08936048123451',
    ]) {
      expect(parseLotName(uri, ORIGIN), uri).toBeNull();
    }
  });
});
