import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../app-env';
import {
  changeOrganisationStatus,
  registerOrganisation,
  updateOrganisation,
} from '../../services/points-of-sale/organisations';
import { changePointOfSaleStatus, registerPointOfSale } from '../../services/points-of-sale/points';
import { listOrganisations, organisationDetail } from '../../services/points-of-sale/read-retail';
import { loadPointOfSale } from '../../services/points-of-sale/load-organisation';
import { serviceContext } from '../context';
import { formToInput, type Field } from '../../../web/console/forms';
import {
  ORGANISATION_FIELDS,
  organisationsView,
  organisationView,
  POINT_FIELDS,
  STATUS_FIELDS,
  type FormState,
} from '../../../web/console/points-of-sale-view';
import { vi } from '../../../web/words/vi';
import { formFailure, postedForm, render, requirePerson } from './shared';

/** The authority's pages for retailer organisations and their points of sale. */
export const pointOfSalePages = new Hono<AppEnv>();
pointOfSalePages.use('/console/points-of-sale/*', requirePerson);

type Page = Context<AppEnv>;
const csrf = (c: Page) => c.var.session!.csrfToken;

async function listPage(c: Page, state?: FormState, status?: 400 | 403 | 404 | 409 | 422) {
  const listing = await listOrganisations({ ctx: serviceContext(c), input: { page: 1 } });
  return render(c, vi.pointsOfSale.console.title, organisationsView(listing, csrf(c), state), status);
}

async function detailPage(c: Page, id: string, state?: FormState, status?: 400 | 403 | 404 | 409 | 422) {
  const detail = await organisationDetail({ ctx: serviceContext(c), input: { id } });
  return render(c, detail.organisation.name, organisationView(detail, csrf(c), state), status);
}

/**
 * Runs one posted form through its service; on success goes to `next` (303), on a refusal renders
 * the page again with what was typed and the message beside each field.
 */
async function submit(
  c: Page,
  name: string,
  fields: Field[],
  run: (input: Record<string, unknown>) => Promise<unknown>,
  next: (result: unknown) => string,
  again: (state: FormState, status: 400 | 403 | 404 | 409 | 422) => Promise<Response>,
) {
  const values = formToInput(fields, await postedForm(c));
  try {
    return c.redirect(next(await run(values)), 303);
  } catch (error) {
    const failure = formFailure(error);
    return again({ form: name, values, errors: failure.fields, message: failure.message }, failure.status);
  }
}

pointOfSalePages.get('/console/points-of-sale', (c) => listPage(c));

pointOfSalePages.post('/console/points-of-sale/organisations', (c) =>
  submit(
    c,
    'org',
    ORGANISATION_FIELDS,
    (input) => registerOrganisation({ ctx: serviceContext(c), input: input as never }),
    (row) => `/console/points-of-sale/organisations/${(row as { id: string }).id}`,
    (state, status) => listPage(c, state, status),
  ),
);

pointOfSalePages.get('/console/points-of-sale/organisations/:id', (c) => detailPage(c, c.req.param('id')));

pointOfSalePages.post('/console/points-of-sale/organisations/:id', (c) => {
  const id = c.req.param('id');
  return submit(
    c,
    'edit',
    ORGANISATION_FIELDS.filter((f) => f.name !== 'provinceCode'),
    (patch) => updateOrganisation({ ctx: serviceContext(c), input: { id, patch } }),
    () => `/console/points-of-sale/organisations/${id}`,
    (state, status) => detailPage(c, id, state, status),
  );
});

pointOfSalePages.post('/console/points-of-sale/organisations/:id/status', (c) => {
  const id = c.req.param('id');
  return submit(
    c,
    'status',
    STATUS_FIELDS,
    (input) => changeOrganisationStatus({ ctx: serviceContext(c), input: { ...input, id } as never }),
    () => `/console/points-of-sale/organisations/${id}`,
    (state, status) => detailPage(c, id, state, status),
  );
});

pointOfSalePages.post('/console/points-of-sale/organisations/:id/points', (c) => {
  const id = c.req.param('id');
  return submit(
    c,
    'point',
    POINT_FIELDS,
    (input) => registerPointOfSale({ ctx: serviceContext(c), input: { ...input, organisationId: id } as never }),
    () => `/console/points-of-sale/organisations/${id}`,
    (state, status) => detailPage(c, id, state, status),
  );
});

pointOfSalePages.post('/console/points-of-sale/points/:id/status', async (c) => {
  const id = c.req.param('id');
  const { point } = await loadPointOfSale(serviceContext(c), 'retail.status', id);
  return submit(
    c,
    `ps-${id}`,
    STATUS_FIELDS,
    (input) => changePointOfSaleStatus({ ctx: serviceContext(c), input: { ...input, id } as never }),
    () => `/console/points-of-sale/organisations/${point.organisationId}`,
    (state, status) => detailPage(c, point.organisationId, state, status),
  );
});
