import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env';
import { uuid } from '../../services/registry/inputs';
import { exportBatchEpcis } from '../../services/traceability/epcis-export';
import { MAX_PER_PAGE, queryEpcisEvents } from '../../services/traceability/query-events';
import { OCOP_CONTEXT, OCOP_CONTEXT_PATH } from '../../services/traceability/vocabulary';
import { serviceContext } from '../context';
import { validationHook } from '../errors';
import { commonErrors, guarded } from '../openapi-helpers';
import { epcisDocumentSchema, epcisQueryDocumentSchema, jsonLdContextSchema } from './schemas';

const tags = ['Traceability (EPCIS 2.0)'];
const LD_JSON = 'application/ld+json';
// EPCIS 2.0 REST binding: the versions an answer follows.
const GS1_HEADERS = { 'GS1-EPCIS-Version': '2.0.0', 'GS1-CBV-Version': '2.0.0' };

export const epcisRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

epcisRoutes.openapi(
  createRoute({
    method: 'get',
    path: OCOP_CONTEXT_PATH,
    tags,
    security: [],
    summary: 'The JSON-LD context of the ocop: vocabulary, version 1 (https://ocop.gov.vn/ns/trace/v1#)',
    description:
      'Every EPCIS document of this service names it in its `@context`, after GS1’s. The vocabulary IRI is the same on every instance.',
    responses: { 200: { description: 'JSON-LD context', content: { [LD_JSON]: { schema: jsonLdContextSchema } } } },
  }),
  (c) => {
    c.header('Content-Type', LD_JSON);
    c.header('Cache-Control', 'public, max-age=86400');
    // A context is read by JSON-LD processors in browsers on any origin; it carries no credentials.
    c.header('Access-Control-Allow-Origin', '*');
    return c.body(JSON.stringify(OCOP_CONTEXT), 200) as never;
  },
);

epcisRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/api/v1/batches/{id}/epcis',
    tags,
    ...guarded('trace.export'),
    summary: 'The batch’s events as an EPCIS 2.0 JSON-LD document: commissioning, receiving, recalls',
    request: { params: z.object({ id: uuid }) },
    responses: {
      200: { description: 'EPCISDocument', content: { [LD_JSON]: { schema: epcisDocumentSchema } } },
      ...commonErrors,
    },
  }),
  async (c) => {
    const doc = await exportBatchEpcis({ ctx: serviceContext(c), input: { batchId: c.req.valid('param').id } });
    c.header('Content-Type', LD_JSON);
    for (const [name, value] of Object.entries(GS1_HEADERS)) c.header(name, value);
    return c.body(JSON.stringify(doc), 200) as never;
  },
);

const list = (description: string) =>
  z
    .string()
    .max(8000)
    .optional()
    .openapi({ description: `${description} Several values: separated by |.` });
const query = z
  .object({
    MATCH_anyEPC: list(
      'A stamp as the exports name it (GS1 Digital Link …/01/{gtin}/21/{serial}, or {origin}/S/{code} without a GTIN): ' +
        'the commissioning whose range holds it and the intakes that received it.',
    ),
    MATCH_epcClass: list(
      'A lot as the exports name it (…/01/{gtin}/10/{lot}, or {origin}/id/batch/{id}): its commissioning and recalls.',
    ),
    eventType: list('Event types; every event here is an ObjectEvent.'),
    GE_eventTime: z
      .string()
      .max(40)
      .optional()
      .openapi({ description: 'Events at or after this instant (RFC 3339, with offset)' }),
    LT_eventTime: z.string().max(40).optional().openapi({ description: 'Events before this instant' }),
    perPage: z
      .string()
      .regex(/^\d{1,4}$/)
      .optional()
      .openapi({ description: `Events per page, 30 by default, at most ${MAX_PER_PAGE}` }),
    nextPageToken: z.string().max(200).optional().openapi({ description: 'From the previous page’s Link rel="next"' }),
  })
  .strict(); // EPCIS: a parameter the server does not support is an error, never silently ignored.

const pipe = (value?: string) => (value === undefined ? undefined : value.split('|'));
// A "+" sent unencoded in a query string arrives as a space; no instant contains one.
const instant = (value?: string) => value?.replaceAll(' ', '+');

epcisRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/api/v1/epcis/events',
    tags,
    ...guarded('trace.export'),
    summary: 'EPCIS 2.0 event query (a subset of SimpleEventQuery), in pages, inside the caller’s reach',
    description:
      'Answers an EPCISQueryDocument. When more events remain, a `Link: <…>; rel="next"` header carries the next page’s URL ' +
      '(EPCIS 2.0 REST binding). Parameters other than these are refused (400).',
    request: { query },
    responses: {
      200: {
        description: 'EPCISQueryDocument',
        headers: { Link: { description: 'rel="next": the next page', schema: { type: 'string' } } },
        content: { [LD_JSON]: { schema: epcisQueryDocumentSchema } },
      },
      ...commonErrors,
    },
  }),
  async (c) => {
    const q = c.req.valid('query');
    const { document, nextPageToken } = await queryEpcisEvents({
      ctx: serviceContext(c),
      input: {
        anyEpc: pipe(q.MATCH_anyEPC),
        epcClass: pipe(q.MATCH_epcClass),
        eventType: pipe(q.eventType),
        geEventTime: instant(q.GE_eventTime),
        ltEventTime: instant(q.LT_eventTime),
        perPage: q.perPage === undefined ? undefined : Number(q.perPage),
        nextPageToken: q.nextPageToken,
      },
    });
    if (nextPageToken) {
      const next = new URLSearchParams(Object.entries(q).filter(([, v]) => v !== undefined) as [string, string][]);
      next.set('nextPageToken', nextPageToken);
      c.header(
        'Link',
        `<${c.var.deps.config.PUBLIC_ORIGIN.replace(/\/+$/, '')}/api/v1/epcis/events?${next}>; rel="next"`,
      );
    }
    c.header('Content-Type', LD_JSON);
    for (const [name, value] of Object.entries(GS1_HEADERS)) c.header(name, value);
    return c.body(JSON.stringify(document), 200) as never;
  },
);
