import type { Context } from 'hono';
import type { AppEnv } from '../../app-env';
import { DEFAULT_LINK_TYPE, digitalLinkPath, readLinkType, type DigitalLinkKeys } from '../../domain/digital-link';
import { normaliseGtin } from '../../domain/gtin';
import { resolveProduct } from '../../services/resolver/resolve-product';
import type { ProductInfo } from '../../services/resolver/product-info';
import { AppError } from '../../services/shared/errors';
import { verifyStamp } from '../../services/verification/verify-stamps';
import { pickLang, type Lang } from '../../../web/i18n';
import { renderNotFoundPage, renderProductPage, type NotFoundKind } from '../../../web/product-page';
import { PRODUCT_TEXT } from '../../../web/product-page-text';
import { renderVerifyPage } from '../../../web/verify-page';
import { serviceContext } from '../context';
import { errorBody } from '../errors';
import { linkset, linksetHeader, redirectTarget } from './linkset';
import { checkedAgainstPath, type PathKeys } from './stamped';

const LINKSET_TYPE = 'application/linkset+json';

type Wants = 'linkset' | 'json' | 'html';

/** What the client asked for: a linkset, JSON or the page. Browsers send neither JSON type. */
function wants(c: Context<AppEnv>): Wants {
  const accept = c.req.header('accept') ?? '';
  if (accept.includes(LINKSET_TYPE)) return 'linkset';
  return accept.includes('application/json') ? 'json' : 'html';
}

/**
 * One GS1 Digital Link request, in the order a GS1-conformant resolver reads it: the keys (an
 * invalid GTIN is a 400, one not registered here a 404), then `?linkType=` (a linkset or a 307),
 * then the media type. With `?stamp=` and no link type, the answer is the stamp's verdict.
 */
export async function resolveDigitalLink(
  c: Context<AppEnv>,
  path: PathKeys,
  query: { stamp?: string; linkType?: string; lang?: string },
) {
  const origin = c.var.deps.config.PUBLIC_ORIGIN;
  const lang = pickLang(query.lang);
  const gtin = normaliseGtin(path.gtin);
  const keys: DigitalLinkKeys | null = gtin ? { gtin, lot: path.lot, serial: path.serial } : null;
  c.header('Cache-Control', 'no-store'); // live certificate status and verdicts: never from a cache
  c.header('Vary', 'Accept');

  if (query.stamp !== undefined && query.linkType === undefined && wants(c) !== 'linkset') {
    if (keys) c.header('Link', linksetHeader(origin, keys));
    return stamped(c, path, query.stamp, lang);
  }
  if (!keys) return notFound(c, 400, { kind: 'bad_gtin', gtin: path.gtin }, lang);

  let info: ProductInfo;
  try {
    info = await resolveProduct({ ctx: serviceContext(c), input: { gtin: keys.gtin, lot: keys.lot } });
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found')
      return notFound(c, 404, { kind: 'product', gtin: keys.gtin }, lang);
    throw error;
  }
  if (keys.lot !== undefined && !info.batch) {
    const productPath = digitalLinkPath({ gtin: keys.gtin });
    return notFound(c, 404, { kind: 'lot', lot: keys.lot, product: info.product.name, productPath }, lang);
  }

  // Only an identity that resolves names its linkset: a 404 points nowhere.
  c.header('Link', linksetHeader(origin, keys));
  if (query.linkType !== undefined) {
    const asked = readLinkType(query.linkType);
    if (asked.kind !== 'linkset') {
      const type = asked.kind === 'link' ? asked.type : DEFAULT_LINK_TYPE;
      return c.redirect(redirectTarget(origin, keys, type, new URL(c.req.url).searchParams), 307);
    }
  }
  if (query.linkType !== undefined || wants(c) === 'linkset') {
    return c.body(JSON.stringify(linkset(origin, keys, info.product.name)), 200, { 'Content-Type': LINKSET_TYPE });
  }
  const self = digitalLinkPath(keys);
  if (wants(c) === 'json') {
    return c.json(
      {
        stampVerified: false as const,
        notice: PRODUCT_TEXT.vi.title,
        digitalLink: `${origin}${self}`,
        linkset: `${origin}${self}?linkType=linkset`,
        gtin: keys.gtin,
        lot: keys.lot ?? null,
        serial: keys.serial ?? null,
        ...info,
      },
      200,
    );
  }
  return c.html(
    renderProductPage(info, keys.serial ?? null, lang, { self, linkset: `${self}?linkType=linkset`, verify: '/' }),
    200,
  );
}

/** The verdict as `/S/{CODE}` gives it, turned `forged` when the stamp is not the one the link names. */
async function stamped(c: Context<AppEnv>, path: PathKeys, stamp: string, lang: Lang) {
  const verdict = checkedAgainstPath(await verifyStamp(serviceContext(c), stamp), path);
  if (wants(c) !== 'html') return c.json(verdict, 200);
  return c.html(renderVerifyPage(verdict, lang, `/S/${encodeURIComponent(verdict.code)}`), 200);
}

/** 400 and 404 in the client's form: a page in its language, or the API's error body. */
export function notFound(c: Context<AppEnv>, status: 400 | 404, what: NotFoundKind, lang: Lang) {
  if (wants(c) !== 'html') {
    const t = PRODUCT_TEXT.vi;
    const message =
      what.kind === 'product'
        ? t.notFound(what.gtin)
        : what.kind === 'lot'
          ? t.lotNotFound(what.lot, what.product)
          : what.kind === 'bad_gtin'
            ? t.badGtin(what.gtin)
            : t.unsupported;
    return c.json(errorBody(c, status === 400 ? 'invalid_input' : 'not_found', message), status);
  }
  return c.html(renderNotFoundPage(what, lang, new URL(c.req.url).pathname), status);
}
