/** GS1's EPCIS 2.0 JSON-LD context, as the standard names it. */
export const EPCIS_CONTEXT = 'https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld';

/**
 * The `ocop:` vocabulary, version 1. It is a name, not a location: it never depends on
 * PUBLIC_ORIGIN, so a triple exported by a test instance, a province's instance or the national
 * one says the same thing. A change of meaning gets a new version (`.../v2#`), never an edit here.
 */
export const OCOP_VOCABULARY = 'https://ocop.gov.vn/ns/trace/v1#';

/** Where every instance serves the JSON-LD context of that vocabulary. */
export const OCOP_CONTEXT_PATH = '/ns/ocop/v1.jsonld';

const integer = (id: string) => ({ '@id': id, '@type': 'xsd:integer' });

/**
 * Every extension property of the exports, nested ones included. Nested objects get a
 * property-scoped context: their plain keys (`kid`, `name`...) become `ocop:` terms, so JSON-LD
 * expansion keeps them instead of dropping them, and RDF consumers keep the serial range, the only
 * link from a commissioning event to its stamps.
 */
export const OCOP_CONTEXT = {
  '@context': {
    '@version': 1.1,
    '@protected': true,
    ocop: OCOP_VOCABULARY,
    xsd: 'http://www.w3.org/2001/XMLSchema#',
    'ocop:stampRange': {
      '@id': 'ocop:stampRange',
      '@context': { kid: 'ocop:kid', firstSerial: integer('ocop:firstSerial'), lastSerial: integer('ocop:lastSerial') },
    },
    'ocop:rawMaterialAreas': {
      '@id': 'ocop:rawMaterialAreas',
      '@container': '@set',
      '@context': { name: 'ocop:name', officialCode: 'ocop:officialCode', provinceCode: 'ocop:provinceCode' },
    },
    'ocop:productionDate': { '@id': 'ocop:productionDate', '@type': 'xsd:date' },
    'ocop:pointOfSale': { '@id': 'ocop:pointOfSale' },
    'ocop:provinceCode': { '@id': 'ocop:provinceCode' },
    'ocop:reason': { '@id': 'ocop:reason' },
    'ocop:basis': { '@id': 'ocop:basis' },
    'ocop:corrects': { '@id': 'ocop:corrects', '@type': '@id' },
  },
} as const;

/** A document's `@context`: GS1's first (it is protected), then the vocabulary's, served by this instance. */
export function epcisContext(publicOrigin: string): string[] {
  return [EPCIS_CONTEXT, `${publicOrigin.replace(/\/+$/, '')}${OCOP_CONTEXT_PATH}`];
}
