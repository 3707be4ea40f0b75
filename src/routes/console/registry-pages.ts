import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../app-env';
import { REGISTRY_KINDS } from '../../domain/registry-entities';
import { REGISTRY, REGISTRY_SERVICES } from '../../services/registry/entities';
import { listQuery } from '../../services/registry/inputs';
import { getRegistryItem, listRegistry } from '../../services/registry/read-registry';
import { updateRegistryItem, type EditableKind } from '../../services/registry/update-registry';
import { serviceContext } from '../context';
import { safeParseText } from '../errors';
import { unreadableQueryParams } from '../shared/query-text';
import { ENTITY_FORMS, type Lookups } from '../../../web/console/entity-specs';
import { formToInput, type Field } from '../../../web/console/forms';
import { registryFormView, registryListView } from '../../../web/console/registry-view';
import { vi } from '../../../web/words/vi';
import { formFailure, may, parseWith, postedForm, render, requirePerson } from './shared';

async function lookups(c: Context<AppEnv>): Promise<Lookups> {
  const ctx = serviceContext(c);
  const all = (kind: 'subjects' | 'products' | 'areas') =>
    listRegistry({ ctx, input: { kind, page: 1, pageSize: 100 } });
  const [subjects, products, areas] = await Promise.all([all('subjects'), all('products'), all('areas')]);
  const opt = (rows: Record<string, unknown>[], label: (r: Record<string, unknown>) => string) =>
    rows.map((r) => ({ value: String(r.id), label: label(r) }));
  return {
    subjects: opt(subjects.items, (r) => String(r.name)),
    products: opt(products.items, (r) => String(r.name)),
    areas: opt(areas.items, (r) => `${r.name}${r.officialCode ? ` (${r.officialCode})` : ''}`),
  };
}

/** List, create and edit pages for every registry entity, generated from the entity table. */
export const registryPages = new Hono<AppEnv>();

for (const kind of REGISTRY_KINDS) {
  const { creates, updates } = REGISTRY[kind];
  const words = vi.registry[kind];
  const forms = ENTITY_FORMS[kind];
  const base = `/console/${kind}`;
  const editable = (fields: Field[]) => fields.filter((f) => f.editable !== false);
  registryPages.use(base, requirePerson);
  registryPages.use(`${base}/*`, requirePerson);

  registryPages.get(base, async (c) => {
    const parsed = safeParseText(listQuery, c.req.query());
    const problem = unreadableQueryParams(c.req.url).length
      ? vi.search.unreadable
      : parsed.success
        ? undefined
        : (parsed.error.issues.find((i) => i.path[0] === 'q')?.message ?? undefined);
    // A search that cannot be read lists nothing: the box says why, rather than showing an unfiltered page.
    const query = parsed.success ? parsed.data : listQuery.parse({});
    const page = problem
      ? { items: [], total: 0, page: 1, pageSize: query.pageSize }
      : await listRegistry({ ctx: serviceContext(c), input: { ...query, kind } });
    return render(
      c,
      words.title,
      registryListView(
        {
          kind,
          actions: { creates, updates },
          q: problem ? undefined : query.q,
          rows: page.items,
          total: page.total,
          page: page.page,
          pageSize: page.pageSize,
          saved: Boolean(c.req.query('saved')),
          problem,
        },
        may(c),
      ),
      problem ? 400 : 200,
    );
  });

  registryPages.get(`${base}/new`, async (c) =>
    render(
      c,
      `Thêm ${words.singular}`,
      registryFormView({
        action: base,
        fields: forms(await lookups(c)),
        values: c.req.query(),
        csrf: c.var.session!.csrfToken,
        editing: false,
      }),
    ),
  );

  registryPages.post(base, async (c) => {
    const fields = forms(await lookups(c));
    const input = formToInput(fields, await postedForm(c));
    try {
      await REGISTRY_SERVICES[kind].create({
        ctx: serviceContext(c),
        input: parseWith(REGISTRY_SERVICES[kind].input, input) as never,
      });
      return c.redirect(`${base}?saved=1`, 303);
    } catch (error) {
      const failure = formFailure(error);
      return render(
        c,
        `Thêm ${words.singular}`,
        registryFormView({
          action: base,
          fields,
          values: input,
          errors: failure.fields,
          csrf: c.var.session!.csrfToken,
          editing: false,
          message: failure.message,
        }),
        failure.status,
      );
    }
  });

  const update = REGISTRY_SERVICES[kind].update;
  if (!update || !updates) continue;
  const edit = updateRegistryItem[kind as EditableKind];

  registryPages.get(`${base}/:id/edit`, async (c) => {
    const item = await getRegistryItem({ ctx: serviceContext(c), input: { kind, id: c.req.param('id') } });
    return render(
      c,
      `Sửa ${words.singular}`,
      registryFormView({
        action: `${base}/${c.req.param('id')}`,
        fields: editable(forms(await lookups(c))),
        values: item,
        csrf: c.var.session!.csrfToken,
        editing: true,
      }),
    );
  });

  registryPages.post(`${base}/:id`, async (c) => {
    const fields = editable(forms(await lookups(c)));
    const input = formToInput(fields, await postedForm(c));
    try {
      await edit({ ctx: serviceContext(c), input: { id: c.req.param('id'), patch: parseWith(update, input) } });
      return c.redirect(`${base}?saved=1`, 303);
    } catch (error) {
      const failure = formFailure(error);
      return render(
        c,
        `Sửa ${words.singular}`,
        registryFormView({
          action: `${base}/${c.req.param('id')}`,
          fields,
          values: input,
          errors: failure.fields,
          csrf: c.var.session!.csrfToken,
          editing: true,
          message: failure.message,
        }),
        failure.status,
      );
    }
  });
}
