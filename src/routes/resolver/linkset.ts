import {
  DEFAULT_LINK_TYPE,
  digitalLinkPath,
  GS1_ID_ORIGIN,
  GS1_VOC,
  LINK_TYPES,
  type DigitalLinkKeys,
  type LinkType,
} from '../../domain/digital-link';

/** One target of a link, as RFC 9264 writes it in JSON (GS1's linkset schema wants `href` and `title`). */
export type LinkTarget = { href: string; title: string; type: string; hreflang?: string[] };

/** Whether a target is one of the resolver's own pages, which a redirect hands the query string on to. */
type Target = LinkTarget & { own: boolean };

/**
 * Where each link type of a Digital Link leads. Every target exists on this service: the product
 * (or lot) page, its certificate section, the EPCIS query (EPCIS 2.0 `MATCH_` parameters, in the
 * caller's scope) and stamp verification. The links name the GS1 identity, never a stamp: a
 * stamp is proof carried in `?stamp=`, and a redirect hands it on.
 */
export function linkTargets(origin: string, keys: DigitalLinkKeys): Record<LinkType, Target[]> {
  const page = `${origin}${digitalLinkPath(keys)}`;
  // The certificate belongs to the lot (or product), not to one serial.
  const certificatePage = `${origin}${digitalLinkPath({ gtin: keys.gtin, lot: keys.lot })}`;
  const events = `${origin}/api/v1/epcis/events`;
  const traceability: Target[] = [];
  if (keys.serial !== undefined) {
    // A stamp's events name it by GTIN and serial alone, the GS1 form of a serialised item.
    const epc = `${GS1_ID_ORIGIN}${digitalLinkPath({ gtin: keys.gtin, serial: keys.serial })}`;
    traceability.push({
      href: `${events}?MATCH_anyEPC=${encodeURIComponent(epc)}`,
      title: 'Sự kiện EPCIS của tem này',
      type: 'application/ld+json',
      own: false,
    });
  }
  const epcClass = `${GS1_ID_ORIGIN}${digitalLinkPath({ gtin: keys.gtin, lot: keys.lot })}`;
  traceability.push({
    href: `${events}?MATCH_epcClass=${encodeURIComponent(epcClass)}`,
    title: keys.lot === undefined ? 'Sự kiện EPCIS của sản phẩm' : 'Sự kiện EPCIS của lô hàng',
    type: 'application/ld+json',
    own: false,
  });
  return {
    pip: [{ href: page, title: 'Thông tin sản phẩm OCOP', type: 'text/html', hreflang: ['vi', 'en'], own: true }],
    certificationInfo: [
      {
        href: `${certificatePage}#certificate`,
        title: 'Giấy chứng nhận OCOP và trạng thái hiện tại',
        type: 'text/html',
        hreflang: ['vi', 'en'],
        own: true,
      },
      {
        href: certificatePage,
        title: 'Giấy chứng nhận OCOP và trạng thái hiện tại (JSON)',
        type: 'application/json',
        own: true,
      },
    ],
    traceability,
    verificationService: [
      {
        href: `${origin}/api/v1/verify`,
        title: 'Xác thực tem OCOP (API: POST mã tem hoặc đường dẫn tem)',
        type: 'application/json',
        own: false,
      },
      {
        href: `${origin}/`,
        title: 'Xác thực tem OCOP: quét hoặc nhập mã tem',
        type: 'text/html',
        hreflang: ['vi', 'en'],
        own: false,
      },
    ],
  };
}

/** The RFC 9264 linkset of a Digital Link: `anchor` is its canonical URI, each relation a GS1 vocabulary URI. */
export function linkset(origin: string, keys: DigitalLinkKeys, description: string) {
  const targets = linkTargets(origin, keys);
  const context: Record<string, unknown> = { anchor: `${origin}${digitalLinkPath(keys)}`, description };
  context[`${GS1_VOC}defaultLink`] = targets[DEFAULT_LINK_TYPE].map(strip);
  for (const type of LINK_TYPES) context[`${GS1_VOC}${type}`] = targets[type].map(strip);
  return { linkset: [context] };
}

function strip({ own: _own, ...target }: Target): LinkTarget {
  return target;
}

/**
 * Where `?linkType=` sends the client (307, as GS1 resolvers do). GS1 asks a resolver to hand the
 * query string on; it is handed on to the resolver's own pages (so `stamp` and `lang` survive),
 * not to the APIs, which refuse parameters they do not know.
 */
export function redirectTarget(origin: string, keys: DigitalLinkKeys, type: LinkType, query: URLSearchParams): string {
  const [first] = linkTargets(origin, keys)[type];
  if (!first!.own) return first!.href;
  const rest = new URLSearchParams(query);
  rest.delete('linkType');
  const [base, fragment] = first!.href.split('#');
  const search = rest.toString();
  return `${base}${search ? `?${search}` : ''}${fragment ? `#${fragment}` : ''}`;
}

/** The `Link` header every answer of a Digital Link carries: where its linkset is. */
export function linksetHeader(origin: string, keys: DigitalLinkKeys): string {
  return `<${origin}${digitalLinkPath(keys)}?linkType=linkset>; rel="linkset"; type="application/linkset+json"`;
}
