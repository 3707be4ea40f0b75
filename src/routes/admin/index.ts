import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env';
import { createEnrolment } from '../../services/auth/enrolment';
import { listAudit } from '../../services/audit/list-audit';
import { listPendingEnrolments, withdrawEnrolment } from '../../services/people/manage-enrolments';
import { listPeople } from '../../services/people/manage-people';
import { disablePerson, enablePerson } from '../../services/people/person-lifecycle';
import { uuid } from '../../services/registry/inputs';
import { createApiToken } from '../../services/tokens/create-token';
import { listApiTokens, revokeApiToken } from '../../services/tokens/manage-tokens';
import { serviceContext } from '../context';
import { validationHook } from '../errors';
import { anyRecord, commonErrors, conflictError, guarded, json, jsonBody } from '../openapi-helpers';
import { inviteInput, tokenInput } from '../shared/people-inputs';

const idParam = { params: z.object({ id: uuid }) };
const list = (description: string) => ({
  200: json(z.object({ items: z.array(anyRecord) }), description),
  ...commonErrors,
});

export const adminRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

adminRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/api/v1/enrolments',
    tags: ['People'],
    ...guarded('person.invite', 'person.grant', 'admin.grant'),
    summary:
      'Invite a person: a one-time passkey enrolment link valid 24 h (inspectors, authorities and admins need a step-up)',
    request: jsonBody(inviteInput),
    responses: { 201: json(anyRecord, 'Link created (shown once)'), ...commonErrors },
  }),
  async (c) => c.json((await createEnrolment({ ctx: serviceContext(c), input: c.req.valid('json') })) as never, 201),
);

adminRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/api/v1/enrolments',
    tags: ['People'],
    ...guarded('person.read'),
    summary: 'Pending invitations in the caller’s jurisdiction',
    responses: list('Unused, unexpired, not withdrawn'),
  }),
  async (c) => c.json({ items: await listPendingEnrolments({ ctx: serviceContext(c) }) } as never, 200),
);

adminRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/api/v1/enrolments/{id}/withdraw',
    tags: ['People'],
    ...guarded('enrolment.withdraw'),
    summary: 'Withdraw an invitation: its link dies at once',
    request: idParam,
    responses: { 200: json(anyRecord, 'Withdrawn'), ...commonErrors, ...conflictError },
  }),
  async (c) =>
    c.json(
      (await withdrawEnrolment({ ctx: serviceContext(c), input: { enrolmentId: c.req.valid('param').id } })) as never,
      200,
    ),
);

adminRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/api/v1/people',
    tags: ['People'],
    ...guarded('person.read'),
    summary: 'People in the caller’s jurisdiction, with state and last sign-in',
    responses: list('People'),
  }),
  async (c) => c.json({ items: await listPeople({ ctx: serviceContext(c) }) } as never, 200),
);

for (const [verb, service] of [
  ['disable', disablePerson],
  ['enable', enablePerson],
] as const) {
  adminRoutes.openapi(
    createRoute({
      method: 'post',
      path: `/api/v1/people/{id}/${verb}`,
      tags: ['People'],
      ...guarded(`person.${verb}`),
      summary:
        verb === 'disable'
          ? 'Off-board a person: sessions end at once, passkeys stop signing in, their unused invitations die (step-up)'
          : 'Give a disabled person their access back (step-up)',
      request: idParam,
      responses: { 200: json(anyRecord, 'Done'), ...commonErrors, ...conflictError },
    }),
    async (c) =>
      c.json((await service({ ctx: serviceContext(c), input: { personId: c.req.valid('param').id } })) as never, 200),
  );
}

adminRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/api/v1/tokens',
    tags: ['Tokens'],
    ...guarded('token.read'),
    summary: 'API tokens (never their secrets)',
    responses: list('Tokens'),
  }),
  async (c) => c.json({ items: await listApiTokens({ ctx: serviceContext(c), input: {} }) } as never, 200),
);

adminRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/api/v1/tokens',
    tags: ['Tokens'],
    ...guarded('token.create'),
    summary: 'Create a scoped token (admin, with passkey step-up)',
    request: jsonBody(tokenInput),
    responses: { 201: json(anyRecord, 'Token (its secret shown once)'), ...commonErrors },
  }),
  async (c) => {
    const ctx = serviceContext(c);
    const { days, ...input } = c.req.valid('json');
    return c.json(
      (await createApiToken({
        ctx,
        input: { ...input, expiresAt: new Date(ctx.now().getTime() + days * 86_400_000) },
      })) as never,
      201,
    );
  },
);

adminRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/api/v1/tokens/{id}/revoke',
    tags: ['Tokens'],
    ...guarded('token.revoke'),
    summary: 'Revoke a token at once',
    request: idParam,
    responses: { 200: json(anyRecord, 'Revoked'), ...commonErrors },
  }),
  async (c) => c.json((await revokeApiToken({ ctx: serviceContext(c), input: c.req.valid('param') })) as never, 200),
);

adminRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/api/v1/audit',
    tags: ['Audit'],
    ...guarded('audit.read'),
    summary: 'The audit log, newest first (admin)',
    request: {
      query: z.object({
        action: z.string().max(60).optional(),
        entity: z.string().max(60).optional(),
        actor: z.string().max(120).optional(),
        before: z.coerce.number().int().positive().optional(),
        limit: z.coerce.number().int().min(1).max(200).default(50),
      }),
    },
    responses: list('Entries'),
  }),
  async (c) =>
    c.json({ items: await listAudit({ ctx: serviceContext(c), input: c.req.valid('query') }) } as never, 200),
);
