import { Hono } from 'hono';
import type { AppEnv } from '../../app-env';
import { listSuspicious } from '../../services/copy-detection/list-suspicious';
import { listIntakes } from '../../services/intake/list-intakes';
import { serviceContext } from '../context';
import { html } from '../../../web/view';
import { explainSignal, pickLang } from '../../../web/i18n';
import { INTAKE_TEXT } from '../../../web/intake-text';
import { intakePage } from '../../../web/console/intake-view';
import { roleMay } from '../../../web/console/layout';
import { INTAKE_SCRIPT } from '../../../web/generated/intake-script';
import { INTAKE_SW_SCRIPT } from '../../../web/generated/intake-sw-script';
import { render, requirePerson } from './shared';

/** The retailer's intake page (with its offline service worker) and the inspectors' list of suspected copies. */
export const intakePages = new Hono<AppEnv>();
for (const path of ['/console/intake/', '/console/suspicious']) intakePages.use(path, requirePerson);

const JS_HEADERS = { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-cache' };

intakePages.get('/console/intake/app.js', (c) => c.body(INTAKE_SCRIPT, 200, JS_HEADERS));
// Served from inside /console/intake/, so its scope is the intake page and nothing else.
intakePages.get('/console/intake/sw.js', (c) => c.body(INTAKE_SW_SCRIPT, 200, JS_HEADERS));
intakePages.get('/console/intake', (c) => c.redirect('/console/intake/', 301));

intakePages.get('/console/intake/', async (c) => {
  const lang = pickLang(c.req.query('lang'));
  const t = INTAKE_TEXT[lang];
  if (!roleMay(c.var.actor, 'intake.record')) {
    return render(c, t.title, html`<p class="error" role="alert">${t.onlyRetailers}</p>`, 403, { lang });
  }
  const receipts = await listIntakes(serviceContext(c), 50);
  const account = c.var.actor.kind === 'anonymous' ? '' : c.var.actor.id;
  return render(c, t.title, intakePage(receipts, receipts[0]?.pointOfSale ?? '', lang, account), 200, { script: '/console/intake/app.js', lang });
});

intakePages.get('/console/suspicious', async (c) => {
  if (!roleMay(c.var.actor, 'copy.read')) {
    return render(c, 'Tem nghi sao chép', html`<p class="error" role="alert">Trang này dành cho thanh tra và cơ quan quản lý.</p>`, 403);
  }
  const { stamps, batches } = await listSuspicious(serviceContext(c));
  return render(c, 'Tem nghi sao chép', html`
<p>Tem bị nhiều điểm bán nhận, bị quét ở những nơi cách xa nhau trong thời gian ngắn, hoặc bị quét bởi quá nhiều người.
Ngưỡng được cấu hình: nhiều hơn ${c.var.deps.config.COPY_MAX_RETAILERS} điểm bán; cách nhau trên ${c.var.deps.config.COPY_FAR_KM} km trong
${c.var.deps.config.COPY_FAR_HOURS} giờ; hơn ${c.var.deps.config.COPY_MAX_SCANNERS} người quét.</p>
${batches.length === 0 ? html`<p role="status">Không có tem nào bị nghi sao chép trong phạm vi của bạn.</p>` : html`
<h2>Theo lô hàng</h2><table><thead><tr><th scope="col">Sản phẩm</th><th scope="col">Chủ thể</th><th scope="col">Lô</th><th scope="col">Số tem nghi</th></tr></thead>
<tbody>${batches.map((b) => html`<tr><td><a href="/console/inspect/products/${b.productId}">${b.product}</a></td><td>${b.subject}</td><td>${b.lot}</td><td>${b.stamps}</td></tr>`)}</tbody></table>
<h2>Từng tem</h2><table><thead><tr><th scope="col">Số sê-ri</th><th scope="col">Sản phẩm, lô</th><th scope="col">Vì sao</th></tr></thead>
<tbody>${stamps.map((s) => html`<tr><td>${s.serial}</td><td>${s.product} · ${s.lot}</td><td><ul>${s.signals.map((sig) => html`<li>${explainSignal(sig, 'vi')}</li>`)}</ul></td></tr>`)}</tbody></table>`}`);
});
