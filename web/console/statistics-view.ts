import { PROVINCES } from '../../src/data/provinces';
import { ACTIVITIES, FLOWS } from '../../src/domain/statistics-measures';
import { GRANULARITIES } from '../../src/domain/statistics-periods';
import type { Statistics } from '../../src/services/statistics/read-statistics';
import { vietnamDate, vietnamTime } from '../format';
import { html, type Html } from '../view';
import type { Words } from '../words/types';
import { barChart, type Bar } from './bar-chart';
import { renderField, type FieldErrors } from './forms';
import { groupLabel, provinceName, reportHeading } from './statistics-report';
import { targetForm, targetsView } from './statistics-targets-view';

/** What the page was asked for, echoed into the filter form and the export links. */
export type StatisticsFilter = { granularity: string; from?: string; to?: string; province?: string };

const query = (f: StatisticsFilter) =>
  new URLSearchParams(
    Object.entries(f).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''),
  ).toString();

function filterForm(f: StatisticsFilter, central: boolean, w: Words['statistics']): Html {
  const fw = w.filters;
  const provinces = Object.entries(PROVINCES).map(([value, p]) => ({ value, label: `${value} – ${p.vi}` }));
  return html`<form class="card" method="get" action="/console/statistics"><fieldset><legend>${fw.legend}</legend>
${renderField({ name: 'granularity', label: fw.granularity, type: 'select', required: true, options: GRANULARITIES.map((g) => ({ value: g, label: w.granularities[g] })) }, f.granularity)}
${renderField({ name: 'from', label: fw.from, type: 'date' }, f.from)}
${renderField({ name: 'to', label: fw.to, type: 'date' }, f.to)}
${central ? renderField({ name: 'province', label: fw.province, type: 'select', options: provinces, hint: fw.allProvinces }, f.province) : ''}
<button type="submit">${fw.submit}</button></fieldset></form>`;
}

/** A count as Vietnamese write it: 15.000. */
const n = (x: number) => x.toLocaleString('vi-VN');

const bars = <K extends string | number>(rows: { key: K; count: number }[], label: (k: K) => string): Bar[] =>
  rows.map((r) => ({ label: label(r.key), value: r.count }));

function figures(s: Statistics, w: Words['statistics']): Html {
  const f = w.figures;
  const c = s.cooperatives;
  const pct = (x: number) => `${(x * 100).toLocaleString('vi-VN', { maximumFractionDigits: 1 })}%`;
  return html`<h2 id="figures">${f.heading}</h2><dl class="figures" aria-labelledby="figures">
<dt>${f.products}</dt><dd data-figure="products">${n(s.products.total)}</dd>
<dt>${f.productsInForce}</dt><dd data-figure="products-in-force">${n(c.productsInForce)}</dd>
<dt>${f.certificates}</dt><dd data-figure="certificates">${n(s.certificates.total)}</dd>
<dt>${f.communesWithProduct}</dt><dd data-figure="communes">${n(s.communes.withProductInForce)}</dd>
<dt>${f.subjectsInForce}</dt><dd>${pct(c.share)}: ${f.cooperatives(c.cooperatives, c.subjectsInForce)}</dd>
<dt>${f.cooperativeProductsCount}</dt><dd>${pct(c.productShare)}: ${f.cooperativeProducts(c.productsOfCooperatives, c.productsInForce)}</dd></dl>`;
}

function stockCharts(s: Statistics, words: Words): Html {
  const w = words.statistics;
  const chart = (id: string, title: string, list: Bar[]) =>
    barChart({
      id,
      title,
      description: w.charts.describe(
        title,
        list.reduce((n, b) => n + b.value, 0),
      ),
      bars: list,
      columns: { what: w.columns.what, count: w.columns.count },
    });
  const p = s.products;
  const places = s.scope.provinceCode
    ? chart(
        'by-commune',
        w.charts.productsByCommune,
        s.communes.list.map((c) => ({ label: c.communeCode ?? w.charts.unknownCommune, value: c.products })),
      )
    : chart('by-province', w.charts.productsByProvince, bars(p.byProvince, provinceName));
  return html`${chart(
    'by-status',
    w.charts.productsByStatus,
    bars(p.byStatus, (k) => w.liveStates[k]),
  )}
${chart('by-stars', w.charts.productsByStars, bars(p.byStars, w.charts.stars))}
${chart(
  'by-group',
  w.charts.productsByGroup,
  bars(p.byGroup, (k) => groupLabel(k, w)),
)}
${places}
${chart(
  'certificates-by-status',
  w.charts.certificatesByStatus,
  bars(s.certificates.byStatus, (k) => w.liveStates[k]),
)}`;
}

function periodsView(s: Statistics, words: Words): Html {
  const w = words.statistics;
  const series = (id: string, name: string, of: (p: Statistics['periods'][number]) => number) => {
    const list = s.periods.map((p) => ({ label: p.key, value: of(p) }));
    return barChart({
      id,
      title: name,
      description: w.charts.describe(
        name,
        list.reduce((n, b) => n + b.value, 0),
      ),
      bars: list,
      columns: { what: w.columns.period, count: w.columns.count },
    });
  };
  const head = [...FLOWS.map((f) => w.flows[f]), ...ACTIVITIES.map((a) => w.activities[a])];
  return html`<h2 id="periods">${w.charts.flows}</h2>
${series('new-by-period', w.flows.new, (p) => p.new)}
${series('scans-by-period', w.activities.scans, (p) => p.scans)}
<div class="scroll"><table aria-labelledby="periods" data-periods><thead><tr><th scope="col">${w.columns.period}</th>${head.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
<tbody>${s.periods.map((p) => html`<tr data-period="${p.key}"><th scope="row">${p.key}<br><span class="hint">${vietnamDate(p.start)}–${vietnamDate(p.end)}</span></th>${FLOWS.map((f) => html`<td data-flow="${f}">${n(p[f])}</td>`)}${ACTIVITIES.map((a) => html`<td data-activity="${a}">${n(p[a])}</td>`)}</tr>`)}</tbody>
<tfoot><tr><th scope="row">${w.columns.total}</th>${FLOWS.map((f) => html`<td data-total="${f}">${n(s.totals[f])}</td>`)}${ACTIVITIES.map((a) => html`<td data-total="${a}">${n(s.totals[a])}</td>`)}</tr></tfoot></table></div>`;
}

/** The statistics page: the period filter, today's figures, charts with their tables, flows by period and the plan's targets. */
export function statisticsView(
  s: Statistics,
  words: Words,
  page: {
    filter: StatisticsFilter;
    central: boolean;
    csrf?: string;
    mayRecordTargets: boolean;
    targetInput?: Record<string, unknown>;
    targetErrors?: FieldErrors;
    message?: string;
    notice?: string;
  },
): Html {
  const w = words.statistics;
  const q = query(page.filter);
  const heading = reportHeading(s, w, vietnamTime(s.madeAt));
  return html`${filterForm(page.filter, page.central, w)}
<p data-scope>${heading.slice(1).map((line, i) => html`${i ? html`<br>` : ''}${line}`)}</p>
<p>${w.filters.download}: <a href="/console/statistics/report.csv?${q}" download>${w.filters.csv}</a> · <a href="/console/statistics/report.xlsx?${q}" download>${w.filters.xlsx}</a></p>
${figures(s, w)}
${stockCharts(s, words)}
${periodsView(s, words)}
${page.notice ? html`<p class="notice" role="status">${page.notice}</p>` : ''}
${targetsView(s, w)}
${page.mayRecordTargets && page.csrf ? targetForm(page.csrf, page.central, w, page.targetInput, page.targetErrors, page.message) : ''}`;
}

/** The filter again with why the statistics could not be made (a bad date, a range too long, another province). */
export function statisticsFailureView(
  f: StatisticsFilter,
  central: boolean,
  w: Words['statistics'],
  message: string,
  fields: FieldErrors,
): Html {
  const details = Object.values(fields).filter(Boolean);
  return html`<div class="error" role="alert"><p>${message}</p>${details.length ? html`<ul>${details.map((d) => html`<li>${d}</li>`)}</ul>` : ''}</div>
${filterForm(f, central, w)}`;
}
