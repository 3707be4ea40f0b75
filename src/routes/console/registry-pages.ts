import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../app-env';
import { listRegistry, getRegistryItem, type RegistryEntity } from '../../services/registry/read-registry';
import { updateRegistryItem, type EditableEntity } from '../../services/registry/update-registry';
import { listQuery } from '../../services/registry/inputs';
import { REGISTRY } from '../shared/registry-table';
import { serviceContext } from '../context';
import { ENTITY_SPECS, type Lookups } from '../../../web/console/entity-specs';
import { formToInput, renderForm, type Field } from '../../../web/console/forms';
import { roleMay } from '../../../web/console/layout';
import { html } from '../../../web/view';
import { formFailure, parseWith, postedForm, render, requirePerson } from './shared';

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
    const pages = Math.max(1, Math.ceil(page.total / page.pageSize));
    const link = (p: number) => `${base}?page=${p}${query.q ? `&q=${encodeURIComponent(query.q)}` : ''}`;
    return render(c, spec.title, html`
${c.req.query('saved') ? html`<p class="notice" role="status">Đã lưu.</p>` : ''}
<form class="toolbar" method="get" action="${base}" role="search"><div class="field"><label for="q">Tìm kiếm</label>
<input id="q" name="q" type="search" value="${query.q ?? ''}"></div><button type="submit">Tìm</button>
${roleMay(c.var.actor, spec.createAction) ? html`<a class="button" href="${base}/new">Thêm ${spec.singular}</a>` : ''}</form>
<table><caption class="hint">${page.total} kết quả · trang ${page.page}/${pages}</caption>
<thead><tr>${spec.columns.map((col) => html`<th scope="col">${col.label}</th>`)}<th scope="col"><span class="hint">Thao tác</span></th></tr></thead>
<tbody>${(page.items as Record<string, unknown>[]).map((row) => html`<tr>${spec.columns.map((col) => html`<td>${col.value(row)}</td>`)}
<td>${spec.updateAction && roleMay(c.var.actor, spec.updateAction) ? html`<a href="${base}/${String(row.id)}/edit">Sửa<span class="skip"> ${String(row.name ?? row.lot ?? row.number ?? '')}</span></a>` : ''}</td></tr>`)}</tbody></table>
<nav aria-label="Phân trang">${page.page > 1 ? html`<a href="${link(page.page - 1)}">‹ Trang trước</a> ` : ''}${page.page < pages ? html`<a href="${link(page.page + 1)}">Trang sau ›</a>` : ''}</nav>`);
  });

  registryPages.get(`${base}/new`, async (c) => render(c, `Thêm ${spec.singular}`, renderForm({
    action: base, fields: spec.fields(await lookups(c)), values: c.req.query(), errors: {}, csrf: c.var.session!.csrfToken, submit: 'Lưu',
  })));

  registryPages.post(base, async (c) => {
    const fields = spec.fields(await lookups(c));
    const form = await postedForm(c);
    const input = formToInput(fields, form);
    try {
      await REGISTRY[entity].create({ ctx: serviceContext(c), input: parseWith(REGISTRY[entity].input, input) as never });
      return c.redirect(`${base}?saved=1`, 303);
    } catch (error) {
      const failure = formFailure(error);
      return render(c, `Thêm ${spec.singular}`, renderForm({ action: base, fields, values: input, errors: failure.fields,
        csrf: c.var.session!.csrfToken, submit: 'Lưu', message: failure.message }), failure.status);
    }
  });

  const update = REGISTRY[entity].update;
  if (!update) continue;

  registryPages.get(`${base}/:id/edit`, async (c) => {
    const item = await getRegistryItem(serviceContext(c), entity, c.req.param('id'));
    return render(c, `Sửa ${spec.singular}`, renderForm({ action: `${base}/${c.req.param('id')}`, fields: editable(spec.fields(await lookups(c))),
      values: item as Record<string, unknown>, errors: {}, csrf: c.var.session!.csrfToken, submit: 'Lưu thay đổi' }));
  });

  registryPages.post(`${base}/:id`, async (c) => {
    const fields = editable(spec.fields(await lookups(c)));
    const input = formToInput(fields, await postedForm(c));
    try {
      await updateRegistryItem({ ctx: serviceContext(c), entity: entity as EditableEntity, id: c.req.param('id'), patch: parseWith(update, input) as Record<string, unknown> });
      return c.redirect(`${base}?saved=1`, 303);
    } catch (error) {
      const failure = formFailure(error);
      return render(c, `Sửa ${spec.singular}`, renderForm({ action: `${base}/${c.req.param('id')}`, fields, values: input, errors: failure.fields,
        csrf: c.var.session!.csrfToken, submit: 'Lưu thay đổi', message: failure.message }), failure.status);
    }
  });
}
