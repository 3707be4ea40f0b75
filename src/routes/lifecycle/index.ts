import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env';
import { changeCertificateStatus } from '../../services/lifecycle/change-certificate-status';
import { correctCertificateEvent, correctRecall } from '../../services/lifecycle/correct-events';
import { flagArea } from '../../services/lifecycle/flag-area';
import {
  correctionInput,
  flagAreaInput,
  recallInput,
  reevaluateInput,
  reinstateInput,
  revokeInput,
  suspendInput,
} from '../../services/lifecycle/inputs';
import { listExpiringCertificates } from '../../services/lifecycle/list-expiring';
import { recallBatch } from '../../services/lifecycle/recall-batch';
import { reevaluateCertificate } from '../../services/lifecycle/reevaluate-certificate';
import { productDossier } from '../../services/inspections/product-dossier';
import { uuid } from '../../services/registry/inputs';
import { serviceContext } from '../context';
import { validationHook } from '../errors';
import type { Action } from '../../services/shared/policy';
import { anyRecord, commonErrors, conflictError, guarded, json, jsonBody } from '../openapi-helpers';

const tags = ['Lifecycle (hậu kiểm, thu hồi)'];
const idParam = { params: z.object({ id: uuid }) };
const mutation = <B extends z.ZodType>(action: Action, path: string, summary: string, body: B) =>
  createRoute({
    method: 'post',
    path,
    tags,
    ...guarded(action),
    summary,
    request: { ...idParam, ...jsonBody(body) },
    responses: { 200: json(anyRecord, 'Done; the new state and its event'), ...commonErrors, ...conflictError },
  });

/**
 * Certificate and batch lifecycle. Suspension, revocation, recall, corrections and area flags
 * need a person with a passkey assertion under 5 minutes old (step-up): the services refuse
 * bearer tokens for them.
 */
export const lifecycleRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

for (const action of ['suspend', 'reinstate', 'revoke'] as const) {
  const body = { suspend: suspendInput, reinstate: reinstateInput, revoke: revokeInput }[action];
  lifecycleRoutes.openapi(
    mutation(
      `certificate.${action}`,
      `/api/v1/certificates/{id}/${action}`,
      `${action[0]!.toUpperCase()}${action.slice(1)} a certificate`,
      body,
    ),
    async (c) => {
      const input = { ...c.req.valid('json'), certificateId: c.req.valid('param').id, action } as Parameters<
        typeof changeCertificateStatus
      >[0]['input'];
      return c.json((await changeCertificateStatus({ ctx: serviceContext(c), input })) as never, 200);
    },
  );
}

lifecycleRoutes.openapi(
  mutation(
    'certificate.reevaluate',
    '/api/v1/certificates/{id}/reevaluate',
    'Re-evaluate: a new certificate that supersedes this one',
    reevaluateInput,
  ),
  async (c) =>
    c.json(
      (await reevaluateCertificate({
        ctx: serviceContext(c),
        input: { ...c.req.valid('json'), certificateId: c.req.valid('param').id },
      })) as never,
      200,
    ),
);

lifecycleRoutes.openapi(
  mutation(
    'lifecycle.correct',
    '/api/v1/certificates/{id}/corrections',
    'Correct the latest suspension, reinstatement or revocation',
    correctionInput,
  ),
  async (c) =>
    c.json(
      (await correctCertificateEvent({
        ctx: serviceContext(c),
        input: { ...c.req.valid('json'), certificateId: c.req.valid('param').id },
      })) as never,
      200,
    ),
);

lifecycleRoutes.openapi(
  mutation(
    'batch.recall',
    '/api/v1/batches/{id}/recall',
    'Recall a batch: all its stamps verify as recalled',
    recallInput,
  ),
  async (c) =>
    c.json(
      (await recallBatch({
        ctx: serviceContext(c),
        input: { ...c.req.valid('json'), batchId: c.req.valid('param').id },
      })) as never,
      200,
    ),
);

lifecycleRoutes.openapi(
  mutation(
    'lifecycle.correct',
    '/api/v1/batches/{id}/corrections',
    'Lift a recall made by mistake (a linked correction)',
    correctionInput,
  ),
  async (c) =>
    c.json(
      (await correctRecall({
        ctx: serviceContext(c),
        input: { ...c.req.valid('json'), batchId: c.req.valid('param').id },
      })) as never,
      200,
    ),
);

lifecycleRoutes.openapi(
  mutation(
    'area.flag',
    '/api/v1/raw-material-areas/{id}/flags',
    'Flag a raw-material area whose standard certificate has lapsed',
    flagAreaInput,
  ),
  async (c) =>
    c.json(
      (await flagArea({
        ctx: serviceContext(c),
        input: { ...c.req.valid('json'), areaId: c.req.valid('param').id },
      })) as never,
      200,
    ),
);

lifecycleRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/api/v1/certificates/expiring',
    tags,
    ...guarded('registry.read'),
    summary:
      'Renewal notices: certificates expiring within N days (default 30) or already expired, in the caller’s scope',
    request: { query: z.object({ withinDays: z.coerce.number().int().min(0).max(365).optional() }) },
    responses: {
      200: json(z.object({ items: z.array(anyRecord) }), 'Certificates to renew, soonest first'),
      ...commonErrors,
    },
  }),
  async (c) =>
    c.json(
      { items: await listExpiringCertificates({ ctx: serviceContext(c), input: c.req.valid('query') }) } as never,
      200,
    ),
);

lifecycleRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/api/v1/products/{id}/dossier',
    tags,
    ...guarded('inspection.read'),
    summary: 'Certificates, batches, inspections, reports, scans by place and the timeline of every action',
    request: idParam,
    responses: { 200: json(anyRecord, 'The product’s dossier'), ...commonErrors },
  }),
  async (c) =>
    c.json(
      (await productDossier({ ctx: serviceContext(c), input: { productId: c.req.valid('param').id } })) as never,
      200,
    ),
);
