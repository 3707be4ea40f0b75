import { Hono } from 'hono';
import { ZodError } from 'zod';
import type { AppEnv } from '../../app-env';
import { listSuspicious } from '../../services/copy-detection/list-suspicious';
import { listIntakes } from '../../services/intake/list-intakes';
import { readReceipt } from '../../services/intake/read-receipt';
import { AppError } from '../../services/shared/errors';
import { serviceContext } from '../context';
import { pickLang } from '../../../web/i18n';
import { INTAKE_TEXT } from '../../../web/intake-text';
import { refusedView, suspiciousView } from '../../../web/console/copies-view';
import { intakePage } from '../../../web/console/intake-view';
import { intakeReceiptPage } from '../../../web/console/intake-receipt-view';
import { RECEIPT_TEXT } from '../../../web/intake-receipt-text';
import { INTAKE_SCRIPT } from '../../../web/generated/intake-script';
import { INTAKE_SW_SCRIPT } from '../../../web/generated/intake-sw-script';
import { may, render, requirePerson } from './shared';

/** The retailer's intake page (with its offline service worker) and the inspectors' list of suspected copies. */
export const intakePages = new Hono<AppEnv>();
for (const path of ['/console/intake/', '/console/intake/receipts/*', '/console/suspicious'])
  intakePages.use(path, requirePerson);

const JS_HEADERS = { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-cache' };

intakePages.get('/console/intake/app.js', (c) => c.body(INTAKE_SCRIPT, 200, JS_HEADERS));
// Served from inside /console/intake/, so its scope is the intake page and nothing else.
intakePages.get('/console/intake/sw.js', (c) => c.body(INTAKE_SW_SCRIPT, 200, JS_HEADERS));
intakePages.get('/console/intake', (c) => c.redirect('/console/intake/', 301));

intakePages.get('/console/intake/', async (c) => {
  const lang = pickLang(c.req.query('lang'));
  const t = INTAKE_TEXT[lang];
  if (!may(c)('intake.record')) {
    return render(c, t.title, refusedView(t.onlyRetailers), 403, { lang });
  }
  const receipts = await listIntakes({ ctx: serviceContext(c), input: { limit: 50 } });
  const account = c.var.actor.kind === 'anonymous' ? '' : c.var.actor.id;
  return render(c, t.title, intakePage(receipts, receipts[0]?.pointOfSale ?? '', lang, account), 200, {
    script: '/console/intake/app.js',
    lang,
  });
});

// The receipt to print and keep: the retailer's own only (another's id is simply not found).
intakePages.get('/console/intake/receipts/:id', async (c) => {
  const lang = pickLang(c.req.query('lang'));
  const t = RECEIPT_TEXT[lang];
  if (!may(c)('intake.read')) return render(c, t.title, refusedView(INTAKE_TEXT[lang].onlyRetailers), 403, { lang });
  try {
    const receipt = await readReceipt({ ctx: serviceContext(c), input: { id: c.req.param('id') } });
    return render(c, t.title, intakeReceiptPage(receipt, lang), 200, { lang });
  } catch (error) {
    // Not a UUID, or not this retailer's: the same answer, so ids cannot be probed.
    if (!(error instanceof ZodError) && !(error instanceof AppError && error.code === 'not_found')) throw error;
    return render(c, t.title, refusedView(t.notFound), 404, { lang });
  }
});

intakePages.get('/console/suspicious', async (c) => {
  if (!may(c)('copy.read'))
    return render(c, 'Tem nghi sao chép', refusedView('Trang này dành cho thanh tra và cơ quan quản lý.'), 403);
  return render(
    c,
    'Tem nghi sao chép',
    suspiciousView(await listSuspicious({ ctx: serviceContext(c) }), c.var.deps.config),
  );
});
