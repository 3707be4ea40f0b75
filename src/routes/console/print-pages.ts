import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../app-env';
import { previewSheetSvg } from '../../labels/preview-svg';
import { LABEL_TEMPLATES } from '../../labels/templates';
import { createPrintJob, partsOf } from '../../services/printing/create-print-job';
import { batchLabelContent, loadPrintJob } from '../../services/printing/load-print-context';
import { listPrintJobs } from '../../services/printing/list-print-jobs';
import { voidSerials } from '../../services/stamps/void-serials';
import { listRegistry } from '../../services/registry/read-registry';
import { serviceContext } from '../context';
import { printBody, voidBody } from '../shared/printing-inputs';
import { printJobView, printView, type PrintPage } from '../../../web/console/print-view';
import { formFailure, parseWith, postedForm, render, requirePerson, type PageStatus } from './shared';

/** Producers print label sheets: choose, preview, print, download in parts, void misprints. */
export const printPages = new Hono<AppEnv>();
printPages.use('/console/print', requirePerson);
printPages.use('/console/print/*', requirePerson);

async function batchOptions(c: Context<AppEnv>) {
  const ctx = serviceContext(c);
  const [batchPage, productPage] = await Promise.all([listRegistry(ctx, 'batches', { page: 1, pageSize: 100 }), listRegistry(ctx, 'products', { page: 1, pageSize: 100 })]);
  const names = new Map((productPage.items as { id: string; name: string }[]).map((p) => [p.id, p.name]));
  return (batchPage.items as { id: string; lot: string; productId: string }[]).map((b) => ({ value: b.id, label: `${names.get(b.productId) ?? ''} – lô ${b.lot}` }));
}

const templateOptions = [...LABEL_TEMPLATES.values()].map((t) => ({ value: t.id, label: `${t.name} (${t.grid.columns * t.grid.rows}/tờ)` }));

type Extra = Pick<PrintPage, 'errors' | 'message'> & { values?: Record<string, unknown>; status?: PageStatus };

async function printPage(c: Context<AppEnv>, extra: Extra = {}) {
  const values: Record<string, unknown> = { template: 'a4-3x8-70x37', ...c.req.query(), ...extra.values };
  const [batches, jobs] = await Promise.all([batchOptions(c), listPrintJobs(serviceContext(c), { limit: 50 })]);
  return render(c, 'In tem nhãn', printView({ batches, templates: templateOptions, jobs, values, csrf: c.var.session!.csrfToken,
    idempotencyKey: crypto.randomUUID(), voided: Boolean(c.req.query('voided')), errors: extra.errors, message: extra.message }), extra.status);
}

printPages.get('/console/print', (c) => printPage(c));

printPages.post('/console/print', async (c) => {
  const form = await postedForm(c);
  const values = { batch: String(form.batch ?? ''), template: String(form.template ?? ''), quantity: String(form.quantity ?? '') };
  try {
    const input = parseWith(printBody, { quantity: Number(values.quantity), template: values.template, idempotencyKey: String(form.idempotencyKey ?? crypto.randomUUID()) });
    const { job } = await createPrintJob({ ctx: serviceContext(c), input: { ...input, batchId: values.batch } });
    return c.redirect(`/console/print/jobs/${job.id}`, 303);
  } catch (error) {
    const failure = formFailure(error);
    return printPage(c, { values, errors: failure.fields, message: failure.message, status: failure.status });
  }
});

printPages.get('/console/print/jobs/:id', async (c) => {
  const row = await loadPrintJob(serviceContext(c), c.req.param('id'));
  const templateName = LABEL_TEMPLATES.get(row.job.templateId)?.name ?? row.job.templateId;
  return render(c, `Lệnh in: ${row.product.name} – lô ${row.batch.lot}`, printJobView(row, partsOf(row.job), templateName));
});

printPages.post('/console/print/void', async (c) => {
  const form = await postedForm(c);
  try {
    const input = parseWith(voidBody, { firstSerial: Number(form.firstSerial), lastSerial: Number(form.lastSerial), reason: String(form.reason ?? '') });
    await voidSerials({ ctx: serviceContext(c), input });
    return c.redirect('/console/print?voided=1', 303);
  } catch (error) {
    const failure = formFailure(error);
    return printPage(c, { message: failure.message, status: failure.status });
  }
});

printPages.get('/console/print/preview.svg', async (c) => {
  const template = LABEL_TEMPLATES.get(c.req.query('template') ?? '');
  const batchId = c.req.query('batch') ?? '';
  if (!template || !/^[0-9a-f-]{36}$/.test(batchId)) return c.text('Chọn lô và mẫu nhãn.', 400);
  const ctx = serviceContext(c);
  const content = await batchLabelContent(ctx, batchId);
  c.header('Content-Type', 'image/svg+xml');
  c.header('Cache-Control', 'private, max-age=60');
  return c.body(previewSheetSvg(template, content, `${ctx.config.PUBLIC_ORIGIN}/S/MAU-XEM-TRUOC`));
});
