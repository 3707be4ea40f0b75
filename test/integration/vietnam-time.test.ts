import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { passkeys, people, printJobs, reports, scans, sessions, stampRanges } from '../../src/db/schema';
import { createEnrolment } from '../../src/services/auth/enrolment';
import { personActor, sessionCookieValue, startSession } from '../../src/services/auth/sessions';
import { recordIntake } from '../../src/services/intake/record-intake';
import { disablePerson } from '../../src/services/people/person-lifecycle';
import { submitReport } from '../../src/services/reports/submit-report';
import type { Role } from '../../src/services/shared/policy';
import { createApiToken } from '../../src/services/tokens/create-token';
import type { Verdict } from '../../src/services/verification/verdict-types';
import { ADMIN, DATABASE_KINDS, openHarness, type Harness } from '../support/harness';

/** 23:30 UTC on 23 November is 06:30 on the 24th in Vietnam: the date a legal record must carry. */
const AT = new Date('2026-11-23T23:30:00Z');
const SHOWN = '24/11/2026 06:30';

/** What must never reach a page a person reads: an ISO instant, a UTC suffix, or the UTC wall clock. */
function expectNoUtc(path: string, page: string) {
  expect(page, path).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
  expect(page, path).not.toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
  expect(page, path).not.toMatch(/\.\d{3}Z|T17:|T23:/);
  expect(page, path).not.toContain('23/11/2026 23:30');
}

describe.each(DATABASE_KINDS)('every page reads times in Vietnam time on %s', (kind) => {
  let h: Harness;
  const cookies: Record<string, string> = {};
  let valid: Verdict;
  let jobId = '';

  const as = async (name: string, role: Role, provinceCode: string | null, subjectId: string | null = null) => {
    const [person] = await h.db
      .insert(people)
      .values({ id: crypto.randomUUID(), name, role, provinceCode, subjectId })
      .returning();
    const session = await startSession(h.ctx(personActor(person!)), person!);
    cookies[name] = `ocop_session=${await sessionCookieValue(h.ctx(ADMIN), session.id)}`;
    return person!;
  };
  const page = async (who: string | null, path: string) => {
    const res = await h.request(path, { headers: who ? { cookie: cookies[who]! } : {} });
    expect(res.status, path).toBe(200);
    const text = await res.text();
    expectNoUtc(path, text);
    return text;
  };

  beforeAll(async () => {
    h = await openHarness(kind);
    valid = (await (await h.request(`/api/v1/verify/${h.codes.valid}`)).json()) as Verdict;
    h.setNow(AT);
    const admin = await as('admin', 'admin', null);
    await as('inspector', 'inspector', '20');
    await as('authority', 'authority', '20');
    await as('producer', 'producer', '20', valid.subjectId!);
    const retailer = await as('retailer', 'retailer', '20');
    const leaving = await as('leaving', 'inspector', '20');

    // Everything below happens "now", at 23:30 UTC; rows the database stamps itself are set to that instant too.
    const producer = await h.token('producer', { subjectId: valid.subjectId! });
    const job = await h.request(`/api/v1/batches/${valid.batchId}/print`, {
      method: 'POST',
      headers: { authorization: `Bearer ${producer}`, 'content-type': 'application/json' },
      body: JSON.stringify({ quantity: 24, template: 'a4-3x8-70x37', idempotencyKey: `vn-time-${kind}` }),
    });
    jobId = ((await job.json()) as { job: { id: string } }).job.id;
    await submitReport({
      ctx: h.ctx({ kind: 'anonymous' }),
      input: { code: h.codes.valid, problem: 'label', details: 'Nhãn in lúc nửa đêm' },
    });
    await recordIntake(h.ctx(personActor(retailer)), {
      sessionId: `vn-time-${kind}`,
      pointOfSale: 'Quầy sáng sớm',
      items: [{ code: h.codes.valid }],
    });
    await createApiToken({
      ctx: h.ctx(ADMIN),
      input: { name: 'Máy quét ca đêm', role: 'retailer', provinceCode: '20', subjectId: null, expiresAt: AT },
    });
    await createEnrolment({
      ctx: h.ctx(ADMIN),
      input: { name: 'Người mời lúc nửa đêm', role: 'retailer', provinceCode: '20' },
    });
    await disablePerson({ ctx: h.ctx(ADMIN), input: { personId: leaving.id } });
    await h.db.insert(passkeys).values({
      id: `vn-time-${kind}`,
      personId: admin.id,
      name: 'Khóa ca đêm',
      publicKey: 'x',
      counter: 0,
      createdAt: AT,
      lastUsedAt: AT,
    });
    await h.db.delete(scans).where(eq(scans.serial, valid.serial!));
    await h.db.insert(scans).values({ serial: valid.serial!, scannedAt: AT, place: 'Lạng Sơn' });
    await h.db.update(printJobs).set({ createdAt: AT });
    await h.db.update(reports).set({ createdAt: AT });
    await h.db.update(stampRanges).set({ createdAt: AT });
    await h.db.update(sessions).set({ createdAt: AT });
    await h.db.execute(sql`update people set disabled_at = ${AT.toISOString()} where disabled_at is not null`);
  }, 120_000);
  afterAll(async () => {
    await h?.close();
  });

  it('shows each recorded instant as dd/mm/yyyy HH:mm in Vietnam', async () => {
    for (const [who, path] of [
      ['producer', '/console/print'],
      ['producer', `/console/print/jobs/${jobId}`],
      ['inspector', '/console/reports'],
      ['admin', '/console/passkeys'],
      ['admin', '/console/tokens'],
      ['admin', '/console/people'],
      ['admin', '/console/audit'],
      ['retailer', '/console/intake/'],
      [null, `/S/${h.codes.valid}`],
    ] as const) {
      expect(await page(who, path), path).toContain(SHOWN);
    }
    // An invitation made at 23:30 UTC runs out 24 hours later: 06:30 on the 25th in Vietnam.
    expect(await page('admin', '/console/people')).toContain('25/11/2026 06:30');
  });

  it('dates what happened after midnight in Vietnam with the Vietnamese day, in every section of a dossier', async () => {
    const dossier = await page('inspector', `/console/inspect/products/${valid.productId}`);
    const reportsSection = dossier.slice(dossier.indexOf('id="reports"'), dossier.indexOf('id="timeline"'));
    const timeline = dossier.slice(dossier.indexOf('id="timeline"'));
    expect(reportsSection).toContain('24/11/2026 – Nhãn in lúc nửa đêm');
    expect(timeline).toMatch(/<strong>24\/11\/2026<\/strong> Phản ánh của người tiêu dùng/);
    expect(timeline).toMatch(/<strong>24\/11\/2026<\/strong> Lô [^<]+: in 24 tem/);
    expect(dossier).not.toContain('23/11/2026 –');
  });

  it('keeps every other console page free of UTC times', async () => {
    const batchPage = await page('authority', '/console/batches');
    const batchEdit = /href="(\/console\/batches\/[0-9a-f-]+\/edit)"/.exec(batchPage)![1]!;
    for (const [who, path] of [
      ['admin', '/console'],
      [null, '/console/sign-in'],
      [null, '/enroll'],
      ['authority', '/console/subjects'],
      ['authority', '/console/subjects/new'],
      ['authority', '/console/areas'],
      ['authority', '/console/products'],
      ['authority', '/console/certificates'],
      ['authority', batchEdit],
      ['authority', '/console/expiring'],
      ['inspector', `/console/inspect?q=${encodeURIComponent('Văn Quan')}`],
      ['inspector', '/console/suspicious'],
      ['inspector', '/console/reports?state=closed'],
    ] as const) {
      await page(who, path);
    }
  });

  it('exports the audit log with ISO 8601 times at +07:00', async () => {
    const res = await h.request('/console/audit/export.csv?action=token.create', {
      headers: { cookie: cookies.admin! },
    });
    const csv = await res.text();
    expect(csv).toContain('2026-11-24T06:30:00+07:00');
    expect(csv).not.toMatch(/\.\d{3}Z|T23:30/);
  });
});
