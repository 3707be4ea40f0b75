import type { listSuspicious } from '../../src/services/copy-detection/list-suspicious';
import { explainSignal } from '../i18n';
import { html, type Html } from '../view';

type Suspicious = Awaited<ReturnType<typeof listSuspicious>>;
export type CopyThresholds = {
  COPY_MAX_RETAILERS: number;
  COPY_FAR_KM: number;
  COPY_FAR_HOURS: number;
  COPY_MAX_SCANNERS: number;
};

/** A page a role may not use: what it is for, said plainly. */
export function refusedView(message: string): Html {
  return html`<p class="error" role="alert">${message}</p>`;
}

/** Suspected copies in the inspector's reach: by batch, then stamp by stamp with why, in words. */
export function suspiciousView({ stamps, batches }: Suspicious, rules: CopyThresholds): Html {
  return html`
<p>Tem bị nhiều điểm bán nhận, bị quét ở những nơi cách xa nhau trong thời gian ngắn, hoặc bị quét bởi quá nhiều người.
Ngưỡng được cấu hình: nhiều hơn ${rules.COPY_MAX_RETAILERS} điểm bán; cách nhau trên ${rules.COPY_FAR_KM} km trong
${rules.COPY_FAR_HOURS} giờ; hơn ${rules.COPY_MAX_SCANNERS} người quét.</p>
${
  batches.length === 0
    ? html`<p role="status">Không có tem nào bị nghi sao chép trong phạm vi của bạn.</p>`
    : html`
<h2>Theo lô hàng</h2><table><thead><tr><th scope="col">Sản phẩm</th><th scope="col">Chủ thể</th><th scope="col">Lô</th><th scope="col">Số tem nghi</th></tr></thead>
<tbody>${batches.map((b) => html`<tr><td><a href="/console/inspect/products/${b.productId}">${b.product}</a></td><td>${b.subject}</td><td>${b.lot}</td><td>${b.stamps}</td></tr>`)}</tbody></table>
<h2>Từng tem</h2><table><thead><tr><th scope="col">Số sê-ri</th><th scope="col">Sản phẩm, lô</th><th scope="col">Vì sao</th></tr></thead>
<tbody>${stamps.map((s) => html`<tr><td>${s.serial}</td><td>${s.product} · ${s.lot}</td><td><ul>${s.signals.map((sig) => html`<li>${explainSignal(sig, 'vi')}</li>`)}</ul></td></tr>`)}</tbody></table>`
}`;
}
