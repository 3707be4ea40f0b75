import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env';
import { IMPORT_COLUMNS, XLSX_TYPE } from '../../data/import-columns';
import { importCertificates } from '../../services/imports/import-certificates';
import { importTemplateRows, importTemplateXlsx } from '../../services/imports/template';
import { serviceContext } from '../context';
import { errorBody, validationHook } from '../errors';
import { commonErrors, guarded, json } from '../openapi-helpers';
import { importBodyLimit, UNSUPPORTED_TYPE, uploadedFile } from '../shared/import-upload';
import { errorSchema } from '../shared/schemas';
import { importReportCsv, importTemplateCsv } from '../../../web/console/import-csv';

const tally = z.object({ new: z.number(), existing: z.number() });
const outcome = z.enum(['new', 'existing']).nullable();
const reportSchema = z
  .object({
    dryRun: z.boolean(),
    committed: z.boolean(),
    format: z.enum(['csv', 'xlsx']),
    sha256: z.string(),
    counts: z.object({
      rows: z.number(),
      rowsWithProblems: z.number(),
      problems: z.number(),
      formerProvinces: z.number(),
      subjects: tally,
      products: tally,
      certificates: tally,
    }),
    rows: z.array(
      z.object({
        row: z.number(),
        subject: outcome,
        product: outcome,
        certificate: outcome,
        provinceCode: z.string().nullable(),
        formerProvince: z.object({ code: z.string(), name: z.string() }).optional(),
      }),
    ),
    problems: z.array(
      z.object({
        row: z.number(),
        column: z.string(),
        value: z.string(),
        code: z.enum(['invalid', 'out_of_scope', 'duplicate', 'conflict']),
        message: z.string(),
      }),
    ),
    headers: z.record(z.string(), z.string()),
    ignoredHeaders: z.array(z.string()),
  })
  .openapi('CertificateImportReport');

const columnsDoc = IMPORT_COLUMNS.map((c) => `\`${c.key}\` (${c.en})${c.required ? '' : ', optional'}`).join(', ');
const file = { type: 'string', format: 'binary' } as const;

export const importRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
const guard = guarded('certificate.import');

importRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/api/v1/imports/certificates',
    tags: ['Imports'],
    ...guard,
    middleware: [guard.middleware, importBodyLimit()] as const,
    summary: 'Import a list of certificates already issued (CSV or XLSX)',
    description:
      `Columns (Vietnamese headers, English names accepted): ${columnsDoc}. Dates dd/mm/yyyy; \`ma_tinh\` may be one of today's 34 ` +
      'provinces or of the 63 former ones (code or name). `dryRun=true` answers a report of every row and cell and writes nothing ' +
      '(`report=csv`: the problems as CSV). Without it the whole file is written in one transaction, or nothing is: a file with any ' +
      "problem is refused (400, or 403 when a row lies outside the caller's province), each problem a field `row.column`. " +
      'Subjects match by registration number, products by subject and name, certificates by number: importing a file again changes nothing. ' +
      'At most 5 MB. XLSX is read with exceljs on Node and on Workers alike.',
    request: {
      query: z.object({ dryRun: z.enum(['true', 'false']).optional(), report: z.enum(['json', 'csv']).optional() }),
      body: {
        required: true,
        content: {
          'multipart/form-data': { schema: { type: 'object', properties: { file }, required: ['file'] } },
          'text/csv': { schema: { type: 'string' } },
          [XLSX_TYPE]: { schema: file },
        },
      },
    },
    responses: {
      200: {
        content: { 'application/json': { schema: reportSchema }, 'text/csv': { schema: { type: 'string' } } },
        description: "The dry run's report, or a commit that found everything already there",
      },
      201: json(reportSchema, 'Committed: every row written'),
      ...commonErrors,
      413: json(errorSchema, 'Larger than 5 MB'),
      415: json(errorSchema, 'Neither CSV nor XLSX'),
    },
  }),
  async (c) => {
    const upload = await uploadedFile(c);
    if (!upload) return c.json(errorBody(c, 'unsupported_media_type', UNSUPPORTED_TYPE), 415);
    const query = c.req.valid('query');
    const report = await importCertificates({
      ctx: serviceContext(c),
      input: { file: upload.bytes, dryRun: query.dryRun === 'true' },
    });
    if (query.report === 'csv') {
      c.header('Content-Disposition', 'attachment; filename="bao-cao-nhap-chung-nhan.csv"');
      return c.body(importReportCsv(report), 200, { 'Content-Type': 'text/csv; charset=utf-8' }) as never;
    }
    const created = report.counts.subjects.new + report.counts.products.new + report.counts.certificates.new;
    return c.json(report, report.committed && created > 0 ? 201 : 200);
  },
);

for (const format of ['csv', 'xlsx'] as const) {
  importRoutes.openapi(
    createRoute({
      method: 'get',
      path: `/api/v1/imports/certificates/template.${format}`,
      tags: ['Imports'],
      ...guard,
      summary: `The import template as ${format.toUpperCase()}: the headers and one example row`,
      responses: {
        200: {
          content: {
            [format === 'csv' ? 'text/csv' : XLSX_TYPE]: { schema: format === 'csv' ? { type: 'string' } : file },
          },
          description: 'The template',
        },
        ...commonErrors,
      },
    }),
    async (c) => {
      c.header('Content-Disposition', `attachment; filename="mau-nhap-chung-nhan.${format}"`);
      if (format === 'csv')
        return c.body(importTemplateCsv(importTemplateRows()), 200, {
          'Content-Type': 'text/csv; charset=utf-8',
        }) as never;
      return c.body((await importTemplateXlsx()) as unknown as ArrayBuffer, 200, {
        'Content-Type': XLSX_TYPE,
      }) as never;
    },
  );
}
