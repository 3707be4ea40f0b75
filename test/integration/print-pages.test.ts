import { count, eq } from 'drizzle-orm';
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, people, printJobs, stampRanges, voidedSerials } from '../../src/db/schema';
import { attachment } from '../../src/routes/printing/content-disposition';
import { personActor, sessionCookieValue, startSession } from '../../src/services/auth/sessions';
import type { Verdict } from '../../src/services/verification/verdict-types';
import { ADMIN, bearer, DATABASE_KINDS, json, openHarness, type Harness } from '../support/harness';

type Job = { job: { id: string; rangeId: string } };

/** The producer's print pages through HTTP with a real session: preview, print, download, void. */
describe.each(DATABASE_KINDS)('print pages on %s', (kind) => {
  let h: Harness;
  let session: { cookie: string; csrf: string };
  let token: string;
  let batchId: string;
  const jobs = {} as Record<'a' | 'b', { id: string; first: number; last: number }>;

  const get = (path: string) => h.request(path, { headers: { cookie: session.cookie } });
  const post = (path: string, form: Record<string, string>) =>
    h.request(path, {
      method: 'POST',
      headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ...form, _csrf: session.csrf }).toString(),
    });
  const voids = async () => Number((await h.db.select({ n: count() }).from(voidedSerials))[0]!.n);
  const audits = async () => Number((await h.db.select({ n: count() }).from(auditLog))[0]!.n);
  const verdicts = async (jobId: 'a' | 'b', serials: number[]) => {
    const { first, rangeId } = {
      first: jobs[jobId]!.first,
      rangeId: (await h.db.select().from(printJobs).where(eq(printJobs.id, jobs[jobId]!.id)))[0]!.rangeId,
    };
    const page = (await (await h.request(`/api/v1/stamp-ranges/${rangeId}/stamps?limit=30`, bearer(token))).json()) as {
      stamps: { url: string }[];
    };
    const codes = serials.map((s) => page.stamps[s - first]!.url);
    return (
      (await (await h.request('/api/v1/verify', json({ codes }))).json()) as { verdicts: Verdict[] }
    ).verdicts.map((v) => v.status);
  };

  beforeAll(async () => {
    h = await openHarness(kind);
    const valid = (await (await h.request(`/api/v1/verify/${h.codes.valid}`)).json()) as Verdict;
    batchId = valid.batchId!;
    const [person] = await h.db
      .insert(people)
      .values({
        id: crypto.randomUUID(),
        name: 'Hoàng Văn Quân',
        role: 'producer',
        provinceCode: '20',
        subjectId: valid.subjectId!,
      })
      .returning();
    const started = await startSession(h.ctx(personActor(person!)), person!);
    session = { cookie: `ocop_session=${await sessionCookieValue(h.ctx(ADMIN), started.id)}`, csrf: started.csrfToken };
    token = await h.token('producer', { subjectId: valid.subjectId! });
    for (const name of ['a', 'b'] as const) {
      const job = (await (
        await h.request(
          `/api/v1/batches/${batchId}/print`,
          json({ quantity: 24, template: 'a4-3x8-70x37', idempotencyKey: `print-pages-${name}` }, token),
        )
      ).json()) as Job;
      const [range] = await h.db.select().from(stampRanges).where(eq(stampRanges.id, job.job.rangeId));
      jobs[name] = { id: job.job.id, first: range!.firstSerial, last: range!.lastSerial };
    }
  });
  afterAll(async () => {
    await h?.close();
  });

  it('previews by POST only: "Xem trước" comes before "In tem", and the sheet is drawn large on the page', async () => {
    expect([404, 405]).toContain(
      (await get(`/console/print/preview?batch=${batchId}&template=a4-3x8-70x37&_csrf=${session.csrf}`)).status,
    );
    expect((await get(`/console/print/preview.svg?batch=${batchId}&template=a4-3x8-70x37`)).status).toBe(404);
    const plain = await (await get(`/console/print?batch=${batchId}&template=a4-3x8-70x37`)).text();
    expect(plain).not.toContain('<svg');
    expect(plain).not.toMatch(/formmethod="get"/);
    const reserved = Number((await h.db.select({ n: count() }).from(stampRanges))[0]!.n);

    const res = await post('/console/print/preview', { batch: batchId, template: 'a4-3x8-70x37', quantity: '' });
    expect(res.status).toBe(200);
    const page = await res.text();
    const preview = /<svg[^>]*aria-label="Xem trước tờ nhãn đầu tiên"[^>]*>/.exec(page)?.[0] ?? '';
    expect(preview).toContain('width="100%"');
    expect(preview).toContain('max-width:210mm'); // up to the sheet's real size, not 285 px
    expect(page).toContain('Tinh dầu hồi Văn');
    expect(page.indexOf('>Xem trước</button>')).toBeGreaterThan(0);
    expect(page.indexOf('>Xem trước</button>')).toBeLessThan(page.indexOf('<svg'));
    expect(page.indexOf('<svg')).toBeLessThan(page.indexOf('>In tem</button>'));
    expect(page).toMatch(/<button type="submit" formaction="\/console\/print\/preview">Xem trước<\/button>/);
    expect(page).toContain('In ở tỉ lệ 100% (kích thước thực).');
    expect(page).not.toMatch(/href="[^"]*_csrf=/);
    expect(Number((await h.db.select({ n: count() }).from(stampRanges))[0]!.n)).toBe(reserved);

    const missing = await post('/console/print/preview', { batch: '', template: 'a4-3x8-70x37' });
    expect(missing.status).toBe(400);
    expect(await missing.text()).toMatch(/id="f-batch-err" role="alert">Chọn sản phẩm và lô\./);
  });

  it('serves PDFs that ask for actual size, named by lot, job and part', async () => {
    const res = await h.request(`/api/v1/print-jobs/${jobs.a.id}/parts/1.pdf`, bearer(token));
    const short = jobs.a.id.slice(0, 8);
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="tem-HVQ2610-${short}-phan-1.pdf"; filename*=UTF-8''tem-HVQ2610-${short}-phan-1.pdf`,
    );
    const doc = await PDFDocument.load(new Uint8Array(await res.arrayBuffer()));
    const prefs = doc.catalog.lookup(PDFName.of('ViewerPreferences'), PDFDict);
    expect(prefs.get(PDFName.of('PrintScaling'))).toBe(PDFName.of('None'));
    const page = await (await get(`/console/print/jobs/${jobs.a.id}`)).text();
    expect(page).toContain(`download="tem-HVQ2610-${short}-phan-1.pdf"`);
    expect(page).toContain('In ở tỉ lệ 100% (kích thước thực).');
    expect(attachment('tem-Lô-Đồng-12345678-phan-2.pdf')).toBe(
      `attachment; filename="tem-Lo-Dong-12345678-phan-2.pdf"; filename*=UTF-8''tem-L%C3%B4-%C4%90%E1%BB%93ng-12345678-phan-2.pdf`,
    );
  });

  it('refuses, in Vietnamese and by name, serials outside the job, voiding nothing', async () => {
    const [before, auditsBefore] = [await voids(), await audits()];
    const { a, b } = jobs;
    const res = await post(`/console/print/jobs/${a.id}/void`, {
      serials: `${a.first}, ${b.first}-${b.first + 2}`,
      reason: 'In lỗi',
      confirm: '1',
    });
    expect(res.status).toBe(400);
    const page = await res.text();
    expect(page).toContain(
      `Sê-ri không thuộc lệnh in này (${a.first}–${a.last}): ${b.first}–${b.first + 2}. Không tem nào bị vô hiệu.`,
    );
    expect(page).toContain(`value="${a.first}, ${b.first}-${b.first + 2}"`); // kept, to correct
    const api = await h.request(
      `/api/v1/print-jobs/${a.id}/void`,
      json({ serials: String(b.last), reason: 'In lỗi' }, token),
    );
    expect(api.status).toBe(400);
    expect(((await api.json()) as { error: { code: string; message: string } }).error.message).toContain(
      `: ${b.last}.`,
    );
    expect((await post(`/console/print/jobs/${a.id}/void`, { serials: 'abc', reason: 'In lỗi' })).status).toBe(400);
    expect([await voids(), await audits()]).toEqual([before, auditsBefore]);
    expect(await verdicts('b', [b.first, b.first + 1, b.first + 2, b.last])).toEqual([
      'valid',
      'valid',
      'valid',
      'valid',
    ]);
  });

  it('asks first, listing how many stamps and which serials, then voids them and says what it voided', async () => {
    const { a } = jobs;
    const before = await voids();
    const asked = await post(`/console/print/jobs/${a.id}/void`, {
      serials: `${a.first + 5} - ${a.first + 7}, ${a.first}`,
      reason: 'Kẹt giấy',
    });
    expect(asked.status).toBe(200);
    const confirm = await asked.text();
    expect(confirm).toContain('<h2>Vô hiệu 4 tem?</h2>');
    expect(confirm).toContain(
      `<ul data-void-serials><li>${a.first}</li><li>${a.first + 5}–${a.first + 7} (3 tem)</li></ul>`,
    );
    expect(confirm).toContain('<input type="hidden" name="confirm" value="1">');
    expect(confirm).toContain('>Vô hiệu 4 tem</button>');
    expect(await voids()).toBe(before); // asking changes nothing

    const serials = /name="serials" value="([^"]+)"/.exec(confirm)![1]!;
    const done = await post(`/console/print/jobs/${a.id}/void`, { serials, reason: 'Kẹt giấy', confirm: '1' });
    expect(done.status).toBe(303);
    const landing = await (await get(done.headers.get('location')!)).text();
    expect(landing).toContain(`Đã vô hiệu 4 tem, sê-ri ${a.first}, ${a.first + 5}–${a.first + 7}`);
    expect(landing).toContain(`<td>${a.first + 5}–${a.first + 7}</td><td>3</td><td>Kẹt giấy</td>`);
    expect(await verdicts('a', [a.first, a.first + 1, a.first + 5, a.first + 7, a.first + 8])).toEqual([
      'void',
      'valid',
      'void',
      'void',
      'valid',
    ]);
    const entries = await h.db.select().from(auditLog).where(eq(auditLog.entityId, a.id));
    expect(entries.map((e) => [e.action, e.entity])).toEqual([
      ['print.create', 'print_job'],
      ['stamps.void', 'print_job'],
    ]);
    expect(entries[1]!.after).toMatchObject({
      count: 4,
      reason: 'Kẹt giấy',
      serials: `${a.first}, ${a.first + 5}–${a.first + 7}`,
    });
  });

  it('names the action "Vô hiệu tem" and never "Hủy"', async () => {
    for (const path of ['/console/print', `/console/print/jobs/${jobs.a.id}`]) {
      const page = await (await get(path)).text();
      expect(page).toContain('>Vô hiệu tem</button>');
      expect(page.replace(/<dialog[\s\S]*<\/dialog>/, '')).not.toMatch(/hủy/i); // the step-up dialog's "Hủy" cancels
    }
  });
});
