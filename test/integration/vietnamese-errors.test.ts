import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, openHarness, type Harness } from '../support/harness';

type ErrorBody = {
  error: { code: string; message: string; requestId: string | null; fields?: { path: string; message: string }[] };
};

/** Hono's and zod's own refusals reach people: the JSON keeps its shape, the words are Vietnamese. */
describe.each(DATABASE_KINDS)('refusals in Vietnamese on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness(kind, { seed: false, env: { REPORT_RATE_PER_MINUTE: '1000', VERIFY_RATE_PER_MINUTE: '3' } });
  });
  afterAll(async () => {
    await h?.close();
  });

  const post = async (path: string, body: string) => {
    const res = await h.request(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    return { status: res.status, body: (await res.json()) as ErrorBody };
  };
  const ENGLISH = /Malformed|expected|received|undefined|Invalid|Required|nhận được|mong đợi/;

  it('answers malformed JSON in Vietnamese, in the usual error shape', async () => {
    for (const path of ['/api/v1/reports', '/api/v1/auth/sign-in/verify', '/api/v1/verify']) {
      const { status, body } = await post(path, '{"code": "abc",');
      expect(status, path).toBe(400);
      expect(body.error).toMatchObject({
        code: 'invalid_input',
        message: expect.stringContaining('không phải JSON hợp lệ'),
      });
      expect(body.error.requestId).toBeTruthy();
      expect(body.error.message).not.toMatch(ENGLISH);
    }
  });

  it('names each missing or wrong field in plain Vietnamese, never zod’s type names', async () => {
    const missing = await post('/api/v1/reports', '{}');
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toBe('Dữ liệu gửi lên không hợp lệ.');
    expect(missing.body.error.fields).toEqual(
      expect.arrayContaining([
        { path: 'code', message: 'Chưa điền: trường này là bắt buộc.' },
        { path: 'problem', message: 'Chưa chọn: trường này là bắt buộc.' },
      ]),
    );
    const wrong = await post(
      '/api/v1/reports',
      JSON.stringify({ code: 42, problem: 'noise', details: 'x'.repeat(2001), contact: ['a'] }),
    );
    const messages = Object.fromEntries(wrong.body.error.fields!.map((f) => [f.path, f.message]));
    expect(messages).toEqual({
      code: 'Sai kiểu dữ liệu: cần một đoạn văn bản.',
      problem: expect.stringMatching(/^Giá trị không nằm trong danh sách: chọn một trong "counterfeit", /),
      details: 'Quá dài: tối đa 2.000 ký tự.',
      contact: 'Sai kiểu dữ liệu: cần một đoạn văn bản.',
    });
    for (const f of [...missing.body.error.fields!, ...wrong.body.error.fields!])
      expect(f.message).not.toMatch(ENGLISH);
    const body = await post('/api/v1/reports', '[1]');
    expect(body.body.error.fields).toEqual([
      { path: '(body)', message: 'Sai kiểu dữ liệu: cần một nhóm trường (đối tượng JSON).' },
    ]);
  });

  it('answers an oversized body in Vietnamese', async () => {
    const res = await h.request('/api/v1/reports', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ details: 'x'.repeat(20_000) }),
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as ErrorBody).error).toMatchObject({
      code: 'payload_too_large',
      message: 'Dữ liệu gửi lên quá lớn.',
    });
  });

  it('shows a browser a page in its language where an API client gets JSON', async () => {
    const browser = { headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } };
    const missing = await h.request('/khong-co-trang-nay', browser);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toContain('text/html');
    const page = await missing.text();
    expect(page).toContain('<html lang="vi">');
    expect(page).toContain('<h1>Không tìm thấy trang</h1>');
    expect(page).toContain('<a href="/">Về trang chủ</a>');
    expect(((await (await h.request('/khong-co-trang-nay')).json()) as ErrorBody).error.code).toBe('not_found');
    expect((await h.request('/api/v1/khong-co', browser)).headers.get('content-type')).toContain('application/json');

    const badQuery = await h.request('/S/ABC?lang=fr', browser);
    expect(badQuery.status).toBe(400);
    expect(await badQuery.text()).toContain('<h1>Yêu cầu không hợp lệ</h1>');

    // Scans are limited to 3 a minute here: a person scanning too fast is told so on a page.
    let limited = await h.request('/S/ABC?lang=en', browser);
    for (let i = 0; i < 4 && limited.status === 200; i++) limited = await h.request('/S/ABC?lang=en', browser);
    expect(limited.status).toBe(429);
    const tooMany = await limited.text();
    expect(tooMany).toContain('<html lang="en">');
    expect(tooMany).toContain('<h1>Too many requests</h1>');
    expect(tooMany).toMatch(/Please try again in \d+ seconds\./);
    expect(tooMany).not.toContain('"error"');
  });
});
