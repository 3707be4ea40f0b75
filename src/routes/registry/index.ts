import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env';
import { listQuery, uuid } from '../../services/registry/inputs';
import { updateRegistryItem, type EditableEntity } from '../../services/registry/update-registry';
import { getRegistryItem, listRegistry, type RegistryEntity } from '../../services/registry/read-registry';
import { serviceContext } from '../context';
import { validationHook } from '../errors';
import { guarded, json } from '../openapi-helpers';
import { REGISTRY } from '../shared/registry-table';
import { errorSchema } from '../shared/schemas';

const record = z.object({ id: z.string() }).loose();
const errors = {
  400: json(errorSchema, 'Invalid input, with a message per field'), 401: json(errorSchema, 'No valid token'),
  403: json(errorSchema, 'Outside the actor’s role or jurisdiction'), 404: json(errorSchema, 'Not found or not visible'),
};

export const registryRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

for (const [entity, spec] of Object.entries(REGISTRY) as [RegistryEntity, (typeof REGISTRY)[RegistryEntity]][]) {
  registryRoutes.openapi(createRoute({
    method: 'post', path: `/api/v1/${spec.path}`, tags: [spec.tag], ...guarded(spec.creates), summary: `Register ${spec.path}`,
    request: { body: { content: { 'application/json': { schema: spec.input } }, required: true } },
    responses: { 201: json(record, 'Created'), ...errors, 409: json(errorSchema, 'Already exists') },
  }), async (c) => {
    const created = await spec.create({ ctx: serviceContext(c), input: c.req.valid('json') as never });
    return c.json(created as z.infer<typeof record>, 201);
  });

  registryRoutes.openapi(createRoute({
    method: 'get', path: `/api/v1/${spec.path}`, tags: [spec.tag], ...guarded('registry.read'), summary: `List ${spec.path} in the caller’s scope`,
    request: { query: listQuery },
    responses: { 200: json(z.object({ items: z.array(record), page: z.number(), pageSize: z.number(), total: z.number() }), 'A page'), ...errors },
  }), async (c) => c.json(await listRegistry(serviceContext(c), entity, c.req.valid('query')) as never, 200));

  registryRoutes.openapi(createRoute({
    method: 'get', path: `/api/v1/${spec.path}/{id}`, tags: [spec.tag], ...guarded('registry.read'), summary: `Read one of ${spec.path}`,
    request: { params: z.object({ id: uuid }) },
    responses: { 200: json(record, 'Found'), ...errors },
  }), async (c) => c.json(await getRegistryItem(serviceContext(c), entity, c.req.valid('param').id) as never, 200));

  if (!spec.update || !spec.updates) continue;
  registryRoutes.openapi(createRoute({
    method: 'patch', path: `/api/v1/${spec.path}/{id}`, tags: [spec.tag], ...guarded(spec.updates), summary: `Edit ${spec.path} (only the fields sent)`,
    request: { params: z.object({ id: uuid }), body: { content: { 'application/json': { schema: spec.update } }, required: true } },
    responses: { 200: json(record, 'Updated'), ...errors },
  }), async (c) => c.json(await updateRegistryItem({ ctx: serviceContext(c), entity: entity as EditableEntity,
    id: c.req.valid('param').id, patch: c.req.valid('json') as Record<string, unknown> }) as never, 200));
}
