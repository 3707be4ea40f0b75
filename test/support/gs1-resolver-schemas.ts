/**
 * JSON Schemas (draft-07, for ajv) of what a GS1-conformant resolver publishes, written here from
 * the standards' text because this machine cannot fetch GS1's own files:
 * - the resolver description file: GS1-Conformant Resolver 1.2.0's published schema
 *   (ref.gs1.org/standards/resolver/1.2.0/description-file-schema): `resolverRoot` and
 *   `supportedPrimaryKeys` required, keys as numeric AIs from a closed list, CURIE prefixes ending
 *   in a colon;
 * - the linkset: RFC 9264 §4.2 (JSON linkset: `linkset` is an array of link context objects with
 *   an `anchor`; each relation is an array of target objects, every one with an `href`; `hreflang`
 *   an array) and GS1's rule that relation types are GS1 vocabulary URIs, each link with a title.
 */
export const GS1_PRIMARY_KEY_AIS = [
  'all',
  '01',
  '8006',
  '8013',
  '8010',
  '410',
  '411',
  '412',
  '413',
  '414',
  '415',
  '417',
  '8017',
  '8018',
  '255',
  '00',
  '253',
  '401',
  '402',
  '8003',
  '8004',
];

export const descriptionFileSchema = {
  type: 'object',
  required: ['resolverRoot', 'supportedPrimaryKeys'],
  properties: {
    resolverRoot: { type: 'string', format: 'uri' },
    supportedPrimaryKeys: { type: 'array', items: { type: 'string', enum: GS1_PRIMARY_KEY_AIS } },
    name: { type: 'string' },
    supportedLinkType: {
      type: 'array',
      items: {
        properties: {
          namespace: { type: 'string', format: 'uri' },
          prefix: { type: 'string', pattern: '^[a-zA-Z_][A-Za-z0-9_-]*?:$' },
        },
      },
    },
    linkTypeDefaultCanBeLinkset: { type: 'boolean' },
    supportedContextValuesEnumerated: { type: 'array', items: { type: 'string' } },
    supportedContextValuesExternal: {
      type: 'array',
      items: { type: 'object', properties: { nameOfList: { type: 'string' }, url: { type: 'string' } } },
    },
    jsonLdContextLocation: { type: 'string', format: 'uri' },
  },
} as const;

const target = {
  type: 'object',
  required: ['href', 'title'],
  properties: {
    href: { type: 'string', format: 'uri-reference' },
    title: { type: 'string', minLength: 1 },
    type: { type: 'string' },
    hreflang: { type: 'array', items: { type: 'string' } },
  },
};

export const linksetSchema = {
  type: 'object',
  required: ['linkset'],
  additionalProperties: false,
  properties: {
    linkset: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['anchor'],
        properties: {
          anchor: { type: 'string', pattern: '^https?://[a-zA-Z0-9./]+' },
          description: { type: 'string' },
          itemDescription: { type: 'string' },
        },
        patternProperties: { '^https?://': { type: 'array', minItems: 1, items: target } },
        additionalProperties: false,
      },
    },
  },
} as const;
