import digitalLinkJs from 'digital-link.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { digitalLinkPath, readLinkType } from '../../src/domain/digital-link';
import { isValidGtin, normaliseGtin } from '../../src/domain/gtin';
import { checkedAgainstPath, stampMatchesPath } from '../../src/routes/resolver/stamped';
import type { Verdict } from '../../src/services/verification/verdict-types';

const { DigitalLink } = digitalLinkJs;

/**
 * GS1's character set 82, which lots (AI 10) and serials (AI 21) are written in, less `"`: the
 * grammar digital-link.js checks against (1.0 to 1.4) writes it as a bare `"`, which no URI may
 * hold, where the standard's text asks for `%22`. The registry's lots never hold one.
 */
const CSET82 = "!%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";
const cset82 = (max: number) => fc.string({ unit: fc.constantFrom(...CSET82), minLength: 1, maxLength: max });
/** A GTIN-8, -12, -13 or -14 with its check digit computed. */
const gtin = fc
  .constantFrom(7, 11, 12, 13)
  .chain((n) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n }))
  .map((body) => {
    const sum = [...body].reverse().reduce((acc, d, i) => acc + Number(d) * (i % 2 === 0 ? 3 : 1), 0);
    return `${body}${(10 - (sum % 10)) % 10}`;
  });

describe('GTINs as a resolver reads them', () => {
  it.each([
    ['96385074', '00000096385074'],
    ['036000291452', '00036000291452'],
    ['8936048123451', '08936048123451'],
    ['08936048123451', '08936048123451'],
    ['8936048123452', null],
    ['893604812345', null],
    ['12345', null],
    ['893604812345x', null],
    ['', null],
  ])('%s → %s', (input, expected) => {
    expect(normaliseGtin(input)).toBe(expected);
  });

  it('keeps the check digit valid when it pads any valid GTIN to 14 digits', () => {
    fc.assert(
      fc.property(gtin, (g) => isValidGtin(g) && normaliseGtin(g)!.length === 14 && isValidGtin(normaliseGtin(g)!)),
    );
  });
});

describe('Digital Link paths', () => {
  it('writes lot before serial, percent-encoded, in the form GS1’s digital-link.js validates and reads back', () => {
    expect(digitalLinkPath({ gtin: '08936048123451', lot: "L/26 (1)!*'", serial: '7' })).toBe(
      '/01/08936048123451/10/L%2F26%20%281%29%21%2A%27/21/7',
    );
    fc.assert(
      fc.property(
        gtin,
        fc.option(cset82(20), { nil: undefined }),
        fc.option(cset82(20), { nil: undefined }),
        (g, lot, serial) => {
          const uri = `https://ocop.example.vn${digitalLinkPath({ gtin: normaliseGtin(g)!, lot, serial })}`;
          const link = DigitalLink(uri);
          expect(link.isValid(), uri).toBe(true);
          expect(link.getIdentifier()['01']).toBe(normaliseGtin(g));
          const qualifiers = link.getKeyQualifiers();
          expect(qualifiers['10'] === undefined ? undefined : decodeURIComponent(qualifiers['10'])).toBe(lot);
          expect(qualifiers['21'] === undefined ? undefined : decodeURIComponent(qualifiers['21'])).toBe(serial);
        },
      ),
      { numRuns: 300 },
    );
  });

  it.each([
    ['linkset', { kind: 'linkset' }],
    ['all', { kind: 'linkset' }],
    ['gs1:pip', { kind: 'link', type: 'pip' }],
    ['https://gs1.org/voc/certificationInfo', { kind: 'link', type: 'certificationInfo' }],
    ['http://gs1.org/voc/traceability', { kind: 'link', type: 'traceability' }],
    ['https://ref.gs1.org/voc/verificationService', { kind: 'link', type: 'verificationService' }],
    ['gs1:recipeInfo', { kind: 'unsupported', asked: 'gs1:recipeInfo' }],
    ['pip', { kind: 'unsupported', asked: 'pip' }],
    ['gs1:', { kind: 'unsupported', asked: 'gs1:' }],
  ])('reads linkType=%s', (value, expected) => {
    expect(readLinkType(value)).toEqual(expected);
  });
});

describe('a stamp carried under a Digital Link', () => {
  const verdict = (over: Partial<Verdict> = {}): Verdict => ({
    status: 'valid',
    code: 'K1-X',
    serial: 1000001,
    kid: 'K1',
    live: true,
    checkedAt: '2026-11-23T03:00:00.000Z',
    product: { name: 'Tinh dầu hồi', stars: 4, gtin: '8936048123451', group: null },
    batch: { lot: 'HVQ2610', productionDate: '2026-10-02', bestBefore: null, recall: null, areas: [] },
    ...over,
  });

  it.each([
    [{ gtin: '08936048123451', lot: 'HVQ2610', serial: '1000001' }, true],
    [{ gtin: '8936048123451', lot: 'HVQ2610', serial: '1000001' }, true],
    [{ gtin: '08936048123451', serial: '1000001' }, true],
    [{ gtin: '08936048123451' }, true],
    [{ gtin: '08936048123451', lot: 'OTHER', serial: '1000001' }, false],
    [{ gtin: '08936048123451', lot: 'HVQ2610', serial: '1000002' }, false],
    [{ gtin: '08936048123451', serial: '01000001' }, false],
    [{ gtin: '08936048123468', lot: 'HVQ2610' }, false],
    [{ gtin: '08936048123452' }, false],
  ])('%o matches: %s', (keys, expected) => {
    expect(stampMatchesPath(verdict(), keys)).toBe(expected);
    expect(checkedAgainstPath(verdict(), keys).status).toBe(expected ? 'valid' : 'forged');
  });

  it('checks only the serial when the database is down, and never upgrades a forged or unknown stamp', () => {
    const offline = verdict({ live: false, product: undefined, batch: undefined });
    expect(checkedAgainstPath(offline, { gtin: '08936048123451', lot: 'ANY', serial: '1000001' }).status).toBe('valid');
    expect(checkedAgainstPath(offline, { gtin: '08936048123451', serial: '9' }).status).toBe('forged');
    expect(checkedAgainstPath(offline, { gtin: '123' }).status).toBe('forged');
    expect(checkedAgainstPath(verdict({ status: 'unknown' }), { gtin: '08936048123468' }).status).toBe('unknown');
    const mismatched = checkedAgainstPath(verdict({ status: 'revoked' }), { gtin: '08936048123468' });
    expect(mismatched.status).toBe('forged');
    expect(mismatched.product).toBeUndefined(); // a forged answer names no product
  });
});
