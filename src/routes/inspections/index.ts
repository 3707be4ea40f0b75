import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env';
import { recordInspectionInput } from '../../services/inspections/inputs';
import { listInspections } from '../../services/inspections/list-inspections';
import { recordInspection } from '../../services/inspections/record-inspection';
import { searchProducts } from '../../services/inspections/search';
import { searchQuery, uuid } from '../../services/registry/inputs';
import { requireAction } from '../../middleware/require-action';
import { readableQuery } from '../shared/query-text';
import { serviceContext } from '../context';
import { validationHook } from '../errors';
import { anyRecord, commonErrors, guarded, json, jsonBody } from '../openapi-helpers';

const tags = ['Inspections (hậu kiểm)'];

export const inspectionRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

inspectionRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/api/v1/inspections',
    tags,
    ...guarded('inspection.record'),
    summary: 'Record an inspection (subject, product, batch or area)',
    request: jsonBody(recordInspectionInput),
    responses: { 201: json(anyRecord, 'Recorded'), ...commonErrors },
  }),
  async (c) => c.json((await recordInspection({ ctx: serviceContext(c), input: c.req.valid('json') })) as never, 201),
);

inspectionRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/api/v1/inspections',
    tags,
    ...guarded('inspection.read'),
    summary: 'Recent inspections in the caller’s province',
    request: {
      query: z.object({ productId: uuid.optional(), limit: z.coerce.number().int().min(1).max(200).optional() }),
    },
    responses: { 200: json(z.object({ items: z.array(anyRecord) }), 'Newest first'), ...commonErrors },
  }),
  async (c) =>
    c.json({ items: await listInspections({ ctx: serviceContext(c), input: c.req.valid('query') }) } as never, 200),
);

inspectionRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/api/v1/search',
    tags,
    ...guarded('inspection.read'),
    summary:
      'Find products by stamp URL or code, serial, or words of a product, subject, certificate, lot or area, with or without Vietnamese marks',
    middleware: [requireAction('inspection.read'), readableQuery],
    request: { query: z.object({ q: searchQuery(400).min(1) }) },
    responses: {
      200: json(z.object({ items: z.array(anyRecord) }), 'Matching products in the caller’s province'),
      ...commonErrors,
    },
  }),
  async (c) => c.json({ items: await searchProducts({ ctx: serviceContext(c), input: c.req.valid('query') }) }, 200),
);
