import { Hono } from 'hono';
import type { AppEnv } from '../../app-env';
import { listExpiringCertificates } from '../../services/lifecycle/list-expiring';
import { closeReport, listReports } from '../../services/reports/report-queue';
import { serviceContext } from '../context';
import { expiringView, reportsView } from '../../../web/console/queue-view';
import { formFailure, postedForm, render, requirePerson, type PageStatus } from './shared';

/** Work lists: the consumer report queue and the renewal notices. */
export const queuePages = new Hono<AppEnv>();
for (const path of ['/console/reports', '/console/reports/*', '/console/expiring']) queuePages.use(path, requirePerson);

async function reportsPage(c: Parameters<typeof serviceContext>[0], problem?: { message: string; status: PageStatus }) {
  const state = c.req.query('state') === 'closed' ? 'closed' : 'open';
  const items = await listReports({ ctx: serviceContext(c), input: { state } });
  return render(
    c,
    'Phản ánh của người tiêu dùng',
    reportsView({
      state,
      items,
      csrf: c.var.session!.csrfToken,
      closed: Boolean(c.req.query('closed')),
      problem: problem?.message,
    }),
    problem?.status,
  );
}

queuePages.get('/console/reports', (c) => reportsPage(c));
queuePages.post('/console/reports/:id/close', async (c) => {
  const form = await postedForm(c);
  const note = String(form.note ?? '').trim();
  try {
    await closeReport({ ctx: serviceContext(c), input: { id: c.req.param('id'), note: note || '—' } });
    return c.redirect('/console/reports?closed=1', 303);
  } catch (error) {
    return reportsPage(c, formFailure(error));
  }
});

queuePages.get('/console/expiring', async (c) =>
  render(c, 'Chứng nhận sắp hết hạn', expiringView(await listExpiringCertificates({ ctx: serviceContext(c) }))),
);
