import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../app-env';
import { createEnrolment } from '../../services/auth/enrolment';
import { listPendingEnrolments, withdrawEnrolment } from '../../services/people/manage-enrolments';
import { listPeople } from '../../services/people/manage-people';
import { disablePerson, enablePerson } from '../../services/people/person-lifecycle';
import { inviteInput } from '../shared/people-inputs';
import { serviceContext } from '../context';
import { formToInput } from '../../../web/console/forms';
import { peopleView, type PeoplePage } from '../../../web/console/people-view';
import { scopeFields } from '../../../web/console/scope-fields';
import { vi } from '../../../web/words/vi';
import { organisationOptions, subjectOptions } from './scope-fields';
import { formFailure, parseWith, postedForm, render, requirePerson, type PageStatus } from './shared';

/** Who holds power in the caller's jurisdiction: people, pending invitations, and inviting more. */
export const peoplePages = new Hono<AppEnv>();
for (const path of ['/console/people', '/console/people/*', '/console/enrolments/*'])
  peoplePages.use(path, requirePerson);

type Extra = Pick<PeoplePage, 'link' | 'notice' | 'message' | 'values' | 'errors'> & { status?: PageStatus };

async function peoplePage(c: Context<AppEnv>, extra: Extra = {}) {
  const ctx = serviceContext(c);
  const [people, invitations, subjects, organisations] = await Promise.all([
    listPeople({ ctx }),
    listPendingEnrolments({ ctx }),
    subjectOptions(c),
    organisationOptions(c),
  ]);
  const selfId = ctx.actor.kind === 'session' ? ctx.actor.id : null;
  return render(
    c,
    'Người dùng',
    peopleView({ people, invitations, subjects, organisations, selfId, csrf: c.var.session!.csrfToken, ...extra }),
    extra.status,
  );
}

peoplePages.get('/console/people', (c) => peoplePage(c));

peoplePages.post('/console/people/invite', async (c) => {
  const input = formToInput(scopeFields([]), await postedForm(c));
  try {
    const { link } = await createEnrolment({ ctx: serviceContext(c), input: parseWith(inviteInput, input) });
    return peoplePage(c, { link });
  } catch (error) {
    const failure = formFailure(error);
    return peoplePage(c, { values: input, errors: failure.fields, message: failure.message, status: failure.status });
  }
});

/** Disabling, enabling and withdrawing answer on the same page, naming what was done. */
async function act(c: Context<AppEnv>, work: () => Promise<string>) {
  try {
    return peoplePage(c, { notice: await work() });
  } catch (error) {
    const failure = formFailure(error);
    return peoplePage(c, { message: failure.message, status: failure.status });
  }
}

peoplePages.post('/console/people/:id/disable', (c) =>
  act(c, async () => {
    const { person, sessionsEnded } = await disablePerson({
      ctx: serviceContext(c),
      input: { personId: c.req.param('id') },
    });
    return vi.messages.personDisabled(person.name, sessionsEnded);
  }),
);
peoplePages.post('/console/people/:id/enable', (c) =>
  act(c, async () => {
    const { person } = await enablePerson({ ctx: serviceContext(c), input: { personId: c.req.param('id') } });
    return vi.messages.personEnabled(person.name);
  }),
);
peoplePages.post('/console/enrolments/:id/withdraw', (c) =>
  act(c, async () => {
    const withdrawn = await withdrawEnrolment({ ctx: serviceContext(c), input: { enrolmentId: c.req.param('id') } });
    return vi.messages.invitationWithdrawn(withdrawn.name);
  }),
);
