import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env';
import { ROLES } from '../../services/shared/policy';
import { createEnrolment } from '../../services/auth/enrolment';
import { listAudit } from '../../services/audit/list-audit';
import { listPeople } from '../../services/people/manage-people';
import { uuid } from '../../services/registry/inputs';
import { createApiToken } from '../../services/tokens/create-token';
import { listApiTokens, revokeApiToken } from '../../services/tokens/manage-tokens';
import { serviceContext } from '../context';
import { validationHook } from '../errors';
import { anyRecord, json, jsonBody } from '../openapi-helpers';
import { errorSchema } from '../verify/schemas';

const errors = { 400: json(errorSchema, 'Invalid input'), 401: json(errorSchema, 'Not signed in'), 403: json(errorSchema, 'Forbidden, or step-up needed') };
const security = [{ bearer: [] }];
/** 'central' or a two-digit province; null in storage means central. */
const province = z.union([z.literal('central'), z.string().regex(/^\d{2}$/)]).optional().transform((p) => (p && p !== 'central' ? p : null));

export const inviteInput = z.object({
  name: z.string().trim().min(1).max(120), role: z.enum(ROLES), provinceCode: province, subjectId: uuid.optional().transform((s) => s ?? null),
}).openapi('Invite');

export const tokenInput = z.object({
  name: z.string().trim().min(1).max(120), role: z.enum(ROLES), provinceCode: province, subjectId: uuid.optional().transform((s) => s ?? null),
  days: z.number().int().min(1).max(3650).default(365),
}).openapi('CreateToken');

export const adminRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

adminRoutes.openapi(createRoute({
  method: 'post', path: '/api/v1/enrolments', tags: ['People'], security, summary: 'Invite a person: a one-time passkey enrolment link valid 24 h',
  request: jsonBody(inviteInput), responses: { 201: json(anyRecord, 'Link created (shown once)'), ...errors },
}), async (c) => c.json(await createEnrolment({ ctx: serviceContext(c), input: c.req.valid('json') }) as never, 201));

adminRoutes.openapi(createRoute({
  method: 'get', path: '/api/v1/people', tags: ['People'], security, summary: 'People in the caller’s jurisdiction',
  responses: { 200: json(z.object({ items: z.array(anyRecord) }), 'People'), ...errors },
}), async (c) => c.json({ items: await listPeople(serviceContext(c)) } as never, 200));

adminRoutes.openapi(createRoute({
  method: 'get', path: '/api/v1/tokens', tags: ['Tokens'], security, summary: 'API tokens (never their secrets)',
  responses: { 200: json(z.object({ items: z.array(anyRecord) }), 'Tokens'), ...errors },
}), async (c) => c.json({ items: await listApiTokens(serviceContext(c)) } as never, 200));

adminRoutes.openapi(createRoute({
  method: 'post', path: '/api/v1/tokens', tags: ['Tokens'], security, summary: 'Create a scoped token (admin, with passkey step-up)',
  request: jsonBody(tokenInput), responses: { 201: json(anyRecord, 'Token (its secret shown once)'), ...errors },
}), async (c) => {
  const ctx = serviceContext(c);
  const { days, ...input } = c.req.valid('json');
  return c.json(await createApiToken({ ctx, input: { ...input, expiresAt: new Date(ctx.now().getTime() + days * 86_400_000) } }) as never, 201);
});

adminRoutes.openapi(createRoute({
  method: 'post', path: '/api/v1/tokens/{id}/revoke', tags: ['Tokens'], security, summary: 'Revoke a token at once',
  request: { params: z.object({ id: uuid }) }, responses: { 200: json(anyRecord, 'Revoked'), ...errors, 404: json(errorSchema, 'No such token') },
}), async (c) => c.json(await revokeApiToken(serviceContext(c), c.req.valid('param').id) as never, 200));

adminRoutes.openapi(createRoute({
  method: 'get', path: '/api/v1/audit', tags: ['Audit'], security, summary: 'The audit log, newest first (admin)',
  request: { query: z.object({ action: z.string().max(60).optional(), entity: z.string().max(60).optional(), actor: z.string().max(120).optional(),
    before: z.coerce.number().int().positive().optional(), limit: z.coerce.number().int().min(1).max(200).default(50) }) },
  responses: { 200: json(z.object({ items: z.array(anyRecord) }), 'Entries'), ...errors },
}), async (c) => c.json({ items: await listAudit(serviceContext(c), c.req.valid('query')) } as never, 200));
