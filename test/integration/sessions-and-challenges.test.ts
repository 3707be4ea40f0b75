import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { people } from '../../src/db/schema';
import { personActor, sessionCookieValue, SESSION_SECONDS, startSession } from '../../src/services/auth/sessions';
import { consumeChallenge, storeChallenge } from '../../src/services/auth/webauthn';
import { AppError } from '../../src/services/shared/errors';
import { bundleWebScript, WEB_BUNDLES } from '../../scripts/build-web';
import { ADMIN, DATABASE_KINDS, openHarness, TEST_NOW, type Harness } from '../support/harness';

describe.each(DATABASE_KINDS)('sessions and WebAuthn challenges on %s', (kind) => {
  let h: Harness;
  let cookie: string;
  let csrf: string;

  beforeAll(async () => {
    h = await openHarness(kind, { seed: false });
    const [person] = await h.db
      .insert(people)
      .values({ id: crypto.randomUUID(), name: 'Cán bộ', role: 'authority', provinceCode: '20' })
      .returning();
    const session = await startSession(h.ctx(personActor(person!)), person!);
    cookie = `ocop_session=${await sessionCookieValue(h.ctx(ADMIN), session.id)}`;
    csrf = session.csrfToken;
  });
  afterAll(async () => {
    await h?.close();
  });

  const failsWith = (promise: Promise<unknown>) =>
    promise.then(
      () => 'ok',
      (e: unknown) => (e instanceof AppError ? e.code : String(e)),
    );

  it('uses a challenge once: a replay is refused', async () => {
    const ctx = h.ctx(ADMIN);
    await storeChallenge(ctx, 'challenge-once', 'sign_in');
    expect(await failsWith(consumeChallenge(ctx, 'challenge-once', 'sign_in'))).toBe('ok');
    expect(await failsWith(consumeChallenge(ctx, 'challenge-once', 'sign_in'))).toBe('passkey_failed');
  });

  it('refuses an expired challenge, and one issued for another ceremony', async () => {
    await storeChallenge(h.ctx(ADMIN), 'challenge-late', 'sign_in');
    h.setNow(new Date(TEST_NOW.getTime() + 6 * 60_000));
    expect(await failsWith(consumeChallenge(h.ctx(ADMIN), 'challenge-late', 'sign_in'))).toBe('passkey_failed');
    h.setNow(TEST_NOW);
    await storeChallenge(h.ctx(ADMIN), 'challenge-register', 'register');
    expect(await failsWith(consumeChallenge(h.ctx(ADMIN), 'challenge-register', 'step_up'))).toBe('passkey_failed');
  });

  it('rejects a sign-in answer to a challenge the server never issued, with a clear error', async () => {
    const clientDataJSON = Buffer.from(
      JSON.stringify({ type: 'webauthn.get', challenge: 'never-issued', origin: h.config.CONSOLE_ORIGIN }),
    ).toString('base64url');
    const res = await h.request('/api/v1/auth/sign-in/verify', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        credential: {
          id: 'x',
          rawId: 'x',
          type: 'public-key',
          response: { clientDataJSON, authenticatorData: 'AA', signature: 'AA' },
        },
      }),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('passkey_failed');
    const junk = await h.request('/api/v1/auth/sign-in/verify', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"credential":{"id":1}}',
    });
    expect(junk.status).toBe(400);
  });

  it('renews a session in use, and ends it on sign-out so the cookie is worthless', async () => {
    const write = (extra: Record<string, string>) =>
      h.request('/api/v1/raw-material-areas', {
        method: 'GET',
        headers: { cookie, ...extra },
      });
    expect((await write({})).status).toBe(200);
    h.setNow(new Date(TEST_NOW.getTime() + (SESSION_SECONDS * 1000 * 2) / 3));
    const renewed = await write({});
    expect(renewed.headers.get('set-cookie')).toMatch(/ocop_session=.+HttpOnly.*SameSite=Lax/i);
    h.setNow(TEST_NOW);
    const out = await h.request('/api/v1/auth/sign-out', {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(out.status).toBe(200);
    expect((await write({})).status).toBe(401);
  });

  it('rate-limits sign-in attempts per client', async () => {
    const limited = await openHarness(kind, { seed: false, env: { SIGN_IN_RATE_PER_MINUTE: '3' } });
    try {
      const statuses = [];
      for (let i = 0; i < 5; i++) {
        statuses.push(
          (
            await limited.request('/api/v1/auth/sign-in/options', {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: '{}',
            })
          ).status,
        );
      }
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
    } finally {
      await limited.close();
    }
  });
});

describe('generated browser scripts', () => {
  it.each(WEB_BUNDLES.map((b) => [b.out, b] as const))(
    '%s is what `npm run build:web` produces from web/client/',
    async (_out, bundle) => {
      expect(readFileSync(bundle.out, 'utf8')).toBe(await bundleWebScript(bundle));
    },
  );
});
