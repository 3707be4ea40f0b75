import { Hono, type Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../../app-env';
import { XLSX_TYPE } from '../../data/import-columns';
import { writeXlsx } from '../../services/imports/xlsx-io';
import { readStatistics } from '../../services/statistics/read-statistics';
import { recordTarget } from '../../services/statistics/record-target';
import { serviceContext } from '../context';
import { formFailure, may, postedForm, render, requirePerson } from './shared';
import { refusedView } from '../../../web/console/copies-view';
import type { FieldErrors } from '../../../web/console/forms';
import { formToInput } from '../../../web/console/forms';
import { statisticsCsv, statisticsReport, statisticsSheets } from '../../../web/console/statistics-report';
import { statisticsFailureView, statisticsView, type StatisticsFilter } from '../../../web/console/statistics-view';
import { targetFields } from '../../../web/console/statistics-targets-view';
import { vi } from '../../../web/words/vi';

const w = vi.statistics;

/** The statistics page, its report downloads and the targets form: plain GET forms and one POST, no script needed. */
export const statisticsPages = new Hono<AppEnv>();

const onlyReaders = createMiddleware<AppEnv>(async function mayReadStatistics(c, next) {
  if (!may(c)('statistics.read'))
    return render(c, w.title, refusedView('Trang này dành cho cơ quan quản lý và thanh tra.'), 403);
  await next();
});
statisticsPages.use('/console/statistics', requirePerson, onlyReaders);
statisticsPages.use('/console/statistics/*', requirePerson, onlyReaders);

/** The filter as typed: an empty box is "not given" (the service's defaults), never an empty string. */
function filterOf(c: Context<AppEnv>): StatisticsFilter {
  const given = (name: string) => c.req.query(name)?.trim() || undefined;
  return {
    granularity: given('granularity') ?? 'quarter',
    from: given('from'),
    to: given('to'),
    province: given('province'),
  };
}

const isCentral = (c: Context<AppEnv>) => c.var.actor.kind !== 'anonymous' && c.var.actor.provinceCode === null;

async function statisticsPage(
  c: Context<AppEnv>,
  extra: { targetInput?: Record<string, unknown>; targetErrors?: FieldErrors; message?: string; notice?: string } = {},
  status: 200 | 400 | 403 | 404 | 409 | 422 = 200,
) {
  const filter = filterOf(c);
  const central = isCentral(c);
  try {
    const s = await readStatistics({ ctx: serviceContext(c), input: filter as never });
    const body = statisticsView(s, vi, {
      filter,
      central,
      csrf: c.var.session?.csrfToken,
      mayRecordTargets: may(c)('target.set'),
      ...extra,
    });
    return render(c, w.title, body, status);
  } catch (error) {
    const failure = formFailure(error);
    return render(
      c,
      w.title,
      statisticsFailureView(filter, central, w, failure.message, failure.fields),
      failure.status,
    );
  }
}

statisticsPages.get('/console/statistics', (c) =>
  statisticsPage(c, { notice: c.req.query('saved') ? w.targets.form.saved : undefined }),
);

for (const format of ['csv', 'xlsx'] as const) {
  statisticsPages.get(`/console/statistics/report.${format}`, async (c) => {
    const s = await readStatistics({ ctx: serviceContext(c), input: filterOf(c) as never });
    const report = statisticsReport(s, vi);
    c.header(
      'Content-Disposition',
      `attachment; filename="thong-ke-ocop-${s.scope.provinceCode ?? 'toan-quoc'}-${s.range.from}-${s.range.to}.${format}"`,
    );
    c.header('Cache-Control', 'no-store');
    if (format === 'csv') return c.body(statisticsCsv(report), 200, { 'Content-Type': 'text/csv; charset=utf-8' });
    const bytes = await writeXlsx(statisticsSheets(report));
    return c.body(bytes as unknown as ArrayBuffer, 200, { 'Content-Type': XLSX_TYPE });
  });
}

statisticsPages.post('/console/statistics/targets', async (c) => {
  const input = formToInput(targetFields(w, isCentral(c)), await postedForm(c));
  try {
    await recordTarget({ ctx: serviceContext(c), input: input as never });
    return c.redirect('/console/statistics?saved=1#targets', 303);
  } catch (error) {
    const failure = formFailure(error);
    return statisticsPage(
      c,
      { targetInput: input, targetErrors: failure.fields, message: failure.message },
      failure.status,
    );
  }
});
