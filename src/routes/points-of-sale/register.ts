import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env';
import { rateLimit } from '../../middleware/rate-limit';
import { pointsOfSaleQuery } from '../../services/points-of-sale/inputs';
import {
  communesWithPointsOfSale,
  listPublicPointsOfSale,
  publicPointOfSale,
} from '../../services/points-of-sale/public-register';
import { uuid } from '../../services/registry/inputs';
import { parseInput } from '../../services/shared/service';
import { pickLang } from '../../../web/i18n';
import { renderPointOfSalePage } from '../../../web/points-of-sale/point-page';
import { renderRegisterPage } from '../../../web/points-of-sale/register-page';
import { serviceContext } from '../context';
import { validationHook } from '../errors';
import { json } from '../openapi-helpers';
import { errorSchema } from '../shared/schemas';

/**
 * The public register of points of sale: a page of its own (the products' register lives apart)
 * and its JSON. Anyone may read it; it is rate-limited with verification, being a read of the same
 * kind. Every answer is read live, so a suspension shows on the next request.
 */
export const publicRegisterRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
const tags = ['Points of sale (điểm giới thiệu và bán sản phẩm OCOP)'];
// `/x/*` also matches `/x` itself in Hono: one pattern per tree, so a request is charged once.
for (const path of ['/register/points-of-sale/*', '/api/v1/register/points-of-sale/*'])
  publicRegisterRoutes.use(path, rateLimit('verify'));

const standing = z.enum(['open', 'suspended', 'closed']);
export const publicPointSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    address: z.string(),
    communeCode: z.string(),
    communeName: z.string(),
    provinceCode: z.string(),
    organisationName: z.string(),
    registrationNumber: z.string().nullable(),
    openedOn: z.string(),
    closedOn: z.string().nullable(),
    status: standing.openapi({ description: 'The worse of the shop’s and its organisation’s standing' }),
    statusReason: z.string().nullable(),
    statusChangedAt: z.string().nullable(),
  })
  .openapi('PublicPointOfSale');

publicRegisterRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/api/v1/register/points-of-sale',
    tags,
    summary: 'The public register of OCOP points of sale, by province and commune (30 a page)',
    request: { query: pointsOfSaleQuery },
    responses: {
      200: json(
        z.object({ items: z.array(publicPointSchema), page: z.number(), pageSize: z.number(), total: z.number() }),
        'A page of points of sale, by province, commune and name',
      ),
      400: json(errorSchema, 'Invalid filter'),
      429: json(errorSchema, 'Rate limited'),
    },
  }),
  async (c) =>
    c.json((await listPublicPointsOfSale({ ctx: serviceContext(c), input: c.req.valid('query') })) as never, 200),
);

publicRegisterRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/api/v1/register/points-of-sale/{id}',
    tags,
    summary: 'One point of sale’s live standing',
    request: { params: z.object({ id: uuid }) },
    responses: {
      200: json(publicPointSchema, 'The point of sale'),
      400: json(errorSchema, 'Invalid id'),
      404: json(errorSchema, 'No such point of sale'),
    },
  }),
  async (c) => c.json((await publicPointOfSale({ ctx: serviceContext(c), input: c.req.valid('param') })) as never, 200),
);

const pageQuery = pointsOfSaleQuery.extend({ lang: z.string().optional() });

/** The list page. A bad filter is a 400 page naming the field, like every other input. */
publicRegisterRoutes.get('/register/points-of-sale', async (c) => {
  const { lang: langParam, ...filter } = parseInput(pageQuery, c.req.query());
  const lang = pickLang(langParam);
  const ctx = serviceContext(c);
  const listing = await listPublicPointsOfSale({ ctx, input: filter });
  const communes = filter.province ? await communesWithPointsOfSale({ ctx, input: { province: filter.province } }) : [];
  c.header('Cache-Control', 'no-store');
  return c.html(renderRegisterPage(lang, filter, communes, listing));
});

publicRegisterRoutes.get('/register/points-of-sale/:id', async (c) => {
  const { id } = parseInput(z.object({ id: uuid }), { id: c.req.param('id') });
  const lang = pickLang(c.req.query('lang'));
  const point = await publicPointOfSale({ ctx: serviceContext(c), input: { id } });
  c.header('Cache-Control', 'no-store');
  return c.html(renderPointOfSalePage(point, lang, `/register/points-of-sale/${id}`, c.get('deps').now()));
});
