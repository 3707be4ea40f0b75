import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../app-env';
import { listRegistry, getRegistryItem, type RegistryEntity } from '../../services/registry/read-registry';
import { updateRegistryItem, type EditableEntity } from '../../services/registry/update-registry';
import { listQuery } from '../../services/registry/inputs';
import { REGISTRY } from '../shared/registry-table';
import { serviceContext } from '../context';
import { ENTITY_SPECS, type Lookups } from '../../../web/console/entity-specs';
import { formToInput, type Field } from '../../../web/console/forms';
import { registryFormView, registryListView } from '../../../web/console/registry-view';
import { formFailure, may, parseWith, postedForm, render, requirePerson } from './shared';

async function lookups(c: Context<AppEnv>): Promise<Lookups> {
  const ctx = serviceContext(c);
  const all = { page: 1, pageSize: 100 };
  const [subjects, products, areas] = await Promise.all(
    (['subjects', 'products', 'areas'] as const).map((e) => listRegistry(ctx, e, all)));
  const opt = (rows: unknown[], label: (r: Record<string, unknown>) => string) =>
    (rows as Record<string, unknown>[]).map((r) => ({ value: String(r.id), label: label(r) }));
  return {
    subjects: opt(subjects!.items, (r) => String(r.name)),
    products: opt(products!.items, (r) => String(r.name)),
    areas: opt(areas!.items, (r) => `${r.name}${r.officialCode ? ` (${r.officialCode})` : ''}`),
  };
}

/** List, create and edit pages for every registry entity, generated from ENTITY_SPECS. */
export const registryPages = new Hono<AppEnv>();

for (const entity of Object.keys(ENTITY_SPECS) as RegistryEntity[]) {
  const spec = ENTITY_SPECS[entity];
  const base = `/console/${entity}`;
  const editable = (fields: Field[]) => fields.filter((f) => f.editable !== false);
  registryPages.use(base, requirePerson);
  registryPages.use(`${base}/*`, requirePerson);

  registryPages.get(base, async (c) => {
    const query = parseWith(listQuery, c.req.query());
    const page = await listRegistry(serviceContext(c), entity, query);
    return render(c, spec.title, registryListView({ base, spec, q: query.q, rows: page.items as Record<string, unknown>[], total: page.total,
      page: page.page, pageSize: page.pageSize, saved: Boolean(c.req.query('saved')) }, may(c)));
  });

  registryPages.get(`${base}/new`, async (c) => render(c, `Thêm ${spec.singular}`, registryFormView({
    action: base, fields: spec.fields(await lookups(c)), values: c.req.query(), csrf: c.var.session!.csrfToken, editing: false,
  })));

  registryPages.post(base, async (c) => {
    const fields = spec.fields(await lookups(c));
    const input = formToInput(fields, await postedForm(c));
    try {
      await REGISTRY[entity].create({ ctx: serviceContext(c), input: parseWith(REGISTRY[entity].input, input) as never });
      return c.redirect(`${base}?saved=1`, 303);
    } catch (error) {
      const failure = formFailure(error);
      return render(c, `Thêm ${spec.singular}`, registryFormView({ action: base, fields, values: input, errors: failure.fields,
        csrf: c.var.session!.csrfToken, editing: false, message: failure.message }), failure.status);
    }
  });

  const update = REGISTRY[entity].update;
  if (!update) continue;

  registryPages.get(`${base}/:id/edit`, async (c) => {
    const item = await getRegistryItem(serviceContext(c), entity, c.req.param('id'));
    return render(c, `Sửa ${spec.singular}`, registryFormView({ action: `${base}/${c.req.param('id')}`, fields: editable(spec.fields(await lookups(c))),
      values: item as Record<string, unknown>, csrf: c.var.session!.csrfToken, editing: true }));
  });

  registryPages.post(`${base}/:id`, async (c) => {
    const fields = editable(spec.fields(await lookups(c)));
    const input = formToInput(fields, await postedForm(c));
    try {
      await updateRegistryItem({ ctx: serviceContext(c), entity: entity as EditableEntity, id: c.req.param('id'), patch: parseWith(update, input) as Record<string, unknown> });
      return c.redirect(`${base}?saved=1`, 303);
    } catch (error) {
      const failure = formFailure(error);
      return render(c, `Sửa ${spec.singular}`, registryFormView({ action: `${base}/${c.req.param('id')}`, fields, values: input, errors: failure.fields,
        csrf: c.var.session!.csrfToken, editing: true, message: failure.message }), failure.status);
    }
  });
}
