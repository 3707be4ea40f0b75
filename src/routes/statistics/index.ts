import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env';
import { XLSX_TYPE } from '../../data/import-columns';
import { requireAction } from '../../middleware/require-action';
import { writeXlsx } from '../../services/imports/xlsx-io';
import { recordTargetInput, statisticsQueryParams } from '../../services/statistics/inputs';
import { readStatistics } from '../../services/statistics/read-statistics';
import { recordTarget } from '../../services/statistics/record-target';
import { serviceContext } from '../context';
import { validationHook } from '../errors';
import { commonErrors, guarded, json, jsonBody } from '../openapi-helpers';
import { readableQuery } from '../shared/query-text';
import { statisticsSchema, targetSchema } from './schemas';
import { statisticsCsv, statisticsReport, statisticsSheets } from '../../../web/console/statistics-report';
import { vi } from '../../../web/words/vi';

/** The programme's statistics in the caller's scope, as JSON and as the report to the level above. */
export const statisticsRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
const tags = ['Statistics'];
const scopeNote =
  "In the caller's scope: a provincial inspector or authority sees its province; central and admin see every " +
  'province, or one with `province`. Periods are whole months, quarters or years in Vietnam time (UTC+7).';

statisticsRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/api/v1/statistics',
    tags,
    ...guarded('statistics.read'),
    // The role first, then the raw query: a caller without the right learns nothing from it.
    middleware: [requireAction('statistics.read'), readableQuery] as const,
    summary: 'Products and certificates by province, commune, group, stars and status; flows and activity by period',
    description: `${scopeNote} Every total is a sum of its breakdowns. See the README, "Statistics against targets".`,
    request: { query: statisticsQueryParams },
    responses: { 200: json(statisticsSchema, 'The statistics'), ...commonErrors },
  }),
  async (c) => {
    const s = await readStatistics({ ctx: serviceContext(c), input: c.req.valid('query') });
    c.header('Cache-Control', 'private, no-store');
    return c.json(
      {
        ...s,
        madeAt: s.madeAt.toISOString(),
        targets: s.targets.map((t) => ({ ...t, recordedAt: t.recordedAt.toISOString() })),
      },
      200,
    );
  },
);

for (const format of ['csv', 'xlsx'] as const) {
  statisticsRoutes.openapi(
    createRoute({
      method: 'get',
      path: `/api/v1/statistics/report.${format}`,
      tags,
      ...guarded('statistics.read'),
      // The role first, then the raw query: a caller without the right learns nothing from it.
      middleware: [requireAction('statistics.read'), readableQuery] as const,
      summary: `The statistics as a ${format.toUpperCase()} report to the level above: titled, scoped and dated`,
      description: `${scopeNote} Times are ISO 8601 with +07:00; cells are never read as formulas.`,
      request: { query: statisticsQueryParams },
      responses: {
        200: {
          content: { [format === 'csv' ? 'text/csv' : XLSX_TYPE]: { schema: { type: 'string', format: 'binary' } } },
          description: 'The report',
        },
        ...commonErrors,
      },
    }),
    async (c) => {
      const s = await readStatistics({ ctx: serviceContext(c), input: c.req.valid('query') });
      const report = statisticsReport(s, vi);
      const name = `thong-ke-ocop-${s.scope.provinceCode ?? 'toan-quoc'}-${s.range.from}-${s.range.to}.${format}`;
      c.header('Content-Disposition', `attachment; filename="${name}"`);
      c.header('Cache-Control', 'private, no-store');
      if (format === 'csv')
        return c.body(statisticsCsv(report), 200, { 'Content-Type': 'text/csv; charset=utf-8' }) as never;
      const bytes = await writeXlsx(statisticsSheets(report));
      return c.body(bytes as unknown as ArrayBuffer, 200, { 'Content-Type': XLSX_TYPE }) as never;
    },
  );
}

statisticsRoutes.openapi(
  createRoute({
    method: 'put',
    path: '/api/v1/statistics/targets',
    tags,
    ...guarded('target.set'),
    summary: "Record a target of the plan (the authority's province; central: a province or the national plan)",
    description:
      'One target per province, kind and year: recording it again replaces the figure (the audit log keeps both). ' +
      '`share_upgraded` is a percentage; `points_of_sale_per_district` is kept but not measured until points of sale are registered.',
    request: jsonBody(recordTargetInput),
    responses: { 200: json(targetSchema.omit({ progress: true }), 'Recorded'), ...commonErrors },
  }),
  async (c) => {
    const t = await recordTarget({ ctx: serviceContext(c), input: c.req.valid('json') });
    return c.json({ ...t, kind: t.kind, recordedAt: t.recordedAt.toISOString() } as never, 200);
  },
);
