import type { AuditLogPage } from '../../src/services/audit/read-audit-log';
import { vietnamTime } from '../format';
import { html, type Html } from '../view';
import { vi } from '../words/vi';
import { AUDIT_ACTIONS, AUDIT_ENTITIES } from '../words/types';
import { actionWords, actorWords, entityWords, objectHref, objectLabel } from './audit-words';

/** The filters as the page shows them: dates are Vietnam calendar days (YYYY-MM-DD). */
export type AuditQuery = {
  actor?: string;
  action?: string;
  entity?: string;
  entityId?: string;
  from?: string;
  to?: string;
};

type Choice = { value: string; label: string };

/** A select holding the current value even when it is not a known choice, so the filter in force stays visible. */
function select(name: string, label: string, current: string | undefined, choices: Choice[]): Html {
  const known = choices.some((c) => c.value === current);
  return html`<div class="field"><label for="a-${name}">${label}</label><select id="a-${name}" name="${name}"><option value="">Tất cả</option>
${current && !known ? html`<option value="${current}" selected>${current}</option>` : ''}${choices.map((c) => html`<option value="${c.value}"${c.value === current ? html` selected` : ''}>${c.label}</option>`)}</select></div>`;
}

const input = (name: string, label: string, value: string | undefined, type = 'text') =>
  html`<div class="field"><label for="a-${name}">${label}</label><input id="a-${name}" name="${name}" type="${type}" value="${value ?? ''}"></div>`;

/** The audit log for people: who (name and role), what (in words), on what (linked), when (Vietnam time). */
export function auditView(page: AuditLogPage, query: AuditQuery, links: { older: string | null; csv: string }): Html {
  const people: Choice[] = [
    ...page.choices.map((c) => {
      const who = actorWords({ kind: c.kind, id: c.match, role: c.role, name: c.name });
      return { value: c.match, label: `${who.name} (${vi.roles[c.role]})` };
    }),
    { value: 'system:', label: 'Hệ thống và dòng lệnh vận hành' },
    { value: 'anonymous', label: vi.actors.anonymous },
  ];
  return html`<form class="card" method="get" action="/console/audit"><div class="toolbar">
${select('actor', 'Người thực hiện', query.actor, people)}
${select(
  'action',
  'Hành động',
  query.action,
  AUDIT_ACTIONS.map((a) => ({ value: a, label: vi.auditActions[a] })),
)}
${select(
  'entity',
  'Đối tượng',
  query.entity,
  AUDIT_ENTITIES.map((e) => ({ value: e, label: vi.auditEntities[e] })),
)}
${input('entityId', 'Mã đối tượng', query.entityId)}${input('from', 'Từ ngày', query.from, 'date')}${input('to', 'Đến ngày', query.to, 'date')}</div>
<button type="submit">Lọc</button> <a class="button" href="${links.csv}" download>Tải CSV</a></form>
${page.entries.length === 0 ? html`<p role="status">Không có mục nào khớp bộ lọc.</p>` : ''}
<table><caption class="hint">Giờ Việt Nam (UTC+7), mới nhất trước</caption>
<thead><tr><th scope="col">Thời điểm</th><th scope="col">Người thực hiện</th><th scope="col">Hành động</th><th scope="col">Đối tượng</th><th scope="col">#</th></tr></thead>
<tbody>${page.entries.map((e) => {
    const who = actorWords(e.who);
    const href = objectHref(e);
    const label = objectLabel(e);
    const object = html`${entityWords(e.entity)}${label ? html`: ${label}` : ''}`;
    return html`<tr><td>${vietnamTime(e.at)}</td><td>${who.name}${who.role ? html`<br><span class="hint">${who.role}</span>` : ''}</td>
<td>${actionWords(e.action)}</td><td>${href ? html`<a href="${href}">${object}</a>` : object}<br><code class="hint">${e.entityId}</code></td><td>${e.id}</td></tr>`;
  })}</tbody></table>
${links.older ? html`<p><a href="${links.older}">Cũ hơn ›</a></p>` : ''}`;
}
