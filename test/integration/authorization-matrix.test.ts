import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, people } from '../../src/db/schema';
import { SEED_ACTOR } from '../../src/seed/seed-demo';
import { personActor, sessionCookieValue, startSession } from '../../src/services/auth/sessions';
import { changeCertificateStatus } from '../../src/services/lifecycle/change-certificate-status';
import { recallBatch } from '../../src/services/lifecycle/recall-batch';
import { submitReport } from '../../src/services/reports/submit-report';
import { createBatch } from '../../src/services/registry/create-batch';
import { createCertificate } from '../../src/services/registry/create-certificate';
import { createProduct } from '../../src/services/registry/create-product';
import { createRawMaterialArea } from '../../src/services/registry/create-area';
import { createSubject } from '../../src/services/registry/create-subject';
import { rotateSigningKey } from '../../src/services/keys/rotate-signing-key';
import { registerOrganisation } from '../../src/services/points-of-sale/organisations';
import { registerPointOfSale } from '../../src/services/points-of-sale/points';
import { pruneScans } from '../../src/services/scans/prune-scans';
import { issueStamps } from '../../src/services/stamps/issue-stamps';
import { voidStamps } from '../../src/services/stamps/void-stamps';
import { AppError } from '../../src/services/shared/errors';
import { POLICY, type Action, type Actor, type Role } from '../../src/services/shared/policy';
import { createApiToken } from '../../src/services/tokens/create-token';
import { createEnrolment } from '../../src/services/auth/enrolment';
import { ADMIN, DATABASE_KINDS, openHarness, TEST_NOW, type Harness } from '../support/harness';

type Who = { name: string; role: Role | null; provinceCode: string | null; subject: 'A' | 'B' | null };
const PROVINCE_X = '20';
const PROVINCE_Y = '22';

/** The ten actors of the issue; producer A owns every record the requests touch. */
const ACTORS: Who[] = [
  { name: 'anonymous', role: null, provinceCode: null, subject: null },
  { name: 'producer A', role: 'producer', provinceCode: PROVINCE_X, subject: 'A' },
  { name: 'producer B', role: 'producer', provinceCode: PROVINCE_X, subject: 'B' },
  { name: 'retailer', role: 'retailer', provinceCode: PROVINCE_X, subject: null },
  { name: 'inspector X', role: 'inspector', provinceCode: PROVINCE_X, subject: null },
  { name: 'inspector Y', role: 'inspector', provinceCode: PROVINCE_Y, subject: null },
  { name: 'authority X', role: 'authority', provinceCode: PROVINCE_X, subject: null },
  { name: 'authority Y', role: 'authority', provinceCode: PROVINCE_Y, subject: null },
  { name: 'central authority', role: 'authority', provinceCode: null, subject: null },
  { name: 'admin', role: 'admin', provinceCode: null, subject: null },
];

/**
 * Straight from the policy table: anonymous is 401; a role not listed is 403; a listed role whose
 * reach misses the target is 404 when the target is a stored record (it answers as a missing id
 * would), 403 when the caller named the scope in its input; otherwise allowed.
 */
function expectedOutcome(who: Who, action: Action, scopedBy: 'record' | 'input' = 'record'): 'ok' | 401 | 403 | 404 {
  if (!who.role) return 401;
  const reach = (POLICY[action] as Partial<Record<Role, string>>)[who.role];
  if (!reach) return 403;
  const inReach =
    reach === 'any' ||
    (reach === 'own-subject' ? who.subject === 'A' : who.provinceCode === null || who.provinceCode === PROVINCE_X);
  return inReach ? 'ok' : scopedBy === 'record' ? 404 : 403;
}
const expectedAllowed = (who: Who, action: Action) => expectedOutcome(who, action) === 'ok';

describe.each(DATABASE_KINDS)('authorization matrix on %s', (kind) => {
  let h: Harness;
  const fixture: Record<string, string> = {};
  const sessions = new Map<string, { cookie: string; csrf: string; actor: Actor }>();
  let unique = 0;
  const next = () => `${Date.now().toString(36)}${unique++}`;

  /** A person of province X whom the people endpoints act on. */
  const insertPerson = async (role: Role, disabled: boolean) =>
    (
      await h.db
        .insert(people)
        .values({
          id: crypto.randomUUID(),
          name: `Người ${next()}`,
          role,
          provinceCode: PROVINCE_X,
          subjectId: null,
          disabledAt: disabled ? TEST_NOW : null,
        })
        .returning()
    )[0]!;
  const auditRows = async () => Number((await h.db.select({ n: count() }).from(auditLog))[0]!.n);

  beforeAll(async () => {
    h = await openHarness(kind, { seed: false });
    const seed = h.ctx(SEED_ACTOR);
    for (const subject of ['A', 'B']) {
      const s = await createSubject({
        ctx: seed,
        input: {
          kind: 'htx',
          name: `HTX ${subject}`,
          registrationNumber: `R-${subject}`,
          provinceCode: PROVINCE_X,
          addressAsIssued: 'Lạng Sơn',
        },
      });
      fixture[`subject${subject}`] = s.id;
    }
    fixture.area = (
      await createRawMaterialArea({
        ctx: seed,
        input: {
          subjectId: fixture.subjectA!,
          kind: 'growing_area',
          name: 'Vùng A',
          provinceCode: PROVINCE_X,
          standards: [],
        },
      })
    ).id;
    fixture.product = (
      await createProduct({
        ctx: seed,
        input: {
          subjectId: fixture.subjectA!,
          name: 'Sản phẩm A',
          taxonomyVersion: '2022',
          groupCode: '1',
          subgroupCode: '1.3',
        },
      })
    ).id;
    fixture.certificate = (
      await createCertificate({
        ctx: seed,
        input: {
          productId: fixture.product,
          number: 'C-A',
          score: 75,
          stars: 4,
          issuerName: 'UBND tỉnh Lạng Sơn',
          issuerLevel: 'province',
          decisionNumber: '1/QĐ',
          decisionDate: '2026-01-15',
        },
      })
    ).id;
    fixture.batch = (
      await createBatch({
        ctx: seed,
        input: {
          productId: fixture.product,
          lot: 'LOT-A',
          productionDate: '2026-11-01',
          quantity: 100_000,
          areaIds: [],
        },
      })
    ).id;
    const { range } = await issueStamps({
      ctx: seed,
      input: { batchId: fixture.batch, quantity: 1000, idempotencyKey: 'matrix-fixture' },
    });
    fixture.firstSerial = String(range.firstSerial);

    for (const who of ACTORS.filter((w) => w.role)) {
      const [person] = await h.db
        .insert(people)
        .values({
          id: crypto.randomUUID(),
          name: who.name,
          role: who.role!,
          provinceCode: who.provinceCode,
          subjectId: who.subject ? fixture[`subject${who.subject}`]! : null,
        })
        .returning();
      const session = await startSession(h.ctx(personActor(person!)), person!);
      sessions.set(who.name, {
        cookie: await sessionCookieValue(h.ctx(ADMIN), session.id),
        csrf: session.csrfToken,
        actor: personActor(person!, true),
      });
    }
  });
  afterAll(async () => {
    await h?.close();
  });

  const decision = () => ({
    effectiveOn: '2026-11-23',
    reason: 'hậu kiểm',
    basis: `QĐ-${next()}`,
    decidedBy: 'Sở NN&MT Lạng Sơn',
  });
  const freshCertificate = async () =>
    (
      await createCertificate({
        ctx: h.ctx(SEED_ACTOR),
        input: {
          productId: fixture.product!,
          number: `C-${next()}`,
          score: 75,
          stars: 4,
          issuerName: 'UBND tỉnh Lạng Sơn',
          issuerLevel: 'province',
          decisionNumber: next(),
          decisionDate: '2026-01-15',
        },
      })
    ).id;
  /** A retailer organisation of province X with one open point of sale, registered by the seed. */
  const retailFixture = async () => {
    const ctx = h.ctx(SEED_ACTOR);
    const org = await registerOrganisation({
      ctx,
      input: { name: `Cửa hàng ${next()}`, registrationNumber: next(), address: 'Lạng Sơn', provinceCode: PROVINCE_X },
    });
    const point = await registerPointOfSale({
      ctx,
      input: {
        organisationId: org.id,
        name: `Điểm bán ${next()}`,
        address: '1 Lê Lợi',
        communeCode: '06265',
        communeName: 'Phường Đông Kinh',
        openedOn: '2026-03-01',
      },
    });
    return { organisationId: org.id, pointId: point.id };
  };
  const freshBatch = async () =>
    (
      await createBatch({
        ctx: h.ctx(SEED_ACTOR),
        input: { productId: fixture.product!, lot: next(), productionDate: '2026-11-01', quantity: 5, areaIds: [] },
      })
    ).id;
  /** Puts the fixture certificate in the state the action starts from (the seed acts as the CLI would). */
  const setStatus = async (wanted: 'active' | 'suspended') => {
    const input = {
      ...decision(),
      certificateId: fixture.certificate!,
      action: wanted === 'active' ? ('reinstate' as const) : ('suspend' as const),
    };
    await changeCertificateStatus({ ctx: h.ctx(SEED_ACTOR), input }).catch(() => undefined);
  };

  /**
   * Every mutating HTTP endpoint, with the policy action it must obey and a fresh valid body.
   * `prepare` puts the records in the state the action starts from, before each actor tries.
   */
  const ENDPOINTS: {
    action: Action;
    method: string;
    path: () => string | Promise<string>;
    body: () => unknown;
    prepare?: () => Promise<void>;
    scopedBy?: 'input';
    contentType?: string;
  }[] = [
    {
      action: 'subject.create',
      scopedBy: 'input',
      method: 'POST',
      path: () => '/api/v1/subjects',
      body: () => ({
        kind: 'htx',
        name: `S ${next()}`,
        registrationNumber: next(),
        provinceCode: PROVINCE_X,
        addressAsIssued: 'x',
      }),
    },
    {
      action: 'subject.update',
      method: 'PATCH',
      path: () => `/api/v1/subjects/${fixture.subjectA}`,
      body: () => ({ name: `HTX A ${next()}` }),
    },
    {
      action: 'area.create',
      method: 'POST',
      path: () => '/api/v1/raw-material-areas',
      body: () => ({
        subjectId: fixture.subjectA,
        kind: 'growing_area',
        name: `V ${next()}`,
        provinceCode: PROVINCE_X,
      }),
    },
    {
      action: 'area.update',
      method: 'PATCH',
      path: () => `/api/v1/raw-material-areas/${fixture.area}`,
      body: () => ({ name: `Vùng ${next()}` }),
    },
    {
      action: 'product.create',
      method: 'POST',
      path: () => '/api/v1/products',
      body: () => ({ subjectId: fixture.subjectA, name: `P ${next()}`, groupCode: '1', subgroupCode: '1.3' }),
    },
    {
      action: 'product.update',
      method: 'PATCH',
      path: () => `/api/v1/products/${fixture.product}`,
      body: () => ({ name: `P ${next()}` }),
    },
    {
      action: 'certificate.create',
      method: 'POST',
      path: () => '/api/v1/certificates',
      body: () => ({
        productId: fixture.product,
        number: `C ${next()}`,
        score: 72,
        stars: 4,
        issuerName: 'UBND tỉnh',
        issuerLevel: 'province',
        decisionNumber: next(),
        decisionDate: '2026-02-01',
      }),
    },
    {
      action: 'target.set',
      scopedBy: 'input',
      method: 'PUT',
      path: () => '/api/v1/statistics/targets',
      body: () => ({ kind: 'new_products_by_year', value: 10 + unique++, year: 2030, province: PROVINCE_X }),
    },
    {
      action: 'certificate.import',
      scopedBy: 'input',
      method: 'POST',
      path: () => '/api/v1/imports/certificates',
      contentType: 'text/csv',
      body: () => {
        const n = next();
        return (
          `ten_chu_the,loai_chu_the,ma_so_dang_ky,dia_chi,ma_tinh,ten_san_pham,nhom,phan_nhom,diem,so_sao,so_chung_nhan,so_quyet_dinh,ngay_quyet_dinh,co_quan_cap\r\n` +
          `HTX ${n},htx,R-${n},Lạng Sơn,${PROVINCE_X},Sản phẩm ${n},1,1.3,72,4,C-${n},${n}/QĐ,01/02/2026,UBND tỉnh Lạng Sơn\r\n`
        );
      },
    },
    {
      action: 'batch.create',
      method: 'POST',
      path: () => '/api/v1/batches',
      body: () => ({ productId: fixture.product, lot: next(), productionDate: '2026-11-02', quantity: 10 }),
    },
    {
      action: 'batch.update',
      method: 'PATCH',
      path: () => `/api/v1/batches/${fixture.batch}`,
      body: () => ({ bestBefore: '2028-01-01' }),
    },
    {
      action: 'stamps.issue',
      method: 'POST',
      path: () => `/api/v1/batches/${fixture.batch}/stamps`,
      body: () => ({ quantity: 1, idempotencyKey: `key-${next()}` }),
    },
    {
      action: 'stamps.issue',
      method: 'POST',
      path: () => `/api/v1/batches/${fixture.batch}/print`,
      body: () => ({ quantity: 1, template: 'roll-40x30', idempotencyKey: `print-${next()}` }),
    },
    {
      action: 'stamps.void',
      method: 'POST',
      path: () => '/api/v1/stamps/void',
      body: () => ({ serials: [Number(fixture.firstSerial) + 500 + unique++], reason: 'in lỗi' }),
    },
    {
      action: 'person.invite',
      scopedBy: 'input',
      method: 'POST',
      path: () => '/api/v1/enrolments',
      body: () => ({ name: `Người ${next()}`, role: 'retailer', provinceCode: PROVINCE_X }),
    },
    {
      action: 'person.grant',
      scopedBy: 'input',
      method: 'POST',
      path: () => '/api/v1/enrolments',
      body: () => ({ name: `Thanh tra ${next()}`, role: 'inspector', provinceCode: PROVINCE_X }),
    },
    {
      action: 'admin.grant',
      scopedBy: 'input',
      method: 'POST',
      path: () => '/api/v1/enrolments',
      body: () => ({ name: `Quản trị ${next()}`, role: 'admin' }),
    },
    {
      action: 'enrolment.withdraw',
      method: 'POST',
      body: () => ({}),
      prepare: async () => {
        fixture.enrolment = (
          await createEnrolment({
            ctx: h.ctx(ADMIN),
            input: { name: `Mời ${next()}`, role: 'retailer', provinceCode: PROVINCE_X },
          })
        ).enrolment.id;
      },
      path: () => `/api/v1/enrolments/${fixture.enrolment}/withdraw`,
    },
    {
      action: 'person.disable',
      method: 'POST',
      body: () => ({}),
      prepare: async () => {
        fixture.person = (await insertPerson('inspector', false)).id;
      },
      path: () => `/api/v1/people/${fixture.person}/disable`,
    },
    {
      action: 'person.enable',
      method: 'POST',
      body: () => ({}),
      prepare: async () => {
        fixture.person = (await insertPerson('inspector', true)).id;
      },
      path: () => `/api/v1/people/${fixture.person}/enable`,
    },
    {
      action: 'token.create',
      method: 'POST',
      path: () => '/api/v1/tokens',
      body: () => ({ name: `t ${next()}`, role: 'retailer', provinceCode: PROVINCE_X }),
    },
    {
      action: 'token.revoke',
      method: 'POST',
      body: () => ({}),
      path: async () =>
        `/api/v1/tokens/${(await createApiToken({ ctx: h.ctx(ADMIN), input: { name: 'victim', role: 'retailer', provinceCode: PROVINCE_X, subjectId: null, expiresAt: null } })).id}/revoke`,
    },
    {
      action: 'certificate.suspend',
      method: 'POST',
      prepare: () => setStatus('active'),
      path: () => `/api/v1/certificates/${fixture.certificate}/suspend`,
      body: decision,
    },
    {
      action: 'certificate.reinstate',
      method: 'POST',
      prepare: () => setStatus('suspended'),
      path: () => `/api/v1/certificates/${fixture.certificate}/reinstate`,
      body: decision,
    },
    {
      action: 'certificate.revoke',
      method: 'POST',
      prepare: async () => {
        fixture.fresh = await freshCertificate();
      },
      path: () => `/api/v1/certificates/${fixture.fresh}/revoke`,
      body: () => ({ ...decision(), grounds: 'violation' }),
    },
    {
      action: 'certificate.reevaluate',
      method: 'POST',
      prepare: async () => {
        fixture.fresh = await freshCertificate();
      },
      path: () => `/api/v1/certificates/${fixture.fresh}/reevaluate`,
      body: () => ({
        number: `C-${next()}`,
        score: 81,
        stars: 4,
        issuerName: 'UBND tỉnh Lạng Sơn',
        issuerLevel: 'province',
        decisionNumber: next(),
        decisionDate: '2026-06-01',
      }),
    },
    {
      action: 'lifecycle.correct',
      method: 'POST',
      prepare: async () => {
        fixture.fresh = await freshCertificate();
        const { event } = await changeCertificateStatus({
          ctx: h.ctx(SEED_ACTOR),
          input: { ...decision(), certificateId: fixture.fresh, action: 'suspend' },
        });
        fixture.event = String(event.id);
      },
      path: () => `/api/v1/certificates/${fixture.fresh}/corrections`,
      body: () => ({ ...decision(), eventId: Number(fixture.event) }),
    },
    {
      action: 'batch.recall',
      method: 'POST',
      prepare: async () => {
        fixture.fresh = await freshBatch();
      },
      path: () => `/api/v1/batches/${fixture.fresh}/recall`,
      body: decision,
    },
    {
      action: 'lifecycle.correct',
      method: 'POST',
      prepare: async () => {
        fixture.fresh = await freshBatch();
        fixture.event = String(
          (await recallBatch({ ctx: h.ctx(SEED_ACTOR), input: { ...decision(), batchId: fixture.fresh } })).event.id,
        );
      },
      path: () => `/api/v1/batches/${fixture.fresh}/corrections`,
      body: () => ({ ...decision(), eventId: Number(fixture.event) }),
    },
    {
      action: 'area.flag',
      method: 'POST',
      path: () => `/api/v1/raw-material-areas/${fixture.area}/flags`,
      body: () => ({ standard: 'VietGAP', flaggedOn: '2026-11-20', reason: `hết hạn ${next()}` }),
    },
    {
      action: 'inspection.record',
      method: 'POST',
      path: () => '/api/v1/inspections',
      body: () => ({
        scope: 'product',
        productId: fixture.product,
        inspectedOn: '2026-11-20',
        agency: 'Chi cục QLCL',
        findings: `Đạt ${next()}`,
        result: 'pass',
      }),
    },
    {
      action: 'report.close',
      method: 'POST',
      prepare: async () => {
        const code = await (await h.keys.activeSigner(h.db)).signStamp(Number(fixture.firstSerial) + 900);
        fixture.report = (
          await submitReport({
            ctx: h.ctx({ kind: 'anonymous' }),
            input: { code, problem: 'quality', details: 'Mùi lạ' },
          })
        ).id;
      },
      path: () => `/api/v1/reports/${fixture.report}/close`,
      body: () => ({ note: 'Đã kiểm tra, lấy mẫu.' }),
    },
    {
      action: 'intake.record',
      method: 'POST',
      prepare: async () => {
        fixture.code = await (await h.keys.activeSigner(h.db)).signStamp(Number(fixture.firstSerial) + 700);
      },
      path: () => '/api/v1/intakes',
      body: () => ({ sessionId: `matrix-${next()}`, pointOfSale: 'Kho nhận hàng', items: [{ code: fixture.code }] }),
    },
    {
      action: 'retail.register',
      method: 'POST',
      prepare: async () => {
        fixture.retailer ??= (await retailFixture()).organisationId;
      },
      path: () => '/api/v1/points-of-sale',
      body: () => ({
        organisationId: fixture.retailer,
        name: `Điểm bán ${next()}`,
        address: '1 Lê Lợi',
        communeCode: '06265',
        communeName: 'Phường Đông Kinh',
        openedOn: '2026-03-01',
      }),
    },
    {
      action: 'retail.update',
      method: 'PATCH',
      prepare: async () => {
        fixture.pointOfSale ??= (await retailFixture()).pointId;
      },
      path: () => `/api/v1/points-of-sale/${fixture.pointOfSale}`,
      body: () => ({ address: `${next()} Lê Lợi` }),
    },
    {
      action: 'retail.status',
      method: 'POST',
      prepare: async () => {
        fixture.freshPoint = (await retailFixture()).pointId;
      },
      path: () => `/api/v1/points-of-sale/${fixture.freshPoint}/status`,
      body: () => ({ status: 'suspended', reason: 'Kiểm tra nguồn hàng' }),
    },
  ];

  /** Mutating actions that have no HTTP route are checked on their services directly. */
  const SERVICES: { action: Action; prepare?: () => Promise<void>; run: (actor: Actor) => Promise<unknown> }[] = [
    {
      action: 'stamps.void',
      run: (actor) =>
        voidStamps({
          ctx: h.ctx(actor),
          input: {
            firstSerial: Number(fixture.firstSerial) + unique,
            lastSerial: Number(fixture.firstSerial) + unique++,
            reason: 'in lỗi',
          },
        }),
    },
    {
      action: 'certificate.suspend',
      prepare: () => setStatus('active'),
      run: (actor) =>
        changeCertificateStatus({
          ctx: h.ctx(actor),
          input: { ...decision(), certificateId: fixture.certificate!, action: 'suspend' },
        }),
    },
    {
      action: 'batch.recall',
      prepare: async () => {
        fixture.fresh = await freshBatch();
      },
      run: (actor) => recallBatch({ ctx: h.ctx(actor), input: { ...decision(), batchId: fixture.fresh! } }),
    },
    { action: 'keys.rotate', run: (actor) => rotateSigningKey({ ctx: h.ctx(actor) }) },
    { action: 'scans.manage', run: (actor) => pruneScans({ ctx: h.ctx(actor), input: { before: '2020-01' } }) },
  ];

  it('covers every mutating action of the policy table', () => {
    const reads = new Set([
      'registry.read',
      'person.read',
      'token.read',
      'audit.read',
      'print.read',
      'inspection.read',
      'report.read',
      'intake.read',
      'copy.read',
      'trace.export',
      'retail.read',
      'passkey.list',
      'statistics.read',
    ]);
    // A person's own passkey, whatever the role: test/integration/own-passkeys.test.ts.
    const ownRecord = new Set(['passkey.remove']);
    const covered = new Set([...ENDPOINTS, ...SERVICES].map((e) => e.action));
    expect(
      [...Object.keys(POLICY)].filter((a) => !reads.has(a) && !ownRecord.has(a) && !covered.has(a as Action)),
    ).toEqual([]);
  });

  it.each(ENDPOINTS.map((e) => [e.action, e] as const))(
    '%s: exactly the allowed actors succeed over HTTP, the others change nothing',
    async (_action, endpoint) => {
      const outcome: Record<string, number> = {};
      for (const who of ACTORS) {
        const session = sessions.get(who.name);
        await endpoint.prepare?.();
        const path = await endpoint.path();
        const before = await auditRows();
        const res = await h.request(path, {
          method: endpoint.method,
          body: endpoint.contentType ? String(endpoint.body()) : JSON.stringify(endpoint.body()),
          headers: {
            'content-type': endpoint.contentType ?? 'application/json',
            ...(session ? { cookie: `ocop_session=${session.cookie}`, 'x-csrf-token': session.csrf } : {}),
          },
        });
        outcome[who.name] = res.status;
        const expected = expectedOutcome(who, endpoint.action, endpoint.scopedBy);
        if (expected === 'ok') {
          expect(res.status, `${who.name} should be allowed: ${await res.clone().text()}`).toBeLessThan(300);
          expect(await auditRows()).toBeGreaterThan(before);
        } else {
          expect(res.status, `${who.name} must be refused: ${await res.clone().text()}`).toBe(expected);
          expect(await auditRows(), `${who.name} changed nothing`).toBe(before);
        }
      }
      expect(Object.keys(outcome)).toHaveLength(ACTORS.length);
    },
  );

  it.each(SERVICES.map((s) => [s.action, s] as const))(
    '%s: the service itself enforces the table',
    async (_action, service) => {
      for (const who of ACTORS) {
        const actor: Actor = sessions.get(who.name)?.actor ?? { kind: 'anonymous' };
        await service.prepare?.();
        const before = await auditRows();
        const result = await service.run(actor).then(
          () => 'ok',
          (e: unknown) => (e instanceof AppError ? e.code : String(e)),
        );
        if (expectedAllowed(who, service.action)) {
          expect(result, who.name).toBe('ok');
        } else {
          expect(result, who.name).toBe(
            { 401: 'unauthorized', 403: 'forbidden', 404: 'not_found' }[
              expectedOutcome(who, service.action) as 401 | 403 | 404
            ],
          );
          expect(await auditRows()).toBe(before);
        }
      }
    },
  );

  it('refuses step-up actions to bearer tokens and to sessions whose passkey assertion is stale', async () => {
    const adminToken = await h.token('admin');
    const viaToken = await h.request('/api/v1/tokens', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
      body: JSON.stringify({ name: 'x', role: 'retailer', provinceCode: PROVINCE_X }),
    });
    expect(viaToken.status).toBe(403);
    const admin = sessions.get('admin')!;
    h.setNow(new Date(TEST_NOW.getTime() + 10 * 60_000)); // 10 minutes later: the assertion is stale
    const stale = await h.request('/api/v1/tokens', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: `ocop_session=${admin.cookie}`,
        'x-csrf-token': admin.csrf,
      },
      body: JSON.stringify({ name: 'x', role: 'retailer', provinceCode: PROVINCE_X }),
    });
    expect(stale.status).toBe(403);
    expect(((await stale.json()) as { error: { code: string } }).error.code).toBe('step_up_required');
  });

  it('ignores a cross-site write that carries the cookie but not the CSRF token', async () => {
    h.setNow(TEST_NOW);
    const admin = sessions.get('authority X')!;
    const before = await auditRows();
    const res = await h.request('/api/v1/subjects', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: `ocop_session=${admin.cookie}`,
        origin: 'https://evil.example',
      },
      body: JSON.stringify({
        kind: 'htx',
        name: 'Evil',
        registrationNumber: 'E',
        provinceCode: PROVINCE_X,
        addressAsIssued: 'x',
      }),
    });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('csrf_failed');
    expect(await auditRows()).toBe(before);
  });
});
