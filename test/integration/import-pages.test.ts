import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certificates, people, subjects } from '../../src/db/schema';
import { personActor, sessionCookieValue, startSession } from '../../src/services/auth/sessions';
import type { Role } from '../../src/services/shared/policy';
import { certificateList, listCsv } from '../support/certificate-list';
import { ADMIN, DATABASE_KINDS, openHarness, type Harness } from '../support/harness';

/** The console's import pages through HTTP with real sessions: plain forms, as a browser without script sends them. */
describe.each(DATABASE_KINDS)(
  'console import pages on %s',
  (kind) => {
    let h: Harness;
    const sessions: Record<string, { cookie: string; csrf: string }> = {};
    const as = async (name: string, role: Role, scope: { provinceCode?: string | null; subjectId?: string | null }) => {
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
      sessions[name] = {
        cookie: `ocop_session=${await sessionCookieValue(h.ctx(ADMIN), session.id)}`,
        csrf: session.csrfToken,
      };
    };
    const get = (who: string, path: string) => h.request(path, { headers: { cookie: sessions[who]!.cookie } });
    const post = (who: string, path: string, fields: Record<string, string | Blob>, csrf = true) => {
      const form = new FormData();
      for (const [k, v] of Object.entries({ ...fields, ...(csrf ? { _csrf: sessions[who]!.csrf } : {}) }))
        form.append(k, v);
      return h.request(path, { method: 'POST', body: form, headers: { cookie: sessions[who]!.cookie } });
    };
    const upload = (who: string, csv: string, csrf = true) =>
      post(who, '/console/imports', { file: new File([csv], 'danh-sach.csv', { type: 'text/csv' }) }, csrf);
    /** The hidden fields of the report's form whose action is `action`, as the browser would send them back. */
    const hiddenFields = (page: string, action: string) => {
      const form = page.slice(page.indexOf(`action="${action}"`));
      const value = (name: string) =>
        new RegExp(`name="${name}" value="([^"]*)"`).exec(form)![1]!.replaceAll('&amp;', '&').replaceAll('&quot;', '"');
      return { content: value('content'), name: value('name') };
    };
    const certificateCount = async () => Number((await h.db.select({ n: count() }).from(certificates))[0]!.n);

    beforeAll(async () => {
      h = await openHarness(kind, { seed: false });
      await as('authority', 'authority', { provinceCode: '19' });
      await as('inspector', 'inspector', { provinceCode: '19' });
    });
    afterAll(async () => {
      await h?.close();
    });

    it('shows authorities the upload form and the templates; others are refused or sent to sign in', async () => {
      const page = await get('authority', '/console/imports');
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain('enctype="multipart/form-data"');
      expect(html).toContain(`name="_csrf" value="${sessions.authority!.csrf}"`);
      expect(html).toContain('href="/console/imports/template.xlsx"');
      expect((await get('authority', '/console/imports/template.xlsx')).headers.get('content-disposition')).toContain(
        'mau-nhap-chung-nhan.xlsx',
      );
      expect(await (await get('authority', '/console/imports/template.csv')).text()).toContain('so_chung_nhan');
      expect((await get('inspector', '/console/imports')).status).toBe(403);
      expect((await upload('inspector', listCsv(certificateList(1, 'INS')))).status).toBe(403);
      const anonymous = await h.request('/console/imports');
      expect(anonymous.status).toBe(303);
      expect(anonymous.headers.get('location')).toContain('/console/sign-in');
    });

    it('lets the signed-in console call the API with a multipart upload, the CSRF token as a form field', async () => {
      const res = await post('authority', '/api/v1/imports/certificates?dryRun=true', {
        file: new File([listCsv(certificateList(2, 'API'))], 'x.csv'),
      });
      expect(res.status, await res.clone().text()).toBe(200);
      expect(((await res.json()) as { counts: { rows: number } }).counts.rows).toBe(2);
    });

    it('refuses an upload without the CSRF token', async () => {
      expect((await upload('authority', listCsv(certificateList(1, 'CSRF')), false)).status).toBe(403);
    });

    it('reports problems by row and column, as text, and offers them as CSV', async () => {
      const rows = certificateList(4, 'PG');
      rows[2] = { ...rows[2]!, diem: '<script>alert(1)</script>' };
      const res = await upload('authority', listCsv(rows));
      expect(res.status).toBe(422);
      const html = await res.text();
      expect(html).toContain('data-problem-row="4" data-problem-column="diem"');
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(html).not.toContain('<script>alert(1)');
      expect(html).not.toMatch(/<button type="submit">Nhập<\/button>/);
      const csv = await post(
        'authority',
        '/console/imports/report.csv',
        hiddenFields(html, '/console/imports/report.csv'),
      );
      expect(csv.headers.get('content-type')).toContain('text/csv');
      expect(await csv.text()).toContain('4,diem,diem,<script>alert(1)</script>,Sai quy định,invalid,');
      expect(await certificateCount()).toBe(0);
    });

    it('commits a clean list with the Nhập button, and says a second upload changes nothing', async () => {
      const rows = certificateList(8, 'OK');
      const report = await upload('authority', listCsv(rows));
      expect(report.status).toBe(200);
      const html = await report.text();
      expect(html).toContain('<button type="submit">Nhập</button>');
      expect(html).toContain('data-count="certificates">8 mới');
      const done = await post('authority', '/console/imports/commit', hiddenFields(html, '/console/imports/commit'));
      expect(done.status).toBe(200);
      expect(await done.text()).toContain('Đã nhập tệp danh-sach.csv: 8 giấy chứng nhận');
      expect(await certificateCount()).toBe(8);
      const [subject] = await h.db
        .select()
        .from(subjects)
        .where(eq(subjects.registrationNumber, rows[0]!.ma_so_dang_ky));
      expect(subject!.provinceCode).toBe('19');
      const again = await (await upload('authority', listCsv(rows))).text();
      expect(again).toContain('Mọi dòng đã có trong sổ');
      expect(again).not.toContain('<button type="submit">Nhập</button>');
    });

    it('sends an unreadable file back to the form with the reason', async () => {
      const res = await upload('authority', 'ten_chu_the,diem\r\nHTX,70\r\n');
      expect(res.status).toBe(400);
      const html = await res.text();
      expect(html).toContain('Thiếu cột');
      expect(html).toContain('enctype="multipart/form-data"');
    });
  },
  300_000,
);
