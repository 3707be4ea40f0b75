import { OCOP_VOCABULARY } from './vocabulary';

const encoder = new TextEncoder();

/**
 * An event's `urn:uuid:` id: a name-based UUID version 8 (RFC 9562, B.2) over SHA-256 of the
 * event's stable key under the vocabulary's name. The same event gets the same id at every export
 * and every query, so a consumer can merge repeated exports; GS1's SHACL shapes accept only
 * `urn:uuid:` or `ni:///` event ids.
 */
export async function eventUuid(key: string): Promise<string> {
  const digest = new Uint8Array(
    await crypto.subtle.digest('SHA-256', encoder.encode(`${OCOP_VOCABULARY}event/${key}`)),
  );
  const bytes = digest.slice(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x80; // version 8
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // RFC 9562 variant
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The stable keys: the records an event is made of, never its position in an answer. */
export const eventKeys = {
  commissioning: (rangeId: string) => `stamp-range/${rangeId}`,
  // One intake can hold stamps of several batches: one receiving event per intake and batch.
  receiving: (intakeId: string, batchId: string) => `intake/${intakeId}/batch/${batchId}`,
  // Batch event ids are a per-database sequence; the batch makes them unique everywhere.
  recall: (batchId: string, batchEventId: number) => `batch/${batchId}/event/${batchEventId}`,
};
