/**
 * GS1 Digital Link as this service answers it: primary key 01 (GTIN) with the qualifiers 10 (lot)
 * and 21 (serial), and the GS1 Web Vocabulary link types its resolver publishes.
 */

/** What a Digital Link path names. The GTIN is already the 14-digit form. */
export type DigitalLinkKeys = { gtin: string; lot?: string; serial?: string };

/**
 * The canonical path: GTIN-14, then the qualifiers in the order the GS1 grammar fixes (10 before
 * 21), each value percent-encoded so that a lot holding `/` or a space stays one path segment.
 */
export function digitalLinkPath(keys: DigitalLinkKeys): string {
  let path = `/01/${keys.gtin}`;
  if (keys.lot !== undefined) path += `/10/${gs1Encode(keys.lot)}`;
  if (keys.serial !== undefined) path += `/21/${gs1Encode(keys.serial)}`;
  return path;
}

/**
 * A value as GS1's Digital Link grammar writes it: every symbol but `-`, `.` and `_` percent-
 * encoded. `encodeURIComponent` leaves `!'()*` as they are, which the grammar refuses.
 */
export function gs1Encode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** GS1's own domain form of an identity, the one EPCIS events carry: a lot class, or one stamp (GTIN + serial, no lot). */
export const GS1_ID_ORIGIN = 'https://id.gs1.org';

/** The namespace of the link types (`gs1:pip` is `https://gs1.org/voc/pip` in a linkset). */
export const GS1_VOC = 'https://gs1.org/voc/';
/** GS1's JSON-LD context for linksets (Resolver standard 1.2, artefacts). */
export const GS1_LINKSET_CONTEXT = 'https://ref.gs1.org/standards/resolver/linkset-context';

/** The link types this resolver serves, in the order a linkset lists them. */
export const LINK_TYPES = ['pip', 'certificationInfo', 'traceability', 'verificationService'] as const;
export type LinkType = (typeof LINK_TYPES)[number];
/** The one a bare Digital Link answers with (a person's phone gets the product page). */
export const DEFAULT_LINK_TYPE: LinkType = 'pip';

export type LinkTypeRequest =
  | { kind: 'linkset' }
  | { kind: 'link'; type: LinkType }
  | { kind: 'unsupported'; asked: string };

/** The spellings of a GS1 link type a client may send: CURIE, or the vocabulary URI in any of GS1's published forms. */
const VOC_PREFIXES = ['gs1:', 'https://gs1.org/voc/', 'http://gs1.org/voc/', 'https://ref.gs1.org/voc/'];

/**
 * Reads `?linkType=`: `linkset` (and the older `all`) asks for every link; a GS1 link type asks to
 * be sent to that link. Anything else is `unsupported`, which a GS1 resolver answers with the
 * default link rather than an error.
 */
export function readLinkType(value: string): LinkTypeRequest {
  if (value === 'linkset' || value === 'all') return { kind: 'linkset' };
  const prefix = VOC_PREFIXES.find((p) => value.startsWith(p));
  const name = prefix ? value.slice(prefix.length) : '';
  return (LINK_TYPES as readonly string[]).includes(name)
    ? { kind: 'link', type: name as LinkType }
    : { kind: 'unsupported', asked: value };
}
