import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certificates, sessions } from '../../src/db/schema';
import { createEnrolment } from '../../src/services/auth/enrolment';
import type { Verdict } from '../../src/services/verification/verdict-types';
import { ADMIN, DATABASE_KINDS, openHarness, TEST_NOW, type Harness } from '../support/harness';
import { SoftAuthenticator } from '../support/soft-authenticator';

type Signed = { cookie: string; csrf: string };

/** One passkey assertion covers decisions for 5 minutes; decisions start with nothing chosen for the person. */
describe.each(DATABASE_KINDS)('step-up window and revocation grounds on %s', (kind) => {
  let h: Harness;
  let inspector: Signed;
  let passkey: SoftAuthenticator;
  let valid: Verdict;
  const at = (seconds: number) => h.setNow(new Date(TEST_NOW.getTime() + seconds * 1000));

  const post = (path: string, body: unknown, who?: Signed) =>
    h.request(path, {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json', ...(who ? { cookie: who.cookie, 'x-csrf-token': who.csrf } : {}) },
    });
  const postForm = (path: string, form: Record<string, string>) =>
    h.request(path, {
      method: 'POST',
      headers: { cookie: inspector.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ...form, _csrf: inspector.csrf }).toString(),
    });
  const secondsLeft = async () =>
    (
      (await (await h.request('/api/v1/auth/step-up', { headers: { cookie: inspector.cookie } })).json()) as {
        secondsLeft: number;
      }
    ).secondsLeft;
  const decision = {
    effectiveOn: '2026-11-23',
    reason: 'Mẫu không đạt',
    basis: '77/QĐ-SNNMT',
    decidedBy: 'Sở NN&MT Lạng Sơn',
  };
  const certificateStatus = async () =>
    (await h.db.select().from(certificates).where(eq(certificates.id, valid.certificateId!)))[0]!.status;

  beforeAll(async () => {
    h = await openHarness(kind);
    valid = (await (await h.request(`/api/v1/verify/${h.codes.valid}`)).json()) as Verdict;
    // Enrolment signs in without a step-up: only a real assertion opens the window.
    const { link } = await createEnrolment({
      ctx: h.ctx(ADMIN),
      input: { name: 'Nông Văn Kiểm', role: 'inspector', provinceCode: '20' },
    });
    const enrolment = link.split('#')[1]!;
    passkey = new SoftAuthenticator(h.config.CONSOLE_ORIGIN, h.config.RP_ID);
    const options = (await (await post('/api/v1/auth/enrolment/options', { enrolment })).json()) as {
      challenge: string;
    };
    const res = await post('/api/v1/auth/enrolment/verify', {
      enrolment,
      passkeyName: 'Điện thoại',
      credential: passkey.register(options.challenge),
    });
    expect(res.status).toBe(200);
    const cookie = /ocop_session=[^;]+/.exec(res.headers.get('set-cookie') ?? '')![0];
    const sid = JSON.parse(Buffer.from(cookie.split('=')[1]!.split('.')[1]!, 'base64url').toString()).sid as string;
    inspector = { cookie, csrf: (await h.db.select().from(sessions).where(eq(sessions.id, sid)))[0]!.csrfToken };
  });
  afterAll(async () => {
    h.setNow(TEST_NOW);
    await h?.close();
  });

  it('lets one assertion cover every decision for 5 minutes, then asks again', async () => {
    at(0);
    expect(await secondsLeft()).toBe(0);
    const refused = await post(`/api/v1/batches/${valid.batchId}/recall`, decision, inspector);
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('step_up_required');

    const options = (await (await post('/api/v1/auth/step-up/options', {}, inspector)).json()) as { challenge: string };
    expect(
      (await post('/api/v1/auth/step-up/verify', { credential: passkey.assert(options.challenge) }, inspector)).status,
    ).toBe(200);
    expect(await secondsLeft()).toBe(300);

    expect((await post(`/api/v1/batches/${valid.batchId}/recall`, decision, inspector)).status).toBe(200);
    at(2); // the case: asked again 2 s after the last assertion
    expect(await secondsLeft()).toBe(298);
    expect((await post(`/api/v1/certificates/${valid.certificateId}/suspend`, decision, inspector)).status).toBe(200);
    at(4 * 60 + 50);
    expect(await secondsLeft()).toBe(10);
    expect((await post(`/api/v1/certificates/${valid.certificateId}/reinstate`, decision, inspector)).status).toBe(200);
    expect(await certificateStatus()).toBe('active');

    at(5 * 60 + 1);
    expect(await secondsLeft()).toBe(0);
    const stale = await post(`/api/v1/certificates/${valid.certificateId}/suspend`, decision, inspector);
    expect(stale.status).toBe(403);
    expect(((await stale.json()) as { error: { code: string; message: string } }).error).toMatchObject({
      code: 'step_up_required',
      message: expect.stringContaining('passkey'),
    });
    expect(await certificateStatus()).toBe('active');
  });

  it('starts the action and the grounds unchosen, and refuses a revocation without grounds in Vietnamese', async () => {
    at(0);
    const options = (await (await post('/api/v1/auth/step-up/options', {}, inspector)).json()) as { challenge: string };
    expect(
      (await post('/api/v1/auth/step-up/verify', { credential: passkey.assert(options.challenge) }, inspector)).status,
    ).toBe(200);

    const page = await (
      await h.request(`/console/inspect/products/${valid.productId}`, { headers: { cookie: inspector.cookie } })
    ).text();
    const form = /<form method="post" action="\/console\/inspect\/certificates\/[^"]+\/status"[\s\S]*?<\/form>/.exec(
      page,
    )![0];
    for (const name of ['action', 'grounds']) {
      const select = new RegExp(`<select[^>]*name="${name}"[^>]*>([\\s\\S]*?)</select>`).exec(form)![1]!;
      expect(select.trim().startsWith('<option value="" selected>'), name).toBe(true);
      expect(select.match(/\sselected/g), name).toHaveLength(1);
    }
    // The dialog restates the decision from these attributes.
    expect(form).toContain(
      `data-decision="Thu hồi giấy chứng nhận số ${valid.certificate!.number} của sản phẩm ${valid.product!.name}"`,
    );

    const refused = await postForm(`/console/inspect/certificates/${valid.certificateId}/status`, {
      action: 'revoke',
      grounds: '',
      ...decision,
    });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('Căn cứ thu hồi: Chưa chọn');
    const noAction = await postForm(`/console/inspect/certificates/${valid.certificateId}/status`, {
      action: '',
      grounds: 'violation',
      ...decision,
    });
    expect(noAction.status).toBe(400);
    const viaApi = await post(`/api/v1/certificates/${valid.certificateId}/revoke`, decision, inspector);
    expect(viaApi.status).toBe(400);
    const body = (await viaApi.json()) as { error: { fields: { path: string; message: string }[] } };
    expect(body.error.fields).toEqual([{ path: 'grounds', message: 'Chưa chọn: trường này là bắt buộc.' }]);
    expect(await certificateStatus()).toBe('active');
  });
});
