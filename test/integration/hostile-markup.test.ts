import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { passkeys, people } from '../../src/db/schema';
import { personActor, sessionCookieValue, startSession } from '../../src/services/auth/sessions';
import { recordIntake } from '../../src/services/intake/record-intake';
import { createApiToken } from '../../src/services/tokens/create-token';
import type { Role } from '../../src/services/shared/policy';
import { ADMIN, DATABASE_KINDS, json, openHarness, type Harness } from '../support/harness';

/**
 * Stored HTML injection: markup typed into any free-text field is shown as text on every page,
 * to every role. Each payload is paired with the escaped form the page must show, so a page that
 * dropped the value would fail as surely as one that echoed it raw.
 */
const PAYLOADS = {
  meta: [
    '<meta http-equiv=refresh content="0;url=https://evil.example">',
    '&lt;meta http-equiv=refresh content=&quot;0;url=https://evil.example&quot;&gt;',
  ],
  form: [
    '"><form action="/console/people/invite">',
    '&quot;&gt;&lt;form action=&quot;/console/people/invite&quot;&gt;',
  ],
  title: ['</title><b>x</b>', '&lt;/title&gt;&lt;b&gt;x&lt;/b&gt;'],
  script: ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
} as const;
const RAW_MARKERS = [
  '<meta http-equiv=refresh',
  '<form action="/console/people/invite"',
  '</title><b>',
  '<script>alert',
];
const hostile = (prefix: string, kind: keyof typeof PAYLOADS) => ({
  raw: `${prefix} ${PAYLOADS[kind][0]}`,
  shown: `${prefix} ${PAYLOADS[kind][1]}`,
});

const V = {
  subject: hostile('HTX Mẫu Sơn', 'meta'),
  address: hostile('Thôn Bản Vàng', 'form'),
  registration: hostile('MST', 'script'),
  product: hostile('Chè Shan', 'title'),
  area: hostile('Vùng chè', 'script'),
  standard: hostile('VietGAP', 'form'),
  certificate: hostile('OCOP-LS', 'title'),
  issuer: hostile('UBND tỉnh', 'meta'),
  decision: hostile('15/QĐ', 'form'),
  person: hostile('Trần Bình', 'form'),
  passkey: hostile('Khóa', 'script'),
  token: hostile('Máy quét', 'meta'),
  details: hostile('Tem lạ', 'script'),
  place: hostile('Chợ Kỳ Lừa', 'title'),
  contact: hostile('0912', 'form'),
  agency: hostile('Chi cục', 'title'),
  findings: hostile('Phát hiện', 'meta'),
  posA: hostile('Kho A', 'form'),
  posB: hostile('Quầy B', 'script'),
  flag: hostile('Hết hạn', 'meta'),
  reason: hostile('Nghi giả', 'script'),
  basis: hostile('Biên bản', 'title'),
  decidedBy: hostile('Chi cục QLCL', 'form'),
  query: hostile('tìm', 'script'),
};

/** The page holds no payload as markup, and shows each given value as text. */
function expectEscaped(page: string, ...shown: { shown: string }[]) {
  for (const marker of RAW_MARKERS) expect(page).not.toContain(marker);
  for (const value of shown) expect(page).toContain(value.shown);
}

describe.each(DATABASE_KINDS)('hostile markup in stored text on %s', (kind) => {
  let h: Harness;
  const sessions: Record<string, { cookie: string; csrf: string }> = {};
  const ids: Record<'subject' | 'area' | 'product' | 'certificate' | 'batch' | 'job', string> = {
    subject: '',
    area: '',
    product: '',
    certificate: '',
    batch: '',
    job: '',
  };
  let stamp = '';

  const as = async (who: string, role: Role, scope: { provinceCode?: string; subjectId?: string }, name = who) => {
    const [person] = await h.db
      .insert(people)
      .values({
        id: crypto.randomUUID(),
        name,
        role,
        provinceCode: scope.provinceCode ?? null,
        subjectId: scope.subjectId ?? null,
      })
      .returning();
    const session = await startSession(h.ctx(personActor(person!)), person!);
    sessions[who] = {
      cookie: `ocop_session=${await sessionCookieValue(h.ctx(ADMIN), session.id)}`,
      csrf: session.csrfToken,
    };
    return person!;
  };
  const get = async (who: string | null, path: string) => {
    const res = await h.request(path, who ? { headers: { cookie: sessions[who]!.cookie } } : undefined);
    expect(res.status, path).toBe(200);
    return res.text();
  };
  const post = (who: string | null, path: string, form: Record<string, string>) =>
    h.request(path, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        ...(who ? { cookie: sessions[who]!.cookie } : {}),
      },
      body: new URLSearchParams({ ...form, ...(who ? { _csrf: sessions[who]!.csrf } : {}) }).toString(),
    });
  const api = async (path: string, body: unknown, token: string) => {
    const res = await h.request(path, json(body, token));
    expect(res.status, `${path}: ${await res.clone().text()}`).toBeLessThan(300);
    return (await res.json()) as { id: string } & Record<string, unknown>;
  };

  beforeAll(async () => {
    h = await openHarness(kind);
    const authority = await h.token('authority', { provinceCode: '20' });
    ids.subject = (
      await api(
        '/api/v1/subjects',
        {
          kind: 'htx',
          name: V.subject.raw,
          registrationNumber: V.registration.raw,
          provinceCode: '20',
          addressAsIssued: V.address.raw,
        },
        authority,
      )
    ).id;
    ids.area = (
      await api(
        '/api/v1/raw-material-areas',
        {
          subjectId: ids.subject,
          kind: 'growing_area',
          name: V.area.raw,
          provinceCode: '20',
          standards: [{ name: V.standard.raw, expiresOn: '2027-12-31' }],
        },
        authority,
      )
    ).id;
    ids.product = (
      await api(
        '/api/v1/products',
        { subjectId: ids.subject, name: V.product.raw, groupCode: '1', subgroupCode: '1.5' },
        authority,
      )
    ).id;
    // Decided 36 months before mid-December 2026: valid today, and on the renewal list.
    ids.certificate = (
      await api(
        '/api/v1/certificates',
        {
          productId: ids.product,
          number: V.certificate.raw,
          score: 75,
          stars: 4,
          issuerName: V.issuer.raw,
          issuerLevel: 'province',
          decisionNumber: V.decision.raw,
          decisionDate: '2023-12-10',
        },
        authority,
      )
    ).id;
    const producer = await h.token('producer', { subjectId: ids.subject });
    ids.batch = (
      await api(
        '/api/v1/batches',
        { productId: ids.product, lot: 'MS-2611', productionDate: '2026-11-01', quantity: 500, areaIds: [ids.area] },
        producer,
      )
    ).id;
    const issued = (await api(
      `/api/v1/batches/${ids.batch}/stamps`,
      { quantity: 2, idempotencyKey: 'hostile-markup-1' },
      producer,
    )) as unknown as { firstPage: { stamps: { url: string }[] } };
    stamp = new URL(issued.firstPage.stamps[0]!.url).pathname.slice(3);

    await as('authority', 'authority', { provinceCode: '20' }, V.person.raw);
    await as('producer', 'producer', { provinceCode: '20', subjectId: ids.subject });
    await as('inspector', 'inspector', { provinceCode: '20' });
    await as('admin', 'admin', {});
    const shopA = await as('shopA', 'retailer', { provinceCode: '20' });
    const shopB = await as('shopB', 'retailer', { provinceCode: '79' });
    // Two shops receiving the same stamp: a suspected copy.
    await recordIntake(h.ctx(personActor(shopA)), {
      sessionId: 'hostile-a-001',
      pointOfSale: V.posA.raw,
      items: [{ code: stamp }],
    });
    await recordIntake(h.ctx(personActor(shopB)), {
      sessionId: 'hostile-b-001',
      pointOfSale: V.posB.raw,
      items: [{ code: stamp }],
    });
    await api(
      '/api/v1/inspections',
      {
        scope: 'product',
        productId: ids.product,
        inspectedOn: '2026-11-20',
        agency: V.agency.raw,
        findings: V.findings.raw,
        result: 'pass',
      },
      await h.token('inspector', { provinceCode: '20' }),
    );
    await createApiToken({
      ctx: h.ctx(ADMIN),
      input: { name: V.token.raw, role: 'retailer', provinceCode: '20', subjectId: null, expiresAt: null },
    });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('refuses markup outright where a field has a fixed alphabet (lot, area code)', async () => {
    const producer = await h.token('producer', { subjectId: ids.subject });
    const lot = await h.request(
      '/api/v1/batches',
      json({ productId: ids.product, lot: PAYLOADS.script[0], productionDate: '2026-11-01', quantity: 5 }, producer),
    );
    expect(lot.status).toBe(400);
    const area = await h.request(
      '/api/v1/raw-material-areas',
      json(
        { subjectId: ids.subject, kind: 'other', name: 'x', officialCode: PAYLOADS.title[0], provinceCode: '20' },
        await h.token('authority', { provinceCode: '20' }),
      ),
    );
    expect(area.status).toBe(400);
  });

  it('shows registry names as text on every list, edit and new page, and in the title', async () => {
    expectEscaped(await get('authority', '/console'), V.person);
    expect(await get('authority', '/console')).toContain(`<title>Xin chào, ${V.person.shown} · OCOP</title>`);
    expectEscaped(await get('authority', '/console/subjects'), V.subject, V.registration, V.person);
    expectEscaped(await get('authority', `/console/subjects?q=${encodeURIComponent(V.query.raw)}`), V.query);
    expectEscaped(
      await get('authority', `/console/subjects/${ids.subject}/edit`),
      V.subject,
      V.address,
      V.registration,
    );
    expectEscaped(await get('authority', '/console/areas'), V.area);
    expectEscaped(await get('authority', `/console/areas/${ids.area}/edit`), V.area);
    expectEscaped(await get('authority', '/console/products'), V.product);
    expectEscaped(await get('authority', `/console/products/${ids.product}/edit`), V.product);
    expectEscaped(await get('authority', '/console/certificates'), V.certificate);
    expectEscaped(await get('authority', '/console/certificates/new'), V.product);
    expectEscaped(await get('authority', '/console/batches/new'), V.product, V.area);
    expectEscaped(await get('authority', '/console/expiring'), V.product, V.subject, V.certificate);
    expectEscaped(await get('authority', '/console/people'), V.person);
  });

  it('shows them as text on the producer’s print pages and in the sheet preview', async () => {
    const created = await post('producer', '/console/print', {
      batch: ids.batch,
      template: 'a4-3x8-70x37',
      quantity: '3',
      idempotencyKey: 'hostile-print-1',
    });
    expect(created.status).toBe(303);
    ids.job = created.headers.get('location')!.split('/').at(-1)!;
    expectEscaped(await get('producer', '/console/print'), V.product);
    expectEscaped(await get('producer', `/console/print/jobs/${ids.job}`), V.product);
    const preview = await post('producer', '/console/print/preview', { batch: ids.batch, template: 'a4-3x8-70x37' });
    expect(preview.status).toBe(200);
    // The producer's long name wraps into the label's two lines there: its first words, escaped.
    const sheet = await preview.text();
    expectEscaped(sheet, V.product);
    expect(sheet).toContain('HTX Mẫu Sơn &lt;meta');
    expectEscaped(await get('producer', '/console/batches'));
  });

  it('shows points of sale to the retailer and the copied stamp’s names to the inspector as text', async () => {
    expectEscaped(await get('shopA', '/console/intake/'), V.posA);
    expectEscaped(await get('shopB', '/console/intake/?lang=en'), V.posB);
    expectEscaped(await get('inspector', '/console/suspicious'), V.product, V.subject);
    expectEscaped(
      await get(null, `/S/${stamp}`),
      V.subject,
      V.address,
      V.product,
      V.area,
      V.standard,
      V.certificate,
      V.issuer,
      V.decision,
    );
  });

  it('shows a consumer’s report as text: echoed on a refused form, then in the queue', async () => {
    const report = {
      problem: 'counterfeit',
      details: V.details.raw,
      placeOfPurchase: V.place.raw,
      contact: V.contact.raw,
    };
    const refused = await post(null, `/S/${stamp}/report`, { ...report, purchaseProvinceCode: '99' });
    expect(refused.status).toBe(400);
    expectEscaped(await refused.text(), V.details, V.place, V.contact, V.product);
    const filed = await post(null, `/S/${stamp}/report?lang=en`, report);
    expect(filed.status).toBe(201);
    expectEscaped(await filed.text());
    expectEscaped(await get('inspector', '/console/reports'), V.details, V.place, V.contact);
  });

  it('shows people, passkeys and tokens as text to admins, and echoes a refused invitation as text', async () => {
    const invited = await post('admin', '/console/people/invite', {
      name: V.person.raw,
      role: 'retailer',
      provinceCode: '20',
    });
    expect(invited.status).toBe(200);
    expectEscaped(await invited.text(), V.person);
    const refused = await post('admin', '/console/people/invite', {
      name: V.person.raw,
      role: 'emperor',
      provinceCode: '20',
    });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain(`value="${V.person.shown}"`);
    expectEscaped(await get('admin', '/console/people'), V.person);
    expectEscaped(await get('admin', '/console/tokens'), V.token);
    expectEscaped(
      await get(
        'admin',
        `/console/audit?action=${encodeURIComponent(V.query.raw)}&actor=${encodeURIComponent(V.query.raw)}`,
      ),
      V.query,
    );
    await h.db.insert(passkeys).values({
      id: `hostile-${kind}`,
      personId: (await h.db.select().from(people)).find((p) => p.name === V.person.raw)!.id,
      name: V.passkey.raw,
      publicKey: 'x',
      counter: 0,
    });
    expectEscaped(await get('authority', '/console/passkeys'), V.passkey, V.person);
    expectEscaped(await get(null, '/enroll'));
    expectEscaped(await get(null, '/console/sign-in'));
  });

  it('shows the dossier, search and decisions as text, and the stamp’s page with the decision', async () => {
    expectEscaped(await get('inspector', `/console/inspect?q=${encodeURIComponent(V.query.raw)}`), V.query);
    expectEscaped(
      await get('inspector', `/console/inspect?q=${encodeURIComponent('Chè Shan')}`),
      V.product,
      V.subject,
      V.agency,
    );
    const flagged = await post('inspector', `/console/inspect/areas/${ids.area}/flags`, {
      productId: ids.product,
      standard: V.standard.raw,
      flaggedOn: '2026-11-21',
      reason: V.flag.raw,
    });
    expect(flagged.status).toBe(303);
    const suspended = await post('inspector', `/console/inspect/certificates/${ids.certificate}/status`, {
      action: 'suspend',
      effectiveOn: '2026-11-22',
      reason: V.reason.raw,
      basis: V.basis.raw,
      decidedBy: V.decidedBy.raw,
    });
    expect(suspended.status).toBe(303);
    const dossier = await get('inspector', `/console/inspect/products/${ids.product}`);
    expectEscaped(
      dossier,
      V.product,
      V.subject,
      V.certificate,
      V.issuer,
      V.decision,
      V.area,
      V.standard,
      V.flag,
      V.agency,
      V.findings,
      V.details,
      V.reason,
      V.basis,
    );
    expect(dossier).toContain(`<title>${V.product.shown} – ${V.subject.shown} · OCOP</title>`);
    const page = await get(null, `/S/${stamp}?lang=en`);
    expect(page).toContain('data-status="suspended"');
    expectEscaped(page, V.reason, V.basis, V.flag, V.subject, V.product);
  });
});
