import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../app-env';
import { createEnrolment } from '../../services/auth/enrolment';
import { listPendingEnrolments, withdrawEnrolment } from '../../services/people/manage-enrolments';
import { listPeople } from '../../services/people/manage-people';
import { disablePerson, enablePerson } from '../../services/people/person-lifecycle';
import { inviteInput } from '../shared/people-inputs';
import { serviceContext } from '../context';
import { formToInput, renderForm } from '../../../web/console/forms';
import { invitationsTable, peopleTable } from '../../../web/console/people-view';
import { html } from '../../../web/view';
import { scopeFields, subjectOptions } from './scope-fields';
import { formFailure, parseWith, postedForm, render, requirePerson } from './shared';

/** Who holds power in the caller's jurisdiction: people, pending invitations, and inviting more. */
export const peoplePages = new Hono<AppEnv>();
for (const path of ['/console/people', '/console/people/*', '/console/enrolments/*']) peoplePages.use(path, requirePerson);

type Extra = { link?: string; notice?: string; values?: Record<string, unknown>; errors?: Record<string, string>; message?: string; status?: 200 | 400 | 403 | 404 | 409 | 422 };

async function peoplePage(c: Context<AppEnv>, extra: Extra = {}) {
  const ctx = serviceContext(c);
  const csrf = c.var.session!.csrfToken;
  const [people, invitations] = await Promise.all([listPeople(ctx), listPendingEnrolments({ ctx })]);
  return render(c, 'Người dùng', html`
${extra.link ? html`<div class="notice" role="status"><p>Gửi liên kết đăng ký này cho người được mời (dùng một lần, hết hạn sau 24 giờ):</p><p><code data-enrolment-link>${extra.link}</code></p></div>` : ''}
${extra.notice ? html`<div class="notice" role="status"><p>${extra.notice}</p></div>` : ''}
${extra.message && !extra.values ? html`<p class="error" role="alert">${extra.message}</p>` : ''}
${peopleTable(people, csrf, ctx.actor.kind === 'session' ? ctx.actor.id : null)}
<h2>Lời mời đang chờ</h2>${invitationsTable(invitations, csrf)}
<h2>Mời người dùng</h2>
<p class="hint">Mời thanh tra, cơ quan quản lý hoặc quản trị viên cần xác thực lại bằng passkey.</p>
${renderForm({ action: '/console/people/invite', fields: scopeFields(await subjectOptions(c)), values: extra.values ?? {}, errors: extra.errors ?? {},
    csrf, submit: 'Tạo liên kết đăng ký', message: extra.values ? extra.message : undefined, stepUp: true })}`, extra.status);
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

peoplePages.post('/console/people/:id/disable', (c) => act(c, async () => {
  const { person, sessionsEnded } = await disablePerson({ ctx: serviceContext(c), input: { personId: c.req.param('id') } });
  return `Đã vô hiệu hóa ${person.name}: ${sessionsEnded} phiên đăng nhập đã kết thúc, passkey không còn đăng nhập được.`;
}));
peoplePages.post('/console/people/:id/enable', (c) => act(c, async () => {
  const { person } = await enablePerson({ ctx: serviceContext(c), input: { personId: c.req.param('id') } });
  return `Đã kích hoạt lại ${person.name}.`;
}));
peoplePages.post('/console/enrolments/:id/withdraw', (c) => act(c, async () => {
  const withdrawn = await withdrawEnrolment({ ctx: serviceContext(c), input: { enrolmentId: c.req.param('id') } });
  return `Đã thu hồi lời mời của ${withdrawn.name}: liên kết không còn dùng được.`;
}));
