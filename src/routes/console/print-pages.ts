import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../app-env';
import { LABEL_TEMPLATES } from '../../labels/templates';
import { createPrintJob } from '../../services/printing/create-print-job';
import { listPrintJobs } from '../../services/printing/list-print-jobs';
import { previewPrintSheet } from '../../services/printing/preview-print-sheet';
import { printJobDetails } from '../../services/printing/print-job-details';
import { listRegistry } from '../../services/registry/read-registry';
import { AppError } from '../../services/shared/errors';
import { planJobVoid, voidJobSerials } from '../../services/stamps/void-job-serials';
import { countSerials, formatSpans, parseSerialSpans } from '../../services/stamps/void-spans';
import { serviceContext } from '../context';
import { printBody } from '../shared/printing-inputs';
import { printJobView } from '../../../web/console/print-job-view';
import { printView, type PrintPage } from '../../../web/console/print-view';
import { voidConfirmView, voidFormView } from '../../../web/console/print-void-view';
import { formFailure, parseWith, postedForm, render, requirePerson, type PageStatus } from './shared';

/** Producers print label sheets: choose, preview, print, download in parts, void misprints. */
export const printPages = new Hono<AppEnv>();
printPages.use('/console/print', requirePerson);
printPages.use('/console/print/*', requirePerson);

async function batchOptions(c: Context<AppEnv>) {
  const ctx = serviceContext(c);
  const [batchPage, productPage] = await Promise.all([
    listRegistry({ ctx, input: { kind: 'batches', page: 1, pageSize: 100 } }),
    listRegistry({ ctx, input: { kind: 'products', page: 1, pageSize: 100 } }),
  ]);
  const names = new Map((productPage.items as { id: string; name: string }[]).map((p) => [p.id, p.name]));
  return (batchPage.items as { id: string; lot: string; productId: string }[]).map((b) => ({
    value: b.id,
    label: `${names.get(b.productId) ?? ''} – lô ${b.lot}`,
  }));
}

const templateOptions = [...LABEL_TEMPLATES.values()].map((t) => ({
  value: t.id,
  label: `${t.name} (${t.grid.columns * t.grid.rows}/tờ)`,
}));

type Extra = Pick<PrintPage, 'errors' | 'message' | 'preview'> & {
  values?: Record<string, unknown>;
  status?: PageStatus;
};

async function printPage(c: Context<AppEnv>, extra: Extra = {}) {
  const values: Record<string, unknown> = { template: 'a4-3x8-70x37', ...extra.values };
  const [batches, jobs] = await Promise.all([
    batchOptions(c),
    listPrintJobs({ ctx: serviceContext(c), input: { limit: 50 } }),
  ]);
  return render(
    c,
    'In tem nhãn',
    printView({
      batches,
      templates: templateOptions,
      jobs,
      values,
      csrf: c.var.session!.csrfToken,
      idempotencyKey: crypto.randomUUID(),
      errors: extra.errors,
      message: extra.message,
      preview: extra.preview,
    }),
    extra.status,
  );
}

const printValues = (form: Record<string, string | string[]>) => ({
  batch: String(form.batch ?? ''),
  template: String(form.template ?? ''),
  quantity: String(form.quantity ?? ''),
});

printPages.get('/console/print', (c) => printPage(c));

// A POST, like printing: the form's CSRF token stays out of the URL, the history and the logs.
printPages.post('/console/print/preview', async (c) => {
  const values = printValues(await postedForm(c));
  try {
    const preview = await previewPrintSheet({
      ctx: serviceContext(c),
      input: { batchId: values.batch, template: values.template },
    });
    return printPage(c, { values, preview });
  } catch (error) {
    const failure = formFailure(error);
    return printPage(c, { values, errors: failure.fields, message: failure.message, status: failure.status });
  }
});

printPages.post('/console/print', async (c) => {
  const form = await postedForm(c);
  const values = printValues(form);
  try {
    const input = parseWith(printBody, {
      quantity: Number(values.quantity),
      template: values.template,
      idempotencyKey: String(form.idempotencyKey ?? crypto.randomUUID()),
    });
    const { job } = await createPrintJob({ ctx: serviceContext(c), input: { ...input, batchId: values.batch } });
    return c.redirect(`/console/print/jobs/${job.id}`, 303);
  } catch (error) {
    const failure = formFailure(error);
    return printPage(c, { values, errors: failure.fields, message: failure.message, status: failure.status });
  }
});

printPages.get('/console/print/jobs/:id', async (c) => {
  const details = await printJobDetails({ ctx: serviceContext(c), input: { jobId: c.req.param('id') } });
  // The void's redirect names what it voided; anything else in the query is ignored.
  const voided = parseSerialSpans(c.req.query('voided') ?? '');
  const justVoided = 'spans' in voided ? { spans: voided.spans, count: countSerials(voided.spans) } : undefined;
  return render(
    c,
    `Lệnh in: ${details.job.product} – lô ${details.job.lot}`,
    printJobView({ ...details, csrf: c.var.session!.csrfToken, justVoided }),
  );
});

/**
 * Voiding a job's misprints takes two posts: the first shows what would be voided (count and
 * serials) and asks; the second, carrying `confirm=1`, voids and lands on the job's page, which
 * names what was voided. Serials outside the job are refused before anything changes.
 */
printPages.post('/console/print/jobs/:id/void', async (c) => {
  const form = await postedForm(c);
  const ctx = serviceContext(c);
  const input = { jobId: c.req.param('id'), serials: String(form.serials ?? ''), reason: String(form.reason ?? '') };
  const csrf = c.var.session!.csrfToken;
  try {
    if (form.confirm === '1') {
      const { spans } = await voidJobSerials({ ctx, input });
      return c.redirect(
        `/console/print/jobs/${input.jobId}?voided=${encodeURIComponent(formatSpans(spans).replace(/–/g, '-').replace(/ /g, ''))}`,
        303,
      );
    }
    const plan = await planJobVoid({ ctx, input });
    return render(c, 'Xác nhận vô hiệu tem', voidConfirmView(summary(plan.row), plan, csrf));
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'invalid_input') throw error;
    const { job } = await printJobDetails({ ctx, input: { jobId: input.jobId } });
    const failure = formFailure(error);
    return render(
      c,
      'Vô hiệu tem',
      voidFormView(job, { serials: input.serials, reason: input.reason }, csrf, failure.message, failure.fields),
      400,
    );
  }
});

const summary = (row: Awaited<ReturnType<typeof planJobVoid>>['row']) => ({
  id: row.job.id,
  product: row.product.name,
  lot: row.batch.lot,
  quantity: row.job.quantity,
  firstSerial: row.range.firstSerial,
  lastSerial: row.range.lastSerial,
});
