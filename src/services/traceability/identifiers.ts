import { toGtin14 } from '../../domain/gtin';
import { extractStampCode, formatStampCode, parseStampCode, type StampCode } from '../../domain/stamp-codec';

/**
 * The identifiers the EPCIS documents use, and how a query names them back. A product with a GTIN
 * gets GS1 Digital Link URIs on id.gs1.org (a lot is a class, a stamp an instance); one without
 * gets the service's own URLs. A query may name them under any Digital Link host, as GS1 Digital
 * Link allows, but a Digital Link never names a product without a GTIN, nor a stamp URL one with.
 */
export type BatchIds = { id: string; lot: string; gtin: string | null; subjectId: string };

const trimOrigin = (origin: string) => origin.replace(/\/+$/, '');

export function lotClassUri(origin: string, b: BatchIds): string {
  return b.gtin
    ? `https://id.gs1.org/01/${toGtin14(b.gtin)}/10/${encodeURIComponent(b.lot)}`
    : `${trimOrigin(origin)}/id/batch/${b.id}`;
}

export function stampUri(origin: string, gtin: string | null, serial: number, code: string): string {
  return gtin ? `https://id.gs1.org/01/${toGtin14(gtin)}/21/${serial}` : `${trimOrigin(origin)}/S/${code}`;
}

export const subjectUri = (origin: string, subjectId: string) => `${trimOrigin(origin)}/id/subject/${subjectId}`;
export const retailerUri = (origin: string, retailerId: string) =>
  `${trimOrigin(origin)}/id/retailer/${encodeURIComponent(retailerId)}`;

/** What an EPC in a query names: a stamp by GTIN and serial, or by its signed code. */
export type StampName = { gtin14: string; serial: number } | { code: StampCode };
/** What an EPC class in a query names: a lot by GTIN and lot number, or a batch by id. */
export type LotName = { gtin14: string; lot: string } | { batchId: string };

const GTIN = /^(\d{8}|\d{12}|\d{13}|\d{14})$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function parseUrl(uri: string): URL | null {
  try {
    const url = new URL(uri);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : null;
  } catch {
    return null;
  }
}

/** Serials are AI (21) strings: "0123" is not serial 123, so only the export's own spelling names one. */
function canonicalSerial(text: string): number | null {
  const n = Number(text);
  return /^\d+$/.test(text) && Number.isSafeInteger(n) && String(n) === text ? n : null;
}

function sameOrigin(url: URL, origin: string): boolean {
  const own = parseUrl(origin);
  return own !== null && url.origin === own.origin;
}

export function parseStampName(uri: string, origin: string): StampName | null {
  const url = parseUrl(uri);
  if (!url || url.search || url.hash) return null;
  const link = /^\/01\/(\d+)\/21\/([^/]+)$/.exec(url.pathname);
  if (link) {
    const serial = canonicalSerial(decodeURIComponent(link[2]!));
    return GTIN.test(link[1]!) && serial !== null ? { gtin14: toGtin14(link[1]!), serial } : null;
  }
  // Scheme and host are case-insensitive (URL lowercases them); the server reads the path so too.
  if (!sameOrigin(url, origin) || !/^\/S\/[^/]+$/i.test(url.pathname)) return null;
  const text = extractStampCode(url.pathname);
  const code = text ? parseStampCode(text) : null;
  return code && formatStampCode(code) === text ? { code } : null;
}

export function parseLotName(uri: string, origin: string): LotName | null {
  const url = parseUrl(uri);
  if (!url || url.search || url.hash) return null;
  const link = /^\/01\/(\d+)\/10\/([^/]+)$/.exec(url.pathname);
  if (link) {
    let lot: string;
    try {
      lot = decodeURIComponent(link[2]!);
    } catch {
      return null;
    }
    return GTIN.test(link[1]!) ? { gtin14: toGtin14(link[1]!), lot } : null;
  }
  const own = /^\/id\/batch\/([^/]+)$/.exec(url.pathname);
  return own && sameOrigin(url, origin) && UUID.test(own[1]!) ? { batchId: own[1]! } : null;
}
