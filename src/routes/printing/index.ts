import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env';
import { LABEL_TEMPLATES } from '../../labels/templates';
import { uuid } from '../../services/registry/inputs';
import { createPrintJob, partsOf } from '../../services/printing/create-print-job';
import { listPrintJobs } from '../../services/printing/list-print-jobs';
import { renderPrintPart } from '../../services/printing/render-print-part';
import { voidJobSerials } from '../../services/stamps/void-job-serials';
import { voidSerials } from '../../services/stamps/void-serials';
import { formatSpans } from '../../services/stamps/void-spans';
import { serviceContext } from '../context';
import { validationHook } from '../errors';
import { anyRecord, guarded, json } from '../openapi-helpers';
import { jobVoidBody, printBody, voidBody } from '../shared/printing-inputs';
import { attachment } from './content-disposition';
import { errorSchema } from '../shared/schemas';

const errors = {
  400: json(errorSchema, 'Invalid input'),
  401: json(errorSchema, 'No credentials'),
  403: json(errorSchema, 'Not the caller’s batch'),
  404: json(errorSchema, 'Not found'),
  422: json(errorSchema, 'Certificate not valid or quantity over the batch'),
};

export const printingRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

printingRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/api/v1/print-templates',
    tags: ['Printing'],
    summary: 'Label templates (labels/templates)',
    responses: { 200: json(z.object({ items: z.array(anyRecord) }), 'Templates') },
  }),
  (c) =>
    c.json(
      {
        items: [...LABEL_TEMPLATES.values()].map((t) => ({
          id: t.id,
          name: t.name,
          stock: t.stock,
          perSheet: t.grid.columns * t.grid.rows,
        })),
      } as never,
      200,
    ),
);

printingRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/api/v1/batches/{id}/print',
    tags: ['Printing'],
    ...guarded('stamps.issue'),
    summary:
      'Reserve stamps and create a label print job; same idempotencyKey, same job and serials. Download its PDF parts.',
    request: {
      params: z.object({ id: uuid }),
      body: { content: { 'application/json': { schema: printBody } }, required: true },
    },
    responses: {
      201: {
        content: { 'application/json': { schema: anyRecord }, 'application/pdf': { schema: z.string() } },
        description: 'Job created (JSON, or the PDF with Accept: application/pdf)',
      },
      200: json(anyRecord, 'The same job, replayed'),
      ...errors,
    },
  }),
  async (c) => {
    const ctx = serviceContext(c);
    const { job, created } = await createPrintJob({
      ctx,
      input: { batchId: c.req.valid('param').id, ...c.req.valid('json') },
    });
    const parts = partsOf(job).map((p) => ({ ...p, url: `/api/v1/print-jobs/${job.id}/parts/${p.part}.pdf` }));
    if ((c.req.header('accept') ?? '').includes('application/pdf')) {
      // The PDF itself: part 1, with every part listed in Link headers for larger jobs.
      const { pdf, fileName } = await renderPrintPart({ ctx, input: { jobId: job.id, part: 1 } });
      c.header('Content-Type', 'application/pdf');
      c.header('Content-Disposition', attachment(fileName));
      c.header('Link', parts.map((p) => `<${p.url}>; rel="item"`).join(', '));
      c.header('X-Print-Job', job.id);
      return c.body(pdf as unknown as ArrayBuffer, created ? 201 : 200) as never;
    }
    return c.json({ job, parts } as never, created ? 201 : 200);
  },
);

printingRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/api/v1/print-jobs',
    tags: ['Printing'],
    ...guarded('print.read'),
    summary: 'Print history in the caller’s reach',
    request: { query: z.object({ batchId: uuid.optional() }) },
    responses: { 200: json(z.object({ items: z.array(anyRecord) }), 'Jobs'), ...errors },
  }),
  async (c) =>
    c.json(
      {
        items: await listPrintJobs({ ctx: serviceContext(c), input: { batchId: c.req.valid('query').batchId } }),
      } as never,
      200,
    ),
);

printingRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/api/v1/print-jobs/{id}/parts/{part}',
    tags: ['Printing'],
    ...guarded('print.read'),
    summary: 'One part of a job as PDF (e.g. …/parts/1.pdf); identical bytes on every download',
    request: { params: z.object({ id: uuid, part: z.string().regex(/^\d{1,4}(\.pdf)?$/) }) },
    responses: { 200: { content: { 'application/pdf': { schema: z.string() } }, description: 'PDF' }, ...errors },
  }),
  async (c) => {
    const { pdf, fileName } = await renderPrintPart({
      ctx: serviceContext(c),
      input: { jobId: c.req.valid('param').id, part: Number.parseInt(c.req.valid('param').part, 10) },
    });
    c.header('Content-Type', 'application/pdf');
    c.header('Content-Disposition', attachment(fileName));
    c.header('Cache-Control', 'private, no-store');
    return c.body(pdf as unknown as ArrayBuffer, 200) as never;
  },
);

printingRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/api/v1/stamps/void',
    tags: ['Printing'],
    ...guarded('stamps.void'),
    summary: 'Void misprinted serials (a list) or a whole sheet (a span); their verdict becomes void',
    request: { body: { content: { 'application/json': { schema: voidBody } }, required: true } },
    responses: { 200: json(z.object({ voided: z.array(anyRecord) }), 'Voided'), ...errors },
  }),
  async (c) =>
    c.json({ voided: await voidSerials({ ctx: serviceContext(c), input: c.req.valid('json') }) } as never, 200),
);

printingRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/api/v1/print-jobs/{id}/void',
    tags: ['Printing'],
    ...guarded('stamps.void'),
    summary:
      'Void misprints of one print job, typed as serials and ranges; any serial outside the job refuses the whole request',
    request: {
      params: z.object({ id: uuid }),
      body: { content: { 'application/json': { schema: jobVoidBody } }, required: true },
    },
    responses: {
      200: json(z.object({ count: z.number().int(), serials: z.string() }), 'Voided: how many, and which'),
      ...errors,
    },
  }),
  async (c) => {
    const { count, spans } = await voidJobSerials({
      ctx: serviceContext(c),
      input: { jobId: c.req.valid('param').id, ...c.req.valid('json') },
    });
    return c.json({ count, serials: formatSpans(spans) }, 200);
  },
);
