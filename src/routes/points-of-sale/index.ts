import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env';
import {
  changeRegistrationStatusInput,
  registerOrganisationInput,
  registerPointOfSaleInput,
  updateOrganisationInput,
  updatePointOfSaleInput,
} from '../../services/points-of-sale/inputs';
import {
  changeOrganisationStatus,
  registerOrganisation,
  updateOrganisation,
} from '../../services/points-of-sale/organisations';
import { changePointOfSaleStatus, registerPointOfSale, updatePointOfSale } from '../../services/points-of-sale/points';
import { listOrganisations, organisationDetail } from '../../services/points-of-sale/read-retail';
import { provinceCode, uuid } from '../../services/registry/inputs';
import { serviceContext } from '../context';
import { validationHook } from '../errors';
import { anyRecord, commonErrors, conflictError, guarded, json, jsonBody } from '../openapi-helpers';
import { publicRegisterRoutes } from './register';

/**
 * Retailer organisations and their points of sale, for the provincial OCOP office: register, edit,
 * suspend, reinstate, close. The public register is mounted beside them.
 */
export const pointOfSaleRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
const tags = ['Points of sale (điểm giới thiệu và bán sản phẩm OCOP)'];
const id = z.object({ id: uuid });

pointOfSaleRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/api/v1/retail-organisations',
    tags,
    ...guarded('retail.read'),
    summary: 'Retailer organisations in the caller’s province, with their number of points of sale',
    request: {
      query: z.object({ province: provinceCode.optional(), page: z.coerce.number().int().min(1).optional() }),
    },
    responses: { 200: json(anyRecord, 'A page of organisations'), ...commonErrors },
  }),
  async (c) => c.json((await listOrganisations({ ctx: serviceContext(c), input: c.req.valid('query') })) as never, 200),
);

pointOfSaleRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/api/v1/retail-organisations',
    tags,
    ...guarded('retail.register'),
    summary: 'Register a retailer organisation in the caller’s province',
    request: jsonBody(registerOrganisationInput),
    responses: { 201: json(anyRecord, 'Registered'), ...commonErrors, ...conflictError },
  }),
  async (c) =>
    c.json((await registerOrganisation({ ctx: serviceContext(c), input: c.req.valid('json') })) as never, 201),
);

pointOfSaleRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/api/v1/retail-organisations/{id}',
    tags,
    ...guarded('retail.read'),
    summary: 'An organisation with its points of sale and the accounts that act for it',
    request: { params: id },
    responses: { 200: json(anyRecord, 'The organisation'), ...commonErrors },
  }),
  async (c) =>
    c.json((await organisationDetail({ ctx: serviceContext(c), input: c.req.valid('param') })) as never, 200),
);

pointOfSaleRoutes.openapi(
  createRoute({
    method: 'patch',
    path: '/api/v1/retail-organisations/{id}',
    tags,
    ...guarded('retail.update'),
    summary: 'Edit an organisation (its province is fixed)',
    request: { params: id, ...jsonBody(updateOrganisationInput) },
    responses: { 200: json(anyRecord, 'Edited'), ...commonErrors, ...conflictError },
  }),
  async (c) =>
    c.json(
      (await updateOrganisation({
        ctx: serviceContext(c),
        input: { id: c.req.valid('param').id, patch: c.req.valid('json') },
      })) as never,
      200,
    ),
);

pointOfSaleRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/api/v1/retail-organisations/{id}/status',
    tags,
    ...guarded('retail.status'),
    summary: 'Suspend, reinstate or close an organisation; its points of sale read as the worse of both',
    request: { params: id, ...jsonBody(changeRegistrationStatusInput) },
    responses: { 200: json(anyRecord, 'Changed'), ...commonErrors, ...conflictError },
  }),
  async (c) =>
    c.json(
      (await changeOrganisationStatus({
        ctx: serviceContext(c),
        input: { ...c.req.valid('json'), id: c.req.valid('param').id },
      })) as never,
      200,
    ),
);

pointOfSaleRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/api/v1/points-of-sale',
    tags,
    ...guarded('retail.register'),
    summary: 'Designate a shop of an organisation as “Điểm giới thiệu và bán sản phẩm OCOP”',
    request: jsonBody(registerPointOfSaleInput),
    responses: { 201: json(anyRecord, 'Registered'), ...commonErrors, ...conflictError },
  }),
  async (c) =>
    c.json((await registerPointOfSale({ ctx: serviceContext(c), input: c.req.valid('json') })) as never, 201),
);

pointOfSaleRoutes.openapi(
  createRoute({
    method: 'patch',
    path: '/api/v1/points-of-sale/{id}',
    tags,
    ...guarded('retail.update'),
    summary: 'Edit a point of sale (its organisation is fixed)',
    request: { params: id, ...jsonBody(updatePointOfSaleInput) },
    responses: { 200: json(anyRecord, 'Edited'), ...commonErrors },
  }),
  async (c) =>
    c.json(
      (await updatePointOfSale({
        ctx: serviceContext(c),
        input: { id: c.req.valid('param').id, patch: c.req.valid('json') },
      })) as never,
      200,
    ),
);

pointOfSaleRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/api/v1/points-of-sale/{id}/status',
    tags,
    ...guarded('retail.status'),
    summary: 'Suspend, reinstate or close a point of sale; its public page says so on the next request',
    request: { params: id, ...jsonBody(changeRegistrationStatusInput) },
    responses: { 200: json(anyRecord, 'Changed'), ...commonErrors, ...conflictError },
  }),
  async (c) =>
    c.json(
      (await changePointOfSaleStatus({
        ctx: serviceContext(c),
        input: { ...c.req.valid('json'), id: c.req.valid('param').id },
      })) as never,
      200,
    ),
);

pointOfSaleRoutes.route('/', publicRegisterRoutes);
