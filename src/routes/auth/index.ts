import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import type { Context } from 'hono';
import type { AppEnv } from '../../app-env';
import { rateLimit } from '../../middleware/rate-limit';
import { setSessionCookie } from '../../middleware/authenticate';
import { beginPasskeyAssertion, finishPasskeyAssertion } from '../../services/auth/authenticate-passkey';
import { previewEnrolment } from '../../services/auth/enrolment';
import {
  beginPasskeyRegistration,
  finishPasskeyRegistration,
  type Registrant,
} from '../../services/auth/register-passkey';
import { endSession, sessionCookieValue, stepUpSecondsLeft } from '../../services/auth/sessions';
import { unauthorized } from '../../services/shared/errors';
import { serviceContext } from '../context';
import { validationHook } from '../errors';
import { errorSchema } from '../shared/schemas';
import { ownAccount } from '../openapi-helpers';

/** WebAuthn ceremonies: each is an `options` call, then a `verify` call with the browser's answer. */
const credential = z
  .object({
    id: z.string().max(1024),
    rawId: z.string().max(1024),
    type: z.literal('public-key'),
    response: z.object({ clientDataJSON: z.string().max(4096) }).loose(),
  })
  .loose();
const enrolmentSecret = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'Liên kết đăng ký không hợp lệ.');
const ok = {
  200: { content: { 'application/json': { schema: z.object({}).loose() } }, description: 'OK' },
  400: { content: { 'application/json': { schema: errorSchema } }, description: 'Rejected' },
};

export const authRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
authRoutes.use('/api/v1/auth/enrolment/*', rateLimit('enrol'));
authRoutes.use('/api/v1/auth/sign-in/*', rateLimit('sign-in'));

const post = <T extends z.ZodType>(path: string, summary: string, body: T) =>
  createRoute({
    method: 'post',
    path,
    tags: ['Sign-in (passkeys)'],
    summary,
    request: { body: { content: { 'application/json': { schema: body } }, required: true } },
    responses: ok,
  });
/** The calls a signed-in person makes about their own account: 401 before their body is read. */
const own = <T extends z.ZodType>(path: string, summary: string, body: T) =>
  createRoute({
    method: 'post',
    path,
    tags: ['Sign-in (passkeys)'],
    summary,
    ...ownAccount,
    request: { body: { content: { 'application/json': { schema: body } }, required: true } },
    responses: ok,
  });

async function signedIn(c: Context<AppEnv>, sessionId: string) {
  setSessionCookie(c, await sessionCookieValue(serviceContext(c), sessionId));
}

function requireSession(c: Context<AppEnv>) {
  const session = c.var.session;
  if (!session || c.var.actor.kind !== 'session') throw unauthorized();
  return { ...session, personId: c.var.actor.id };
}

authRoutes.openapi(
  post(
    '/api/v1/auth/enrolment/preview',
    'What an enrolment link grants (name, role, scope), shown before the ceremony',
    z.object({ enrolment: enrolmentSecret }),
  ),
  async (c) =>
    c.json(
      (await previewEnrolment({ ctx: serviceContext(c), input: { secret: c.req.valid('json').enrolment } })) as never,
      200,
    ),
);

authRoutes.openapi(
  post(
    '/api/v1/auth/enrolment/options',
    'Start registering a passkey from an enrolment link',
    z.object({ enrolment: enrolmentSecret }),
  ),
  async (c) =>
    c.json(
      (await beginPasskeyRegistration(serviceContext(c), { enrolmentSecret: c.req.valid('json').enrolment })) as never,
      200,
    ),
);

authRoutes.openapi(
  post(
    '/api/v1/auth/enrolment/verify',
    'Finish enrolment: creates the person and signs in',
    z.object({ enrolment: enrolmentSecret, passkeyName: z.string().max(60), credential }),
  ),
  async (c) => {
    const { enrolment, passkeyName, credential: response } = c.req.valid('json');
    const result = await finishPasskeyRegistration(
      serviceContext(c),
      { enrolmentSecret: enrolment },
      response as unknown as RegistrationResponseJSON,
      passkeyName,
    );
    await signedIn(c, result.session!.id);
    return c.json({ person: { id: result.person.id, name: result.person.name, role: result.person.role } }, 200);
  },
);

authRoutes.openapi(post('/api/v1/auth/sign-in/options', 'Start a passkey sign-in', z.object({}).loose()), async (c) =>
  c.json((await beginPasskeyAssertion(serviceContext(c), 'sign_in')) as never, 200),
);

authRoutes.openapi(
  post('/api/v1/auth/sign-in/verify', 'Finish a passkey sign-in; sets the session cookie', z.object({ credential })),
  async (c) => {
    const result = await finishPasskeyAssertion(
      serviceContext(c),
      'sign_in',
      c.req.valid('json').credential as unknown as AuthenticationResponseJSON,
    );
    await signedIn(c, result.session!.id);
    return c.json({ person: { id: result.person.id, name: result.person.name, role: result.person.role } }, 200);
  },
);

authRoutes.openapi(
  own('/api/v1/auth/step-up/options', 'Ask for a fresh passkey assertion (signed in)', z.object({}).loose()),
  async (c) => {
    const session = requireSession(c);
    return c.json((await beginPasskeyAssertion(serviceContext(c), 'step_up', session.personId)) as never, 200);
  },
);

authRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/api/v1/auth/step-up',
    tags: ['Sign-in (passkeys)'],
    ...ownAccount,
    summary: 'How many seconds the last passkey assertion still covers step-up actions (0: ask for a new one)',
    responses: {
      200: {
        content: { 'application/json': { schema: z.object({ secondsLeft: z.number().int() }) } },
        description: 'OK',
      },
      401: { content: { 'application/json': { schema: errorSchema } }, description: 'Not signed in' },
    },
  }),
  async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(
      { secondsLeft: await stepUpSecondsLeft({ ctx: serviceContext(c), input: { sessionId: requireSession(c).id } }) },
      200,
    );
  },
);

authRoutes.openapi(
  own('/api/v1/auth/step-up/verify', 'Record a fresh passkey assertion for 5 minutes', z.object({ credential })),
  async (c) => {
    const session = requireSession(c);
    await finishPasskeyAssertion(
      serviceContext(c),
      'step_up',
      c.req.valid('json').credential as unknown as AuthenticationResponseJSON,
      { id: session.id, personId: session.personId },
    );
    return c.json({ steppedUp: true }, 200);
  },
);

const addPasskey = (c: Context<AppEnv>): Registrant => ({ personId: requireSession(c).personId });

authRoutes.openapi(
  own('/api/v1/auth/passkeys/options', 'Start adding another passkey (signed in)', z.object({}).loose()),
  async (c) => c.json((await beginPasskeyRegistration(serviceContext(c), addPasskey(c))) as never, 200),
);

authRoutes.openapi(
  own(
    '/api/v1/auth/passkeys/verify',
    'Finish adding another passkey',
    z.object({ passkeyName: z.string().max(60), credential }),
  ),
  async (c) => {
    const { passkeyName, credential: response } = c.req.valid('json');
    const result = await finishPasskeyRegistration(
      serviceContext(c),
      addPasskey(c),
      response as unknown as RegistrationResponseJSON,
      passkeyName,
    );
    return c.json({ passkey: result.passkey }, 200);
  },
);

authRoutes.openapi(own('/api/v1/auth/sign-out', 'Sign out: ends the session', z.object({}).loose()), async (c) => {
  const session = requireSession(c);
  await endSession(serviceContext(c), session.id);
  setSessionCookie(c, '', 0);
  return c.json({ signedOut: true }, 200);
});
