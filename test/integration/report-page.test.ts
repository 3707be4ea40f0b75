import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { people, reports } from '../../src/db/schema';
import { personActor, sessionCookieValue, startSession } from '../../src/services/auth/sessions';
import { reportReference } from '../../src/domain/report-reference';
import { ADMIN, DATABASE_KINDS, openHarness, type Harness } from '../support/harness';

/** A consumer's report from the verification page is answered with pages, in the reader's language. */
describe.each(DATABASE_KINDS)('the consumer report pages on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness(kind, { env: { REPORT_RATE_PER_MINUTE: '2' } });
  });
  afterAll(async () => {
    await h?.close();
  });

  const send = (form: Record<string, string>, lang = 'vi') =>
    h.request(`/S/${h.codes.valid}/report?lang=${lang}`, {
      method: 'POST',
      body: new URLSearchParams(form),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });

  it('confirms a sent report with a styled page and the number to quote, which the queue shows too', async () => {
    const res = await send({ problem: 'label', details: 'Nhãn ghi sai ngày sản xuất', contact: '0912 000 111' });
    expect(res.status).toBe(201);
    expect(res.headers.get('content-type')).toContain('text/html');
    const page = await res.text();
    const [row] = await h.db.select().from(reports).where(eq(reports.details, 'Nhãn ghi sai ngày sản xuất'));
    const reference = reportReference(row!.id);
    expect(reference).toMatch(/^PA-[0-9A-F]{4}-[0-9A-F]{4}$/);
    expect(page).toContain(`<p class="ref" data-reference>${reference}</p>`);
    expect(page).toContain('<html lang="vi">');
    expect(page).toContain('Đã nhận báo cáo của bạn');
    expect(page).toContain('<style>'); // styled like the verification page, not bare text
    expect(page).toContain('có thể liên hệ với bạn');
    const [person] = await h.db
      .insert(people)
      .values({ id: crypto.randomUUID(), name: 'Thanh tra', role: 'inspector', provinceCode: '20' })
      .returning();
    const session = await startSession(h.ctx(personActor(person!)), person!);
    const queue = await h.request('/console/reports', {
      headers: { cookie: `ocop_session=${await sessionCookieValue(h.ctx(ADMIN), session.id)}` },
    });
    expect(await queue.text()).toContain(reference);

    const english = await send({ problem: 'quality', details: 'The honey has fermented' }, 'en');
    expect(english.status).toBe(201);
    const en = await english.text();
    expect(en).toContain('<html lang="en">');
    expect(en).toMatch(/Report number<\/h2><p class="ref" data-reference>PA-[0-9A-F]{4}-[0-9A-F]{4}</);
    expect(en).toContain('will not answer you directly');
  });

  it('brings a rate-limited report back as the form, with the text kept and when to send it again', async () => {
    const typed = {
      problem: 'counterfeit',
      details: 'Tem bong tróc, chữ in nhòe <b>lạ</b>',
      placeOfPurchase: 'Chợ Đông Kinh',
      contact: 'an@example.vn',
    };
    const res = await send(typed);
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(res.headers.get('content-type')).toContain('text/html');
    const page = await res.text();
    expect(page.startsWith('<!doctype html>')).toBe(true);
    expect(page).not.toContain('"error"');
    // What was typed is still there (escaped), and the form is open.
    expect(page).toContain('>Tem bong tróc, chữ in nhòe &lt;b&gt;lạ&lt;/b&gt;</textarea>');
    expect(page).toContain('value="Chợ Đông Kinh"');
    expect(page).toContain('value="an@example.vn"');
    expect(page).toContain('<option value="counterfeit" selected>');
    expect(page).toMatch(/<details class="card" id="report" open>/);
    expect(page).toMatch(
      /role="alert" id="r-notice">Bạn vừa gửi nhiều báo cáo liên tiếp.*lại sau \d+ (giây|phút) \(từ \d{2}:\d{2}\)/,
    );
    expect(await h.db.select().from(reports).where(eq(reports.details, typed.details))).toEqual([]);

    const english = await (await send(typed, 'en')).text();
    expect(english).toMatch(
      /You have sent several reports in a row.*again in \d+ (second|minute)s? \(from \d{2}:\d{2}, Vietnam time\)/,
    );

    // The API keeps its JSON error shape, in Vietnamese.
    const api = await h.request('/api/v1/reports', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: h.codes.valid, problem: 'other', details: 'qua API' }),
    });
    expect(api.status).toBe(429);
    expect(((await api.json()) as { error: { code: string; message: string } }).error).toMatchObject({
      code: 'rate_limited',
      message: expect.stringContaining('Quá nhiều yêu cầu'),
    });
  });
});
