import { Hono } from 'hono';
import type { AppEnv } from '../../app-env';
import { setSessionCookie } from '../../middleware/authenticate';
import { rateLimit } from '../../middleware/rate-limit';
import { endSession } from '../../services/auth/sessions';
import { listMyPasskeys, removeMyPasskey } from '../../services/people/manage-people';
import { serviceContext } from '../context';
import { CONSOLE_SCRIPT } from '../../../web/generated/console-script';
import { enrolView, homeView, passkeysView, signInView } from '../../../web/console/account-view';
import { formFailure, may, render, requirePerson } from './shared';

/** Signing in and out, enrolment from a link, the home page and one's own passkeys. */
export const accountPages = new Hono<AppEnv>();

accountPages.get('/console/app.js', (c) => {
  c.header('Content-Type', 'text/javascript; charset=utf-8');
  c.header('Cache-Control', 'no-cache');
  return c.body(CONSOLE_SCRIPT);
});

accountPages.get('/console/sign-in', rateLimit('sign-in'), (c) => render(c, 'Đăng nhập', signInView()));

accountPages.get('/enroll', rateLimit('enrol'), (c) => render(c, 'Đăng ký passkey', enrolView()));

accountPages.get('/console', requirePerson, (c) =>
  render(c, `Xin chào, ${c.var.session?.personName ?? ''}`, homeView(may(c))),
);

accountPages.post('/console/sign-out', requirePerson, async (c) => {
  await endSession(serviceContext(c), c.var.session!.id);
  setSessionCookie(c, '', 0);
  return c.redirect('/console/sign-in', 303);
});

accountPages.get('/console/passkeys', requirePerson, async (c) => {
  const keys = await listMyPasskeys({ ctx: serviceContext(c) });
  return render(c, 'Passkey của tôi', passkeysView(keys, c.var.session!.csrfToken, c.req.query('error')));
});

accountPages.post('/console/passkeys/:id/remove', requirePerson, async (c) => {
  try {
    await removeMyPasskey({ ctx: serviceContext(c), input: { passkeyId: decodeURIComponent(c.req.param('id')) } });
    return c.redirect('/console/passkeys', 303);
  } catch (error) {
    return c.redirect(`/console/passkeys?error=${encodeURIComponent(formFailure(error).message)}`, 303);
  }
});
