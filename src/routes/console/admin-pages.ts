import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../app-env';
import { createApiToken } from '../../services/tokens/create-token';
import { listApiTokens, revokeApiToken } from '../../services/tokens/manage-tokens';
import { tokenInput } from '../shared/people-inputs';
import { serviceContext } from '../context';
import { formToInput } from '../../../web/console/forms';
import { scopeFields } from '../../../web/console/scope-fields';
import { tokensView, type TokensPage } from '../../../web/console/tokens-view';
import { auditPages } from './audit-pages';
import { organisationOptions, subjectOptions } from './scope-fields';
import { formFailure, parseWith, postedForm, render, requirePerson, type PageStatus } from './shared';

/** API tokens, and the audit log (audit-pages.ts); people live in people-pages.ts. */
export const adminPages = new Hono<AppEnv>();
for (const path of ['/console/tokens', '/console/tokens/*']) adminPages.use(path, requirePerson);
adminPages.route('/', auditPages);

type Extra = Pick<TokensPage, 'secret' | 'values' | 'errors' | 'message'> & { status?: PageStatus };

async function tokensPage(c: Context<AppEnv>, extra: Extra = {}) {
  const [tokens, subjects, organisations] = await Promise.all([
    listApiTokens({ ctx: serviceContext(c), input: {} }),
    subjectOptions(c),
    organisationOptions(c),
  ]);
  return render(
    c,
    'Mã truy cập (API)',
    tokensView({ tokens, subjects, organisations, csrf: c.var.session!.csrfToken, ...extra }),
    extra.status,
  );
}

adminPages.get('/console/tokens', (c) => tokensPage(c));
adminPages.post('/console/tokens', async (c) => {
  const input = formToInput(scopeFields([]), await postedForm(c));
  try {
    const ctx = serviceContext(c);
    const { days, ...rest } = parseWith(tokenInput, input);
    const created = await createApiToken({
      ctx,
      input: { ...rest, expiresAt: new Date(ctx.now().getTime() + days * 86_400_000) },
    });
    return tokensPage(c, { secret: created.token });
  } catch (error) {
    const failure = formFailure(error);
    return tokensPage(c, { values: input, errors: failure.fields, message: failure.message, status: failure.status });
  }
});
adminPages.post('/console/tokens/:id/revoke', async (c) => {
  try {
    await revokeApiToken({ ctx: serviceContext(c), input: { id: c.req.param('id') } });
    return c.redirect('/console/tokens', 303);
  } catch (error) {
    const failure = formFailure(error);
    return tokensPage(c, { message: failure.message, status: failure.status });
  }
});
