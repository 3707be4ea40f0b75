import { execFileSync } from 'node:child_process';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, people, sessions } from '../../src/db/schema';
import { createEnrolment, createFirstAdminEnrolment } from '../../src/services/auth/enrolment';
import { verifyAuditChain } from '../../src/services/audit/verify-audit-chain';
import { AppError } from '../../src/services/shared/errors';
import { POLICY, type Action, type Role } from '../../src/services/shared/policy';
import { createApiToken } from '../../src/services/tokens/create-token';
import { runPeopleCommand } from '../../src/cli/people';
import { disablePerson } from '../../src/services/people/person-lifecycle';
import { revokeApiToken } from '../../src/services/tokens/manage-tokens';
import { ADMIN, DATABASE_KINDS, json, openHarness, type Harness } from '../support/harness';
import { SoftAuthenticator } from '../support/soft-authenticator';

type Signed = { cookie: string; csrf: string; personId: string };

describe.each(DATABASE_KINDS)('people and power on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness(kind);
  });
  afterAll(async () => {
    await h?.close();
  });

  const post = async (path: string, body: unknown, who?: Signed | string) =>
    h.request(path, {
      method: 'POST',
      body: JSON.stringify(body),
      headers: {
        'content-type': 'application/json',
        ...(typeof who === 'string'
          ? { authorization: `Bearer ${who}` }
          : who
            ? { cookie: who.cookie, 'x-csrf-token': who.csrf }
            : {}),
      },
    });
  const get = async (path: string, who?: Signed | string) =>
    h.request(path, {
      headers: typeof who === 'string' ? { authorization: `Bearer ${who}` } : who ? { cookie: who.cookie } : {},
    });
  const errorOf = async (res: Response) =>
    ((await res.json()) as { error: { code: string; fields?: { path: string }[] } }).error;
  const secretOf = (link: string) => link.split('#')[1]!;
  const invite = async (role: Role, provinceCode?: string) =>
    (
      await createEnrolment({
        ctx: h.ctx(ADMIN),
        input: { name: `${role} ${crypto.randomUUID().slice(0, 6)}`, role, provinceCode },
      })
    ).link;

  /** The session a Set-Cookie starts, with its CSRF token (the console reads it from the page). */
  async function sessionOf(res: Response): Promise<Signed> {
    const cookie = /ocop_session=[^;]+/.exec(res.headers.get('set-cookie') ?? '')![0];
    const sid = JSON.parse(Buffer.from(cookie.split('=')[1]!.split('.')[1]!, 'base64url').toString()).sid as string;
    const [row] = await h.db.select().from(sessions).where(eq(sessions.id, sid));
    return { cookie, csrf: row!.csrfToken, personId: row!.personId };
  }
  async function enrol(link: string, passkey = new SoftAuthenticator(h.config.CONSOLE_ORIGIN, h.config.RP_ID)) {
    const enrolment = secretOf(link);
    const options = (await (await post('/api/v1/auth/enrolment/options', { enrolment })).json()) as {
      challenge: string;
    };
    const res = await post('/api/v1/auth/enrolment/verify', {
      enrolment,
      passkeyName: 'Điện thoại',
      credential: passkey.register(options.challenge),
    });
    expect(res.status, await res.clone().text()).toBe(200);
    return { passkey, session: await sessionOf(res) };
  }
  async function signIn(passkey: SoftAuthenticator) {
    const options = (await (await post('/api/v1/auth/sign-in/options', {})).json()) as { challenge: string };
    return post('/api/v1/auth/sign-in/verify', { credential: passkey.assert(options.challenge) });
  }
  async function stepUp(who: Signed, passkey: SoftAuthenticator) {
    const options = (await (await post('/api/v1/auth/step-up/options', {}, who)).json()) as { challenge: string };
    expect(
      (await post('/api/v1/auth/step-up/verify', { credential: passkey.assert(options.challenge) }, who)).status,
    ).toBe(200);
  }

  it('lets a bearer token invite only producers and retailers, inside its own province', async () => {
    const authority = await h.token('authority', { provinceCode: '20' });
    const admin = await h.token('admin');
    expect(
      (await post('/api/v1/enrolments', { name: 'Bán lẻ', role: 'retailer', provinceCode: '20' }, authority)).status,
    ).toBe(201);
    expect(
      (await post('/api/v1/enrolments', { name: 'Bán lẻ xa', role: 'retailer', provinceCode: '22' }, authority)).status,
    ).toBe(403);
    for (const [body, token] of [
      [{ name: 'Thanh tra', role: 'inspector', provinceCode: '20' }, authority],
      [{ name: 'Cán bộ', role: 'authority', provinceCode: '20' }, authority],
      [{ name: 'Quản trị', role: 'admin' }, admin],
      [{ name: 'Thanh tra TW', role: 'inspector', provinceCode: 'central' }, admin],
    ] as const) {
      const res = await post('/api/v1/enrolments', body, token);
      expect(res.status, body.role).toBe(403);
    }
  });

  it('never counts an enrolment as a step-up, and grants power only after a fresh assertion', async () => {
    const { passkey, session } = await enrol(await invite('authority', '20'));
    const inspector = { name: 'Nông Văn Kiểm', role: 'inspector', provinceCode: '20' };
    const refused = await post('/api/v1/enrolments', inspector, session);
    expect(refused.status).toBe(403);
    expect((await errorOf(refused)).code).toBe('step_up_required');
    await stepUp(session, passkey);
    expect((await post('/api/v1/enrolments', inspector, session)).status).toBe(201);
    expect((await post('/api/v1/enrolments', { name: 'Quản trị', role: 'admin' }, session)).status).toBe(403);
    expect((await post('/api/v1/enrolments', { ...inspector, provinceCode: 'central' }, session)).status).toBe(403);
  });

  it('off-boards a person at once: sessions end, passkeys stop, their unused invitations die; enabling restores sign-in', async () => {
    const admin = await enrol(await invite('admin'));
    await stepUp(admin.session, admin.passkey);
    const officer = await enrol(await invite('authority', '20'));
    await stepUp(officer.session, officer.passkey);
    const issued = (await (
      await post('/api/v1/enrolments', { name: 'Cửa hàng', role: 'retailer', provinceCode: '20' }, officer.session)
    ).json()) as { link: string };
    expect((await get('/api/v1/people', officer.session)).status).toBe(200);

    // A stepped-up officer of another province sees this person, and an admin, as missing ids.
    const outsider = await enrol(await invite('authority', '22'));
    await stepUp(outsider.session, outsider.passkey);
    for (const id of [officer.session.personId, admin.session.personId]) {
      const far = await post(`/api/v1/people/${id}/disable`, {}, outsider.session);
      expect([far.status, (await errorOf(far)).code]).toEqual([404, 'not_found']);
    }
    expect((await post(`/api/v1/people/${crypto.randomUUID()}/disable`, {}, outsider.session)).status).toBe(404);
    expect((await post('/console/people/not-a-uuid/disable', {}, admin.session)).status).toBe(400);
    const viaToken = await post(
      `/api/v1/people/${officer.session.personId}/disable`,
      { junk: true },
      await h.token('admin'),
    );
    expect([viaToken.status, (await errorOf(viaToken)).fields]).toEqual([403, undefined]);

    const disabled = await post(`/api/v1/people/${officer.session.personId}/disable`, {}, admin.session);
    expect(disabled.status, await disabled.clone().text()).toBe(200);
    expect((await get('/api/v1/people', officer.session)).status).toBe(401);
    expect((await signIn(officer.passkey)).status).toBe(400);
    expect((await post('/api/v1/auth/enrolment/preview', { enrolment: secretOf(issued.link) })).status).toBe(400);
    expect((await post(`/api/v1/people/${admin.session.personId}/disable`, {}, admin.session)).status).toBe(409);

    expect((await post(`/api/v1/people/${officer.session.personId}/enable`, {}, admin.session)).status).toBe(200);
    const back = await signIn(officer.passkey);
    expect(back.status).toBe(200);
    expect((await get('/api/v1/people', await sessionOf(back))).status).toBe(200);
    expect((await verifyAuditChain(h.db)).ok).toBe(true);
  });

  it('asks for a fresh passkey before a session adds or removes a passkey', async () => {
    const { session, passkey } = await enrol(await invite('retailer', '20'));
    const refused = await post('/api/v1/auth/passkeys/options', {}, session);
    expect([refused.status, (await errorOf(refused)).code]).toEqual([403, 'step_up_required']);
    await stepUp(session, passkey);
    const second = new SoftAuthenticator(h.config.CONSOLE_ORIGIN, h.config.RP_ID);
    const options = (await (await post('/api/v1/auth/passkeys/options', {}, session)).json()) as { challenge: string };
    expect(
      (
        await post(
          '/api/v1/auth/passkeys/verify',
          { passkeyName: 'Máy tính', credential: second.register(options.challenge) },
          session,
        )
      ).status,
    ).toBe(200);
  });

  it('revokes the tokens a person made when they are disabled, and a revoked token’s invitations die with it', async () => {
    const admin = await enrol(await invite('admin'));
    await stepUp(admin.session, admin.passkey);
    const made = (await (
      await post('/api/v1/tokens', { name: 'Máy quét', role: 'retailer', provinceCode: '20' }, admin.session)
    ).json()) as { token: string };
    expect((await get('/api/v1/intakes', made.token)).status).toBe(200);
    const disabled = await disablePerson({ ctx: h.ctx(ADMIN), input: { personId: admin.session.personId } });
    expect(disabled.tokensRevoked).toBe(1);
    expect((await get('/api/v1/intakes', made.token)).status).toBe(401);

    const stolen = await createApiToken({
      ctx: h.ctx(ADMIN),
      input: { name: 'bị lộ', role: 'authority', provinceCode: '20', expiresAt: null },
    });
    const { link } = (await (
      await post('/api/v1/enrolments', { name: 'Cửa hàng', role: 'retailer', provinceCode: '20' }, stolen.token)
    ).json()) as { link: string };
    await revokeApiToken({ ctx: h.ctx(ADMIN), input: { id: stolen.id } });
    expect((await post('/api/v1/auth/enrolment/preview', { enrolment: secretOf(link) })).status).toBe(400);
  });

  it('lets only whoever could issue an invitation withdraw it', async () => {
    const adminLink = await createEnrolment({ ctx: h.ctx(ADMIN), input: { name: 'Quản trị mới', role: 'admin' } });
    const id = adminLink.enrolment.id;
    expect(
      (await post(`/api/v1/enrolments/${id}/withdraw`, {}, await h.token('authority', { provinceCode: 'central' })))
        .status,
    ).toBe(404);
    expect((await post(`/api/v1/enrolments/${id}/withdraw`, {}, await h.token('admin'))).status).toBe(403);
    expect((await post('/api/v1/auth/enrolment/preview', { enrolment: secretOf(adminLink.link) })).status).toBe(200);
  });

  it('lists pending invitations without their secrets and withdraws one so its link dies', async () => {
    const authority = await h.token('authority', { provinceCode: '20' });
    const { link, enrolment } = (await (
      await post('/api/v1/enrolments', { name: 'Điểm bán Chi Lăng', role: 'retailer', provinceCode: '20' }, authority)
    ).json()) as { link: string; enrolment: { id: string } };
    const preview = await post('/api/v1/auth/enrolment/preview', { enrolment: secretOf(link) });
    expect(await preview.json()).toMatchObject({ name: 'Điểm bán Chi Lăng', role: 'retailer', provinceCode: '20' });
    const pending = (await (await get('/api/v1/enrolments', authority)).json()) as { items: Record<string, unknown>[] };
    expect(pending.items.find((e) => e.id === enrolment.id)).toBeDefined();
    expect(pending.items.every((e) => !('tokenHash' in e) && e.provinceCode === '20')).toBe(true);
    expect((await get('/api/v1/enrolments', await h.token('authority', { provinceCode: '22' }))).status).toBe(200);

    expect((await post(`/api/v1/enrolments/${enrolment.id}/withdraw`, {}, authority)).status).toBe(200);
    expect((await post(`/api/v1/enrolments/${enrolment.id}/withdraw`, {}, authority)).status).toBe(409);
    expect((await post('/api/v1/auth/enrolment/preview', { enrolment: secretOf(link) })).status).toBe(400);
    expect((await post('/api/v1/auth/enrolment/options', { enrolment: secretOf(link) })).status).toBe(400);
    const after = (await (await get('/api/v1/enrolments', authority)).json()) as { items: { id: string }[] };
    expect(after.items.some((e) => e.id === enrolment.id)).toBe(false);
  });

  it('requires an explicit scope: a province or `central`, never a silent nationwide default', async () => {
    const authority = await h.token('authority', { provinceCode: '20' });
    const res = await post('/api/v1/enrolments', { name: 'Cửa hàng', role: 'retailer' }, authority);
    expect(res.status).toBe(400);
    expect((await errorOf(res)).fields?.map((f) => f.path)).toEqual(['provinceCode']);
    const failure = (input: Parameters<typeof createApiToken>[0]['input']) =>
      createApiToken({ ctx: h.ctx(ADMIN), input }).then(
        () => 'ok',
        (e: unknown) => (e instanceof AppError ? e.details?.fields?.[0]?.path : String(e)),
      );
    const base = { name: 't', expiresAt: null };
    expect(await failure({ ...base, role: 'inspector' })).toBe('provinceCode');
    expect(await failure({ ...base, role: 'retailer', provinceCode: 'central' })).toBe('provinceCode');
    expect(await failure({ ...base, role: 'producer' })).toBe('subjectId');
    expect(await failure({ ...base, role: 'inspector', provinceCode: 'central' })).toBe('ok');
    const scoped = await createEnrolment({
      ctx: h.ctx(ADMIN),
      input: { name: 'Thanh tra TW', role: 'inspector', provinceCode: 'central' },
    });
    expect(scoped.enrolment.provinceCode).toBeNull();
  });

  it('uses a link once: of 8 concurrent enrolments on one link exactly one creates a person', async () => {
    const link = await createEnrolment({
      ctx: h.ctx(ADMIN),
      input: { name: 'Tranh chấp', role: 'retailer', provinceCode: '20' },
    });
    const enrolment = secretOf(link.link);
    const attempts = await Promise.all(
      Array.from({ length: 8 }, async () => {
        const options = (await (await post('/api/v1/auth/enrolment/options', { enrolment })).json()) as {
          challenge: string;
        };
        return { options, passkey: new SoftAuthenticator(h.config.CONSOLE_ORIGIN, h.config.RP_ID) };
      }),
    );
    const statuses = await Promise.all(
      attempts.map(
        async ({ options, passkey }) =>
          (
            await post('/api/v1/auth/enrolment/verify', {
              enrolment,
              passkeyName: 'x',
              credential: passkey.register(options.challenge),
            })
          ).status,
      ),
    );
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    // A loser either finds the link already used (400) or loses the conditional update (409).
    expect(statuses.filter((s) => s === 400 || s === 409)).toHaveLength(7);
    const [made] = await h.db.select({ n: count() }).from(people).where(eq(people.name, 'Tranh chấp'));
    expect(Number(made!.n)).toBe(1);
  });

  it('supersedes each first-admin link with the next, and kills them all once an administrator enrols', async () => {
    const fresh = await openHarness(kind, { seed: false });
    try {
      const first = (await createFirstAdminEnrolment({ ctx: fresh.ctx(ADMIN) }))!;
      const second = (await createFirstAdminEnrolment({ ctx: fresh.ctx(ADMIN) }))!;
      const preview = async (link: string) =>
        (await fresh.request('/api/v1/auth/enrolment/preview', json({ enrolment: secretOf(link) }))).status;
      expect(await preview(first.link)).toBe(400);
      expect(await preview(second.link)).toBe(200);
      const cliAdmin = await createEnrolment({ ctx: fresh.ctx(ADMIN), input: { name: 'Quản trị CLI', role: 'admin' } });
      const passkey = new SoftAuthenticator(fresh.config.CONSOLE_ORIGIN, fresh.config.RP_ID);
      const options = (await (
        await fresh.request('/api/v1/auth/enrolment/options', json({ enrolment: secretOf(cliAdmin.link) }))
      ).json()) as { challenge: string };
      expect(
        (
          await fresh.request(
            '/api/v1/auth/enrolment/verify',
            json({
              enrolment: secretOf(cliAdmin.link),
              passkeyName: 'x',
              credential: passkey.register(options.challenge),
            }),
          )
        ).status,
      ).toBe(200);
      expect(await preview(second.link)).toBe(400);
      expect(await createFirstAdminEnrolment({ ctx: fresh.ctx(ADMIN) })).toBeNull();
    } finally {
      await fresh.close();
    }
  });

  it('authenticates, then authorizes, then validates: every protected operation refuses a stranger before reading its input', async () => {
    const doc = (await (await h.request('/openapi.json')).json()) as {
      paths: Record<string, Record<string, { security?: unknown[]; 'x-policy-actions'?: Action[] }>>;
    };
    const tokens = {
      retailer: await h.token('retailer', { provinceCode: '20' }),
      producer: await h.token('producer', { subjectId: (await h.db.query.subjects.findFirst())!.id }),
    };
    let walked = 0;
    let strangers = 0;
    const before = Number((await h.db.select({ n: count() }).from(auditLog))[0]!.n);
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        if (!op.security?.length) continue;
        walked++;
        const url = path.replace(/\{[^}]+\}/g, 'not-an-id');
        const init = {
          method: method.toUpperCase(),
          headers: { 'content-type': 'application/json' },
          ...(method === 'get' ? {} : { body: '{"junk": [' }),
        };
        const anonymous = await h.request(`${url}?limit=-1`, init);
        expect(anonymous.status, `${method} ${path}`).toBe(401);
        expect(JSON.stringify(await anonymous.json())).not.toMatch(/fields/);
        const actions = op['x-policy-actions'];
        if (!actions) continue; // the caller's own account: any session may
        const stranger = (['retailer', 'producer'] as const).find(
          (r) => !actions.some((a) => (POLICY[a] as Partial<Record<Role, string>>)[r]),
        );
        if (!stranger) continue;
        const refused = await h.request(url, {
          ...init,
          headers: { ...init.headers, authorization: `Bearer ${tokens[stranger]}` },
        });
        expect(refused.status, `${stranger}: ${method} ${path}`).toBe(403);
        strangers++;
      }
    }
    expect(walked).toBeGreaterThan(40);
    expect(strangers).toBeGreaterThan(30);
    expect(Number((await h.db.select({ n: count() }).from(auditLog))[0]!.n)).toBe(before);
  });

  /**
   * `npm run cli` for real on PostgreSQL. PGlite is held by this test process, so there the same
   * command function runs in-process, as the operator the CLI acts as.
   */
  async function cli(...args: string[]): Promise<string> {
    if (kind === 'postgres') {
      return execFileSync('npx', ['tsx', 'src/cli/index.ts', ...args], {
        encoding: 'utf8',
        env: { ...process.env, DATABASE_URL: h.databaseUrl!, DATA_DIR: h.dataDir },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    }
    if (args[0] === 'audit') return (await verifyAuditChain(h.db)).ok ? 'Audit log intact' : 'BROKEN';
    const lines: string[] = [];
    const log = console.log;
    console.log = (line: string) => lines.push(line);
    try {
      await runPeopleCommand(
        `people ${args[1]}` as 'people list',
        args[3],
        h.ctx({ kind: 'system', id: 'cli:test', role: 'admin', provinceCode: null, subjectId: null }),
      );
    } finally {
      console.log = log;
    }
    return lines.join('\n');
  }

  it('lets an operator list people and off-board one from the command line, audited', async () => {
    const { session, passkey } = await enrol(await invite('inspector', '20'));
    const line = (await cli('people', 'list')).split('\n').find((l) => l.startsWith(session.personId))!;
    expect(line.split('\t').slice(1, 4)).toEqual(['active', 'inspector', 'province 20']);
    expect(await cli('people', 'disable', '--id', session.personId)).toMatch(/^Disabled .* 1 session\(s\) ended/);
    expect((await get('/api/v1/inspections', session)).status).toBe(401);
    expect((await signIn(passkey)).status).toBe(400);
    expect(await cli('people', 'list')).toMatch(new RegExp(`${session.personId}\tDISABLED`));
    const entries = await h.db.select().from(auditLog).where(eq(auditLog.entityId, session.personId));
    expect(entries.filter((e) => e.action === 'person.disable').map((e) => e.actor)).toEqual([
      expect.stringMatching(/^system:cli/),
    ]);
    expect(await cli('audit', 'verify')).toContain('intact');
  }, 150_000); // five CLI processes, each loading the whole service: ~5 s apiece on a busy machine

  it('answers an id outside the caller’s jurisdiction exactly as a missing one', async () => {
    const product = (await h.db.query.products.findFirst())!;
    const home = (await h.db.query.subjects.findFirst({ where: (s, { eq: is }) => is(s.id, product.subjectId) }))!
      .provinceCode;
    const inspector = await h.token('inspector', { provinceCode: home === '22' ? '20' : '22' });
    const foreign = await get(`/api/v1/products/${product.id}/dossier`, inspector);
    const missing = await get(`/api/v1/products/${crypto.randomUUID()}/dossier`, inspector);
    expect(foreign.status).toBe(404);
    expect((await errorOf(foreign)).code).toBe((await errorOf(missing)).code);
    expect(missing.status).toBe(404);
  });
});
