import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env';
import { REGISTRY_KINDS } from '../../domain/registry-entities';
import { REGISTRY, REGISTRY_SERVICES } from '../../services/registry/entities';
import { listQuery, uuid } from '../../services/registry/inputs';
import { getRegistryItem, listRegistry } from '../../services/registry/read-registry';
import { updateRegistryItem, type EditableKind } from '../../services/registry/update-registry';
import { requireAction } from '../../middleware/require-action';
import { serviceContext } from '../context';
import { validationHook } from '../errors';
import { guarded, json } from '../openapi-helpers';
import { readableQuery } from '../shared/query-text';
import { errorSchema } from '../shared/schemas';
import { en } from '../../../web/words/en';
import { vi } from '../../../web/words/vi';

const record = z.object({ id: z.string() }).loose();
const errors = {
  400: json(errorSchema, 'Invalid input, with a message per field'),
  401: json(errorSchema, 'No valid token'),
  403: json(errorSchema, 'Outside the actor’s role or jurisdiction'),
  404: json(errorSchema, 'Not found or not visible'),
};

/** The registry API: create, list (with `q`), read and edit for each entity, all generated from its entity table. */
export const registryRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

for (const kind of REGISTRY_KINDS) {
  const { path, creates, updates } = REGISTRY[kind];
  const { create, input, update } = REGISTRY_SERVICES[kind];
  const tags = [`${en.registry[kind].title} (${vi.registry[kind].singular})`];

  registryRoutes.openapi(
    createRoute({
      method: 'post',
      path: `/api/v1/${path}`,
      tags,
      ...guarded(creates),
      summary: `Register ${path}`,
      request: { body: { content: { 'application/json': { schema: input } }, required: true } },
      responses: { 201: json(record, 'Created'), ...errors, 409: json(errorSchema, 'Already exists') },
    }),
    async (c) =>
      c.json(
        (await create({ ctx: serviceContext(c), input: c.req.valid('json') as never })) as z.infer<typeof record>,
        201,
      ),
  );

  registryRoutes.openapi(
    createRoute({
      method: 'get',
      path: `/api/v1/${path}`,
      tags,
      ...guarded('registry.read'),
      // The role first, then the raw query: a caller without the right learns nothing from it.
      middleware: [requireAction('registry.read'), readableQuery] as const,
      summary: `List ${path} in the caller’s scope; q finds every word, with or without Vietnamese marks`,
      request: { query: listQuery },
      responses: {
        200: json(
          z.object({ items: z.array(record), page: z.number(), pageSize: z.number(), total: z.number() }),
          'A page',
        ),
        ...errors,
      },
    }),
    async (c) => c.json(await listRegistry({ ctx: serviceContext(c), input: { ...c.req.valid('query'), kind } }), 200),
  );

  registryRoutes.openapi(
    createRoute({
      method: 'get',
      path: `/api/v1/${path}/{id}`,
      tags,
      ...guarded('registry.read'),
      summary: `Read one of ${path}`,
      request: { params: z.object({ id: uuid }) },
      responses: { 200: json(record, 'Found'), ...errors },
    }),
    async (c) =>
      c.json(await getRegistryItem({ ctx: serviceContext(c), input: { kind, id: c.req.valid('param').id } }), 200),
  );

  if (!update || !updates) continue;
  registryRoutes.openapi(
    createRoute({
      method: 'patch',
      path: `/api/v1/${path}/{id}`,
      tags,
      ...guarded(updates),
      summary: `Edit ${path} (only the fields sent)`,
      request: {
        params: z.object({ id: uuid }),
        body: { content: { 'application/json': { schema: update } }, required: true },
      },
      responses: { 200: json(record, 'Updated'), ...errors },
    }),
    async (c) =>
      c.json(
        (await updateRegistryItem[kind as EditableKind]({
          ctx: serviceContext(c),
          input: { id: c.req.valid('param').id, patch: c.req.valid('json') },
        })) as z.infer<typeof record>,
        200,
      ),
  );
}
