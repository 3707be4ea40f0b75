import { count, is } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as schema from '../../src/db/schema';
import { people } from '../../src/db/schema';
import { NOT_PLAIN_TEXT_MESSAGE } from '../../src/domain/plain-text';
import { personActor, sessionCookieValue, startSession } from '../../src/services/auth/sessions';
import type { Verdict } from '../../src/services/verification/verdict-types';
import { ADMIN, DATABASE_KINDS, json, openHarness, type Harness } from '../support/harness';

type Body = Record<string, unknown>;
type Endpoint = {
  name: string;
  method: string;
  path: () => string;
  token: () => string | undefined;
  body: () => Body;
  fields: (string | number)[][];
  /** Its fields have a pattern (a lot number) that already refuses any bad character, with its own message. */
  patterned?: true;
};
type ErrorAnswer = { error: { code: string; fields?: { path: string; message: string }[] } };

const BAD = fc.constantFrom('\0', '\uD800', '\uDBFF', '\uDC00', '\uDFFF');
/** Otherwise valid free text (long enough, short enough) with one NUL or lone surrogate somewhere inside. */
const poisoned = (bad = BAD) =>
  fc
    .tuple(fc.string({ unit: 'grapheme', maxLength: 12 }), bad, fc.string({ unit: 'grapheme', maxLength: 12 }))
    .map(([a, b, c]) => `Nội dung ${a}${b}${c} cuối`);

function setAt(body: Body, path: (string | number)[], value: string): Body {
  const copy = structuredClone(body) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path.at(-1)!] = value;
  return copy as Body;
}

describe.each(DATABASE_KINDS)('text inputs with NUL bytes or lone surrogates on %s', (kind) => {
  let h: Harness;
  const tokens: Record<string, string> = {};
  let ids: { subject: string; product: string; batch: string; area: string };
  const code = () => h.codes.valid;

  /** Rows in every table: a refused request changes none of them. */
  const rowCounts = async () => {
    const tables = Object.entries(schema).filter(([, t]) => is(t, PgTable)) as [string, PgTable][];
    return Object.fromEntries(
      await Promise.all(
        tables.map(async ([name, t]) => [name, Number((await h.db.select({ n: count() }).from(t))[0]!.n)]),
      ),
    );
  };

  beforeAll(async () => {
    h = await openHarness(kind, { env: { REPORT_RATE_PER_MINUTE: '100000' } });
    const verdict = (await (await h.request(`/api/v1/verify/${h.codes.valid}`)).json()) as Verdict;
    tokens.authority = await h.token('authority', { provinceCode: verdict.subject!.provinceCode });
    tokens.producer = await h.token('producer', { subjectId: verdict.subjectId! });
    tokens.retailer = await h.token('retailer', { provinceCode: verdict.subject!.provinceCode });
    tokens.inspector = await h.token('inspector', { provinceCode: verdict.subject!.provinceCode });
    tokens.admin = await h.token('admin');
    const area = await h.request(
      '/api/v1/raw-material-areas',
      json(
        {
          subjectId: verdict.subjectId,
          kind: 'growing_area',
          name: 'Vùng thử',
          provinceCode: verdict.subject!.provinceCode,
          standards: [],
        },
        tokens.authority,
      ),
    );
    ids = {
      subject: verdict.subjectId!,
      product: verdict.productId!,
      batch: verdict.batchId!,
      area: ((await area.json()) as { id: string }).id,
    };
  });
  afterAll(async () => {
    await h?.close();
  });

  let unique = 0;
  const next = () => `${kind}-${unique++}`;
  const ENDPOINTS: Endpoint[] = [
    {
      name: 'create subject',
      method: 'POST',
      path: () => '/api/v1/subjects',
      token: () => tokens.authority,
      fields: [['name'], ['registrationNumber'], ['addressAsIssued']],
      body: () => ({
        kind: 'htx',
        name: 'HTX thử',
        registrationNumber: `R-${next()}`,
        provinceCode: '20',
        addressAsIssued: 'Lạng Sơn',
      }),
    },
    {
      name: 'edit subject',
      method: 'PATCH',
      path: () => `/api/v1/subjects/${ids.subject}`,
      token: () => tokens.authority,
      fields: [['name'], ['addressAsIssued']],
      body: () => ({ name: 'HTX Văn Quan Xanh', addressAsIssued: 'Văn Quan, Lạng Sơn' }),
    },
    {
      name: 'create product',
      method: 'POST',
      path: () => '/api/v1/products',
      token: () => tokens.authority,
      fields: [['name']],
      body: () => ({ subjectId: ids.subject, name: 'Sản phẩm thử', groupCode: '1', subgroupCode: '1.1' }),
    },
    {
      name: 'edit product',
      method: 'PATCH',
      path: () => `/api/v1/products/${ids.product}`,
      token: () => tokens.authority,
      fields: [['name']],
      body: () => ({ name: 'Tinh dầu hồi Văn Quan' }),
    },
    {
      name: 'create area',
      method: 'POST',
      path: () => '/api/v1/raw-material-areas',
      token: () => tokens.authority,
      fields: [['name'], ['standards', 0, 'name'], ['standards', 0, 'certificateNumber'], ['geojson', 'type']],
      body: () => ({
        subjectId: ids.subject,
        kind: 'growing_area',
        name: 'Vùng mới',
        provinceCode: '20',
        geojson: { type: 'Point', coordinates: [106.5, 21.9] },
        standards: [{ name: 'VietGAP', certificateNumber: 'VG-1', expiresOn: '2027-12-31' }],
      }),
    },
    {
      name: 'edit area',
      method: 'PATCH',
      path: () => `/api/v1/raw-material-areas/${ids.area}`,
      token: () => tokens.authority,
      fields: [['name']],
      body: () => ({ name: 'Vùng thử đã sửa' }),
    },
    {
      name: 'create batch',
      method: 'POST',
      path: () => '/api/v1/batches',
      token: () => tokens.producer,
      fields: [['lot']],
      patterned: true,
      body: () => ({ productId: ids.product, lot: `L${unique++}`, productionDate: '2026-11-01', quantity: 10 }),
    },
    {
      name: 'edit batch',
      method: 'PATCH',
      path: () => `/api/v1/batches/${ids.batch}`,
      token: () => tokens.producer,
      fields: [['lot']],
      patterned: true,
      body: () => ({ lot: `L${unique++}` }),
    },
    {
      name: 'report',
      method: 'POST',
      path: () => '/api/v1/reports',
      token: () => undefined,
      fields: [['details'], ['placeOfPurchase'], ['contact'], ['code']],
      body: () => ({
        code: code(),
        problem: 'counterfeit',
        details: 'Tem có vẻ bị in lại',
        placeOfPurchase: 'Chợ Đông Kinh',
        contact: '0912345678',
      }),
    },
    {
      name: 'intake',
      method: 'POST',
      path: () => '/api/v1/intakes',
      token: () => tokens.retailer,
      fields: [['pointOfSale'], ['items', 0, 'code']],
      body: () => ({ sessionId: `session-${next()}`, pointOfSale: 'Quầy 1', items: [{ code: code() }] }),
    },
    {
      name: 'bulk verify and record',
      method: 'POST',
      path: () => '/api/v1/verify',
      token: () => tokens.retailer,
      fields: [
        ['record', 'pointOfSale'],
        ['codes', 0],
      ],
      body: () => ({ codes: [code()], record: { sessionId: `session-${next()}`, pointOfSale: 'Quầy 2' } }),
    },
    {
      name: 'inspection',
      method: 'POST',
      path: () => '/api/v1/inspections',
      token: () => tokens.inspector,
      fields: [
        ['agency'],
        ['findings'],
        ['samples', 0, 'code'],
        ['samples', 0, 'description'],
        ['attachments', 0, 'name'],
      ],
      body: () => ({
        scope: 'product',
        productId: ids.product,
        inspectedOn: '2026-11-20',
        agency: 'Chi cục QLCL Lạng Sơn',
        findings: 'Đạt yêu cầu',
        samples: [{ code: 'M1', description: 'Mẫu tinh dầu' }],
        result: 'pass',
        attachments: [{ name: 'Biên bản', url: 'https://example.vn/bb.pdf' }],
      }),
    },
    {
      name: 'enrolment',
      method: 'POST',
      path: () => '/api/v1/enrolments',
      token: () => tokens.admin,
      fields: [['name']],
      body: () => ({ name: `Người ${next()}`, role: 'retailer', provinceCode: '20' }),
    },
  ];

  it('refuses a NUL or lone surrogate in any field with 400 and the field, never a 5xx, and changes nothing', async () => {
    const before = await rowCounts();
    for (const endpoint of ENDPOINTS) {
      const cases = fc.sample(fc.tuple(fc.constantFrom(...endpoint.fields), poisoned()), {
        numRuns: 12,
        seed: 20261123,
      });
      for (const [field, value] of cases) {
        const res = await h.request(endpoint.path(), {
          ...json(setAt(endpoint.body(), field, value), endpoint.token()),
          method: endpoint.method,
        });
        const label = `${endpoint.name} ${field.join('.')} ${JSON.stringify(value)}`;
        expect(res.status, label).toBe(400);
        const { error } = (await res.json()) as ErrorAnswer;
        expect(error.code, label).toBe('invalid_input');
        if (endpoint.patterned)
          expect(
            error.fields?.map((f) => f.path),
            label,
          ).toContain(field.join('.'));
        else expect(error.fields, label).toContainEqual({ path: field.join('.'), message: NOT_PLAIN_TEXT_MESSAGE });
      }
    }
    // A bad key inside free-form JSON (an area's GeoJSON) is refused the same way.
    const area = ENDPOINTS.find((e) => e.name === 'create area')!;
    const res = await h.request(
      area.path(),
      json({ ...area.body(), geojson: { type: 'Point', 'x\0': 1 } }, area.token()),
    );
    expect(res.status).toBe(400);
    expect(await rowCounts()).toEqual(before);
  }, 300_000);

  it('refuses a NUL in search and audit filters, in a path, and in a form posted to the consumer page', async () => {
    const before = await rowCounts();
    const nul = poisoned(fc.constant('\0'));
    const gets: [string, string, string][] = fc.sample(nul, { numRuns: 6, seed: 7 }).flatMap((value) => [
      [`/api/v1/search?${new URLSearchParams({ q: value })}`, tokens.inspector!, 'q'],
      [`/api/v1/audit?${new URLSearchParams({ action: value })}`, tokens.admin!, 'action'],
      [`/api/v1/audit?${new URLSearchParams({ entity: 'batch', actor: value })}`, tokens.admin!, 'actor'],
      [`/api/v1/verify/${encodeURIComponent(value)}`, tokens.retailer!, 'code'],
    ]);
    for (const [path, token, field] of gets) {
      const res = await h.request(path, { headers: { authorization: `Bearer ${token}` } });
      expect(res.status, path).toBe(400);
      expect(((await res.json()) as ErrorAnswer).error.fields).toContainEqual({
        path: field,
        message: NOT_PLAIN_TEXT_MESSAGE,
      });
    }
    for (const value of fc.sample(nul, { numRuns: 6, seed: 8 })) {
      const res = await h.request(`/S/${code()}/report`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ problem: 'quality', details: value }).toString(),
      });
      expect(res.status).toBe(400);
      expect(await res.text()).toContain(NOT_PLAIN_TEXT_MESSAGE);
    }
    expect(await rowCounts()).toEqual(before);
  }, 120_000);

  it('re-renders a console form with the field error', async () => {
    const [person] = await h.db
      .insert(people)
      .values({ id: crypto.randomUUID(), name: 'Quản trị', role: 'admin', provinceCode: null, subjectId: null })
      .returning();
    const session = await startSession(h.ctx(personActor(person!)), person!);
    const cookie = `ocop_session=${await sessionCookieValue(h.ctx(ADMIN), session.id)}`;
    const before = await rowCounts();
    for (const value of fc.sample(poisoned(fc.constant('\0')), { numRuns: 4, seed: 9 })) {
      const res = await h.request('/console/subjects', {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          kind: 'htx',
          name: value,
          registrationNumber: `R-${next()}`,
          provinceCode: '20',
          addressAsIssued: 'Lạng Sơn',
          _csrf: session.csrfToken,
        }).toString(),
      });
      expect(res.status).toBe(400);
      const page = await res.text();
      expect(page).toContain(NOT_PLAIN_TEXT_MESSAGE);
      expect(page).toContain('<form');
    }
    expect(await rowCounts()).toEqual(before);
  });

  it('answers a NUL that reaches the database unvalidated (console query strings, paths, a note) with 400, never a 5xx', async () => {
    const as = async (role: 'admin' | 'inspector') => {
      const [person] = await h.db
        .insert(people)
        .values({
          id: crypto.randomUUID(),
          name: role,
          role,
          provinceCode: role === 'admin' ? null : '20',
          subjectId: null,
        })
        .returning();
      const session = await startSession(h.ctx(personActor(person!)), person!);
      return { cookie: `ocop_session=${await sessionCookieValue(h.ctx(ADMIN), session.id)}`, csrf: session.csrfToken };
    };
    const admin = await as('admin');
    const inspector = await as('inspector');
    const report = (await (
      await h.request('/api/v1/reports', json({ code: code(), problem: 'label', details: 'Nhãn in mờ, sai ngày' }))
    ).json()) as { id: string };
    const before = await rowCounts();
    const audit = await h.request(`/console/audit?${new URLSearchParams({ action: 'batch\0recall' })}`, {
      headers: { cookie: admin.cookie },
    });
    expect(audit.status).toBe(400);
    expect(((await audit.json()) as ErrorAnswer).error.code).toBe('invalid_input');
    const close = await h.request(`/console/reports/${report.id}/close`, {
      method: 'POST',
      headers: { cookie: inspector.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ note: 'Đã\0xử lý', _csrf: inspector.csrf }).toString(),
    });
    expect(close.status).toBe(400);
    expect(
      (await h.request('/console/inspect/products/%00', { headers: { cookie: inspector.cookie } })).status,
    ).toBeLessThan(500);
    expect(await rowCounts()).toEqual(before);
  });

  it('accepts the same requests without the bad characters (the bodies above are valid)', async () => {
    for (const endpoint of ENDPOINTS) {
      const res = await h.request(endpoint.path(), {
        ...json(endpoint.body(), endpoint.token()),
        method: endpoint.method,
      });
      expect(res.status, `${endpoint.name}: ${await res.clone().text()}`).toBeLessThan(300);
    }
  });
});
