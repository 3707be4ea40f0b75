import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import digitalLinkJs from 'digital-link.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportBatchEpcis } from '../../src/services/traceability/epcis-export';
import type { Verdict } from '../../src/services/verification/verdict-types';
import { descriptionFileSchema, linksetSchema } from '../support/gs1-resolver-schemas';
import { ADMIN, DATABASE_KINDS, openHarness, TEST_ORIGIN, type Harness } from '../support/harness';

// GS1's digital-link.js (Digimarc; GS1 Digital Link grammar 1.2) checks the links, not our own parser.
const { DigitalLink } = digitalLinkJs;

const GTIN13 = '8936048123451';
const GTIN14 = `0${GTIN13}`;
const LOT = 'HVQ2610';
const JSON_ACCEPT = { headers: { accept: 'application/json' } };
const LINKSET_ACCEPT = { headers: { accept: 'application/linkset+json' } };
const VOC = 'https://gs1.org/voc/';

type Link = { href: string; title: string; type: string; hreflang?: string[] };
type Linkset = { linkset: Record<string, unknown>[] };

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats.default(ajv);
const validDescription = ajv.compile(descriptionFileSchema);
const validLinkset = ajv.compile(linksetSchema);

describe.each(DATABASE_KINDS)('GS1 Digital Link conformance on %s', (kind) => {
  let h: Harness;
  let valid: Verdict;
  beforeAll(async () => {
    h = await openHarness(kind);
    valid = (await (await h.request(`/api/v1/verify/${h.codes.valid}`)).json()) as Verdict;
  });
  afterAll(async () => {
    await h?.close();
  });

  const info = async (path: string) => {
    const res = await h.request(path, JSON_ACCEPT);
    expect(res.status, path).toBe(200);
    return (await res.json()) as { certificate: { status: string } | null };
  };
  it('serves an RFC 9264 linkset with the GS1 link types, by Accept and by ?linkType=linkset', async () => {
    const path = `/01/${GTIN14}/10/${LOT}/21/${valid.serial}`;
    for (const [url, init] of [
      [path, LINKSET_ACCEPT],
      [`${path}?linkType=linkset`, {}],
      [`${path}?linkType=all`, JSON_ACCEPT],
    ] as const) {
      const res = await h.request(url, init);
      expect(res.status, url).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/linkset+json');
      const { linkset } = (await res.json()) as Linkset;
      expect(linkset).toHaveLength(1);
      const context = linkset[0]!;
      expect(context.anchor).toBe(`${TEST_ORIGIN}${path}`);
      expect(context.description).toBe('Tinh dầu hồi Văn Quan');
      const links = (type: string) => context[`${VOC}${type}`] as Link[];
      for (const type of ['defaultLink', 'pip', 'certificationInfo', 'traceability', 'verificationService']) {
        expect(links(type).length, type).toBeGreaterThan(0);
        for (const link of links(type)) {
          expect(link.href).toMatch(/^https:\/\/ocop\.example\.vn\//);
          expect(link.title.length).toBeGreaterThan(0);
        }
      }
      expect(links('pip')[0]!.href).toBe(`${TEST_ORIGIN}${path}`);
      expect(links('certificationInfo')[0]!.href).toBe(`${TEST_ORIGIN}/01/${GTIN14}/10/${LOT}#certificate`);
      const trace = links('traceability').map((l) => new URL(l.href));
      expect(trace.map((u) => u.pathname)).toEqual(['/api/v1/epcis/events', '/api/v1/epcis/events']);
      expect(trace[0]!.searchParams.get('MATCH_anyEPC')).toBe(`https://id.gs1.org/01/${GTIN14}/21/${valid.serial}`);
      expect(trace[1]!.searchParams.get('MATCH_epcClass')).toBe(`https://id.gs1.org/01/${GTIN14}/10/${LOT}`);
      expect(links('verificationService').map((l) => l.href)).toContain(`${TEST_ORIGIN}/api/v1/verify`);
    }
    // The Link header of the page names the linkset, which answers.
    const header = (await h.request(`/01/${GTIN13}/10/${LOT}`)).headers.get('link')!;
    const target = /<([^>]+)>; rel="linkset"; type="application\/linkset\+json"/.exec(header)![1]!;
    expect(target).toBe(`${TEST_ORIGIN}/01/${GTIN14}/10/${LOT}?linkType=linkset`);
    expect((await h.request(new URL(target).pathname + new URL(target).search)).status).toBe(200);
    // The certificate link answers, with the live status in it.
    const certificate = (await info(`/01/${GTIN14}/10/${LOT}`)).certificate!;
    expect(certificate.status).toBe('valid');
  });

  it('redirects (307) to the link of ?linkType=, handing the query on to its own pages', async () => {
    const path = `/01/${GTIN14}/10/${LOT}`;
    const location = async (query: string) => {
      const res = await h.request(`${path}?${query}`);
      expect(res.status, query).toBe(307);
      return res.headers.get('location')!;
    };
    expect(await location('linkType=gs1:pip')).toBe(`${TEST_ORIGIN}${path}`);
    expect(await location('linkType=gs1:pip&lang=en')).toBe(`${TEST_ORIGIN}${path}?lang=en`);
    expect(await location('linkType=https%3A%2F%2Fgs1.org%2Fvoc%2FcertificationInfo')).toBe(
      `${TEST_ORIGIN}${path}#certificate`,
    );
    expect(new URL(await location('linkType=gs1:traceability')).searchParams.get('MATCH_epcClass')).toBe(
      `https://id.gs1.org${path}`,
    );
    expect(await location('linkType=gs1:verificationService')).toBe(`${TEST_ORIGIN}/api/v1/verify`);
    expect(await location('linkType=gs1:recipeInfo')).toBe(`${TEST_ORIGIN}${path}`); // not served here: the default link
    const stamp = new URL(valid.digitalLink!).searchParams.get('stamp')!;
    expect(await location(`linkType=gs1:pip&stamp=${stamp}`)).toBe(`${TEST_ORIGIN}${path}?stamp=${stamp}`);
    expect((await h.request('/01/04006381333900?linkType=gs1:pip')).status).toBe(404);
  });

  it('describes itself at /.well-known/gs1resolver and answers CORS on it and on the resolver', async () => {
    const res = await h.request('/.well-known/gs1resolver', { headers: { origin: 'https://app.example' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const description = (await res.json()) as Record<string, unknown>;
    expect(description).toEqual({
      name: expect.any(String),
      resolverRoot: TEST_ORIGIN,
      supportedPrimaryKeys: ['01'],
      supportedLinkType: [{ namespace: VOC, prefix: 'gs1:' }],
      linkTypeDefaultCanBeLinkset: false,
      supportedContextValuesEnumerated: [],
      jsonLdContextLocation: 'https://ref.gs1.org/standards/resolver/linkset-context',
    });
    const pre = await h.request(`/01/${GTIN14}`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://app.example',
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'accept',
      },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('*');
    const get = await h.request(`/01/${GTIN14}`, {
      headers: { origin: 'https://app.example', accept: 'application/linkset+json' },
    });
    expect(get.headers.get('access-control-allow-origin')).toBe('*');
    expect(get.headers.get('access-control-expose-headers')!.toLowerCase()).toContain('link');
    const head = await h.request(`/01/${GTIN14}`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('publishes a description file and linksets that hold to the GS1 resolver schemas', async () => {
    const description = await (await h.request('/.well-known/gs1resolver')).json();
    expect(validDescription(description), JSON.stringify(validDescription.errors)).toBe(true);
    for (const path of [
      `/01/${GTIN14}`,
      `/01/${GTIN14}/10/${LOT}`,
      `/01/${GTIN14}/21/${valid.serial}`,
      `/01/${GTIN13}/10/${LOT}/21/${valid.serial}`,
    ]) {
      const linkset = await (await h.request(path, LINKSET_ACCEPT)).json();
      expect(validLinkset(linkset), `${path}: ${JSON.stringify(validLinkset.errors)}`).toBe(true);
    }
    // The schemas can fail: a linkset without hrefs and a description without its root do.
    expect(validLinkset({ linkset: [{ anchor: TEST_ORIGIN, [`${VOC}pip`]: [{ title: 'x' }] }] })).toBe(false);
    expect(validDescription({ supportedPrimaryKeys: ['gtin'] })).toBe(false);
  });

  it('produces Digital Links that digital-link.js reads as valid, each resolving here: verdicts, linksets, Link headers, EPCIS identifiers', async () => {
    const revoked = (await (await h.request(`/api/v1/verify/${h.codes.revoked}`)).json()) as Verdict;
    const produced = [valid.digitalLink!, revoked.digitalLink!];
    for (const path of [`/01/${GTIN14}/10/${LOT}/21/${valid.serial}`, `/01/${GTIN13}/21/${valid.serial}`]) {
      const res = await h.request(path, LINKSET_ACCEPT);
      const context = ((await res.json()) as Linkset).linkset[0]!;
      produced.push(context.anchor as string, ...(context[`${VOC}pip`] as Link[]).map((l) => l.href));
      produced.push(/<([^>]+)>; rel="linkset"/.exec(res.headers.get('link')!)![1]!);
    }
    // What the EPCIS export names: the lot class, and stamps by GTIN and serial (`/01/{gtin}/21/{serial}`).
    const epcis = JSON.stringify(await exportBatchEpcis({ ctx: h.ctx(ADMIN), input: { batchId: valid.batchId! } }));
    const epcisIds = [...new Set(epcis.match(/https:\/\/id\.gs1\.org\/01\/[^"\\]+/g) ?? [])];
    expect(epcisIds).toContain(`https://id.gs1.org/01/${GTIN14}/10/${LOT}`);
    produced.push(...epcisIds, `https://id.gs1.org/01/${GTIN14}/21/${valid.serial}`);

    for (const uri of produced) {
      const link = DigitalLink(uri);
      expect(link.isValid(), `${uri}: ${JSON.stringify(link.getValidationTrace().trace.at(-1))}`).toBe(true);
      expect(link.getIdentifier()['01']).toMatch(/^\d{14}$/);
      // The same identity on this service's origin: a page, the verdict (with ?stamp=) or the linkset, never an error.
      const here = new URL(uri);
      const res = await h.request(here.pathname + here.search, JSON_ACCEPT);
      expect(res.status, uri).toBe(200);
      const body = (await res.json()) as { status?: string; stampVerified?: boolean; linkset?: unknown };
      if (here.searchParams.has('stamp')) expect(body.status, uri).toMatch(/^(valid|revoked)$/);
      else expect(body.stampVerified ?? body.linkset, uri).toBeDefined();
    }
  });

  it('resolves Digital Links built with digital-link.js, from a GTIN-13 and in any qualifier form', async () => {
    const serial = String(valid.serial);
    const stamp = new URL(valid.digitalLink!).searchParams.get('stamp')!;
    const build = (
      keyQualifiers: Record<string, string>,
      extra: { attributes?: Record<string, string>; linkType?: string } = {},
    ) => {
      const link = DigitalLink({
        domain: TEST_ORIGIN,
        identifier: { '01': GTIN13 },
        keyQualifiers,
        sortKeyQualifiers: true,
        ...extra,
      });
      expect(link.isValid(), link.toWebUriString()).toBe(true);
      const url = new URL(link.toWebUriString());
      return url.pathname + url.search;
    };
    const lotAndSerial = build({ '21': serial, '10': LOT });
    expect(lotAndSerial).toBe(`/01/${GTIN14}/10/${LOT}/21/${serial}`);
    for (const path of [lotAndSerial, build({ '10': LOT }), build({ '21': serial }), build({})]) {
      const res = await h.request(path);
      expect(res.status, path).toBe(200);
      expect(await res.text()).toContain('Thông tin sản phẩm, chưa xác thực tem');
    }
    const stamped = await h.request(build({ '10': LOT, '21': serial }, { attributes: { stamp } }), JSON_ACCEPT);
    expect(((await stamped.json()) as Verdict).status).toBe('valid');
    const redirected = await h.request(build({ '10': LOT }, { linkType: 'gs1:certificationInfo' }));
    expect(redirected.status).toBe(307);
    expect(redirected.headers.get('location')).toBe(`${TEST_ORIGIN}/01/${GTIN14}/10/${LOT}#certificate`);
    const linkset = await h.request(build({ '10': LOT }, { linkType: 'linkset' }));
    expect(linkset.headers.get('content-type')).toBe('application/linkset+json');
  });
});
