import { PROVINCES } from '../../src/data/provinces';
import { TAXONOMIES } from '../../src/data/taxonomy';
import type { SheetSpec } from '../../src/services/imports/xlsx-io';
import { ACTIVITIES, FLOWS } from '../../src/domain/statistics-measures';
import type { Statistics } from '../../src/services/statistics/read-statistics';
import { csvDocument } from '../csv';
import { vietnamDate, vietnamIso } from '../format';
import { inWords } from '../words';
import type { StatisticsWords } from '../words/statistics-types';
import type { Words } from '../words/types';

type Cell = string | number;
export type ReportSheet = { name: string; header: string[]; rows: Cell[][]; textColumns?: number[] };
export type StatisticsReport = { heading: string[]; sheets: ReportSheet[] };

export const provinceName = (code: string) => PROVINCES[code]?.vi ?? code;
export const scopeName = (s: Statistics, w: StatisticsWords) =>
  s.scope.provinceCode ? w.province(provinceName(s.scope.provinceCode)) : w.national;
/** Groups are labelled with today's six (919/2022): the 2019 scheme's first three groups are the same. */
export const groupLabel = (code: string, w: StatisticsWords) =>
  w.charts.group(code, TAXONOMIES['2022'].groups[code]?.vi);

/** The lines that head a report to the level above: what, whose, which periods, and when it was made. */
export function reportHeading(s: Statistics, w: StatisticsWords, madeAt: string): string[] {
  return [
    w.reportTitle,
    w.scopeLine(scopeName(s, w)),
    w.rangeLine(w.granularities[s.range.granularity], vietnamDate(s.range.from), vietnamDate(s.range.to)),
    w.madeLine(madeAt),
  ];
}

function summaryRows(s: Statistics, words: Words): Cell[][] {
  const w = words.statistics;
  const f = w.figures;
  const c = s.cooperatives;
  return [
    [f.products, s.products.total],
    [f.productsInForce, c.productsInForce],
    [f.certificates, s.certificates.total],
    [f.communesWithProduct, s.communes.withProductInForce],
    [f.subjectsInForce, c.subjectsInForce],
    [f.cooperativesCount, c.cooperatives],
    [f.cooperativeProductsCount, c.productsOfCooperatives],
    ...s.products.byStatus.map((r) => [`${w.charts.productsByStatus}: ${w.liveStates[r.key]}`, r.count]),
    ...s.products.byStars.map((r) => [`${w.charts.productsByStars}: ${w.charts.stars(r.key)}`, r.count]),
    ...s.products.byGroup.map((r) => [`${w.charts.productsByGroup}: ${groupLabel(r.key, w)}`, r.count]),
    ...s.products.bySubjectKind.map((r) => [`${f.products}: ${inWords(words.subjectKinds, r.key)}`, r.count]),
    ...s.certificates.byStatus.map((r) => [`${w.charts.certificatesByStatus}: ${w.liveStates[r.key]}`, r.count]),
  ];
}

/** By province: products and those in force, summed from the communes so both columns add up to the summary. */
function provinceRows(s: Statistics): Cell[][] {
  const sums = new Map<string, [number, number]>();
  for (const c of s.communes.list) {
    const [p, f] = sums.get(c.provinceCode) ?? [0, 0];
    sums.set(c.provinceCode, [p + c.products, f + c.inForce]);
  }
  return [...sums].map(([code, [products, inForce]]) => [code, provinceName(code), products, inForce]);
}

/** The statistics laid out as the report a province sends up: one sheet (or CSV section) per table. */
export function statisticsReport(s: Statistics, words: Words): StatisticsReport {
  const w = words.statistics;
  const col = w.columns;
  const measures = [...FLOWS.map((f) => w.flows[f]), ...ACTIVITIES.map((a) => w.activities[a])];
  const periodRow = (p: Statistics['periods'][number]) => [
    p.key,
    vietnamDate(p.start),
    vietnamDate(p.end),
    ...FLOWS.map((f) => p[f]),
    ...ACTIVITIES.map((a) => p[a]),
  ];
  const t = w.targets;
  return {
    heading: reportHeading(s, w, vietnamIso(s.madeAt)),
    sheets: [
      { name: w.sheets.summary, header: [col.what, col.count], rows: summaryRows(s, words) },
      {
        name: w.sheets.periods,
        header: [col.period, col.from, col.to, ...measures],
        rows: [
          ...s.periods.map(periodRow),
          [
            col.total,
            vietnamDate(s.range.from),
            vietnamDate(s.range.to),
            ...FLOWS.map((f) => s.totals[f]),
            ...ACTIVITIES.map((a) => s.totals[a]),
          ],
        ],
      },
      {
        name: w.sheets.provinces,
        header: [col.province, col.provinceName, col.products, col.inForce],
        rows: provinceRows(s),
        textColumns: [1],
      },
      {
        name: w.sheets.communes,
        header: [col.province, col.provinceName, col.commune, col.products, col.inForce],
        rows: s.communes.list.map((c) => [
          c.provinceCode,
          provinceName(c.provinceCode),
          c.communeCode ?? w.charts.unknownCommune,
          c.products,
          c.inForce,
        ]),
        textColumns: [1, 3],
      },
      {
        name: w.sheets.targets,
        header: [col.target, col.kind, col.window, col.goal, col.achieved, col.status, t.form.note],
        rows: s.targets.map((x) => [
          t.goal(x.kind, x.value, x.units),
          t.kinds[x.kind],
          t.window(x.sinceYear, x.year),
          ...(x.progress.measured
            ? [x.progress.goal, x.progress.achieved, x.progress.met ? t.met : t.notMet]
            : ['', '', t.notMeasured]),
          x.note ?? '',
        ]),
      },
    ],
  };
}

/** The report as one CSV: its heading lines, then each table under its name, a blank line between. */
export function statisticsCsv(report: StatisticsReport): string {
  return csvDocument([
    ...report.heading.map((line) => [line]),
    ...report.sheets.flatMap((sheet) => [[], [sheet.name], sheet.header, ...sheet.rows]),
  ]);
}

/** The report as workbook sheets: each starts with the heading, then its table, whose header row is frozen. */
export function statisticsSheets(report: StatisticsReport): SheetSpec[] {
  return report.sheets.map((sheet) => ({
    name: sheet.name,
    rows: [...report.heading.map((line) => [line]), [], sheet.header, ...sheet.rows],
    headerRow: report.heading.length + 2,
    textColumns: sheet.textColumns,
    widths: [48, ...sheet.header.slice(1).map(() => 16)],
  }));
}
