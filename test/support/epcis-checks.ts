import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { expect } from 'vitest';
import { OCOP_CONTEXT_PATH } from '../../src/services/traceability/vocabulary';
import { epcisJsonSchema } from './epcis-schema';
import { compactValues, expandedValues, linkedDataTools } from './epcis-linked-data';
import { TEST_ORIGIN, type Harness } from './harness';

export type EpcisEvent = Record<string, unknown> & { eventID: string; eventTime: string; bizStep: string };
export type EpcisDoc = { '@context': string[]; type: string; creationDate: string; epcisBody: Record<string, unknown> };
export type Expanded = Record<string, unknown>[];

export const OCOP = 'https://ocop.gov.vn/ns/trace/v1#';
export const OCOP_CONTEXT_URL = `${TEST_ORIGIN}${OCOP_CONTEXT_PATH}`;

export const eventsOf = (doc: EpcisDoc): EpcisEvent[] =>
  (doc.epcisBody.eventList ??
    (doc.epcisBody.queryResults as { resultsBody: { eventList: unknown } }).resultsBody.eventList) as EpcisEvent[];

/**
 * One check for every EPCIS answer a test receives: GS1's JSON Schema accepts it; JSON-LD
 * expansion in safe mode, with GS1's context and the ocop context exactly as the service serves
 * it, keeps every value it states; GS1's SHACL shapes find no violation.
 */
export async function epcisChecker(h: Harness) {
  const served = await h.request(OCOP_CONTEXT_PATH);
  expect(served.status).toBe(200);
  const tools = linkedDataTools({ [OCOP_CONTEXT_URL]: await served.json() });
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats.default(ajv);
  const validate = ajv.compile(epcisJsonSchema());

  return {
    tools,
    validate,
    async check(doc: EpcisDoc): Promise<Expanded> {
      expect(validate(doc), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
      const expanded = (await tools.expand(doc)) as Expanded;
      expect(expandedValues(expanded as never)).toBe(compactValues(doc as never));
      expect(await tools.shaclViolations(doc)).toEqual([]);
      return expanded;
    },
  };
}

/** The expanded events, by event id. */
export function expandedEvents(expanded: Expanded): Map<string, Record<string, unknown>> {
  const body = (expanded[0]!['https://ref.gs1.org/epcis/epcisBody'] as Record<string, unknown>[])[0]!;
  const results = body['https://ref.gs1.org/epcis/queryResults'] as Record<string, unknown>[] | undefined;
  const holder = results
    ? (results[0]!['https://ref.gs1.org/epcis/resultsBody'] as Record<string, unknown>[])[0]!
    : body;
  const list = (holder['https://ref.gs1.org/epcis/eventList'] ?? []) as Record<string, unknown>[];
  return new Map(list.map((e) => [e['@id'] as string, e]));
}

/** GET with a bearer token; the JSON body and the response. */
export async function getEpcis(h: Harness, path: string, token: string) {
  const res = await h.request(path, { headers: { authorization: `Bearer ${token}` } });
  const text = await res.text();
  return { res, text, doc: (res.status === 200 ? JSON.parse(text) : null) as EpcisDoc };
}
