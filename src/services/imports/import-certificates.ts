import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { ImportColumn } from '../../data/import-columns';
import { vietnamToday } from '../../domain/calendar';
import { appendAudit } from '../audit/append-audit';
import { createCertificate } from '../registry/create-certificate';
import { createProduct } from '../registry/create-product';
import { createSubject } from '../registry/create-subject';
import { withTransaction, type ServiceContext } from '../shared/context';
import { AppError } from '../shared/errors';
import { service } from '../shared/service';
import { checkRow, type RowProblem } from './check-row';
import { planImport, type Outcome, type PlannedRow } from './plan-import';
import { readTable, type ImportFormat } from './read-table';

/** Serialises imports, so two uploads of one file cannot both find a certificate missing and write it twice. */
const IMPORT_LOCK = 7_243_016;
/** The most problems a refused commit lists in its error body; the dry run lists them all. */
const MAX_ERROR_FIELDS = 500;

type Tally = { new: number; existing: number };
export type ImportReport = {
  dryRun: boolean;
  committed: boolean;
  format: ImportFormat;
  /** SHA-256 (hex) of the file's bytes: the audit entry of a commit names it. */
  sha256: string;
  counts: {
    rows: number;
    rowsWithProblems: number;
    problems: number;
    formerProvinces: number;
    subjects: Tally;
    products: Tally;
    certificates: Tally;
  };
  /** One entry per data row: `new` where the row creates the record, `existing` where it is there already (or an earlier row creates it). */
  rows: {
    row: number;
    subject: Outcome | null;
    product: Outcome | null;
    certificate: Outcome | null;
    provinceCode: string | null;
    formerProvince?: { code: string; name: string };
  }[];
  problems: RowProblem[];
  headers: Partial<Record<ImportColumn, string>>;
  ignoredHeaders: string[];
};

async function fileSha256(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Records, not rows: `new` is what a commit creates, `existing` what it finds already in the registry. */
function tallies(planned: PlannedRow[]) {
  const created = (key: 'subjectOutcome' | 'productOutcome' | 'certificateOutcome') =>
    planned.filter((p) => p[key] === 'new').length;
  const stored = (ids: (string | undefined)[]) => new Set(ids.filter(Boolean)).size;
  return {
    subjects: { new: created('subjectOutcome'), existing: stored(planned.map((p) => p.subjectId)) },
    products: { new: created('productOutcome'), existing: stored(planned.map((p) => p.productId)) },
    certificates: {
      new: created('certificateOutcome'),
      existing: planned.filter((p) => p.certificateOutcome === 'existing').length,
    },
  };
}

/**
 * Imports a list of certificates already issued (CSV or XLSX, README "Importing certificate
 * lists"). A dry run reports every row's problems and what a commit would create. A commit
 * runs the same checks again inside one transaction, then writes through the registry's own
 * create services (their rules and audit entries) and one audit entry for the file: all of it,
 * or nothing. Subjects, products and certificates already in the registry are matched, never
 * edited, so importing the same file again changes nothing.
 */
export const importCertificates = service({
  action: 'certificate.import',
  input: z.object({
    file: z.custom<Uint8Array>((v) => v instanceof Uint8Array, 'Thiếu tệp.'),
    dryRun: z.boolean().default(false),
  }),
  run: async ({ ctx, input }): Promise<ImportReport> => {
    const table = await readTable(input.file);
    const sha256 = await fileSha256(input.file);
    const today = vietnamToday(ctx.now());
    const checks = table.rows.map((row) => checkRow(row, { actor: ctx.actor, today }));
    const checked = checks.flatMap((c) => (c.checked ? [c.checked] : []));
    const rowProblems = checks.flatMap((c) => c.problems);

    const checkedByRow = new Map(checked.map((c) => [c.row, c]));
    const reportOf = (plan: PlannedRow[], problems: RowProblem[], committed: boolean): ImportReport => {
      const troubled = new Set(problems.map((p) => p.row));
      // A row with a problem creates nothing: the counts say what a commit of the rest would do.
      const planned = plan.filter((p) => !troubled.has(p.row));
      const byRow = new Map(planned.map((p) => [p.row, p]));
      const sorted = [...problems].sort((a, b) => a.row - b.row);
      return {
        dryRun: input.dryRun,
        committed,
        format: table.format,
        sha256,
        counts: {
          rows: table.rows.length,
          rowsWithProblems: troubled.size,
          problems: problems.length,
          formerProvinces: checked.filter((c) => c.formerProvince).length,
          ...tallies(planned),
        },
        rows: table.rows.map(({ row }) => {
          const p = byRow.get(row);
          const c = checkedByRow.get(row);
          return {
            row,
            subject: p?.subjectOutcome ?? null,
            product: p?.productOutcome ?? null,
            certificate: p?.certificateOutcome ?? null,
            provinceCode: c?.subject.provinceCode ?? null,
            ...(c?.formerProvince ? { formerProvince: c.formerProvince } : {}),
          };
        }),
        problems: sorted,
        headers: table.headers,
        ignoredHeaders: table.ignoredHeaders,
      };
    };

    if (input.dryRun) {
      const plan = await planImport(ctx.db, checked);
      const problems = [...rowProblems, ...plan.problems];
      return reportOf(plan.planned, problems, false);
    }

    return withTransaction(ctx, async (tx) => {
      await tx.db.execute(sql`select pg_advisory_xact_lock(${IMPORT_LOCK})`);
      const plan = await planImport(tx.db, checked);
      const problems = [...rowProblems, ...plan.problems];
      if (problems.length) throw refusal(problems);
      const report = reportOf(plan.planned, [], true);
      if (report.counts.subjects.new + report.counts.products.new + report.counts.certificates.new === 0) return report;
      await writePlan(tx, plan.planned);
      await appendAudit(tx, {
        action: 'certificate.import',
        entity: 'certificate_import',
        entityId: sha256,
        after: {
          sha256,
          format: table.format,
          rows: report.counts.rows,
          formerProvinces: report.counts.formerProvinces,
          subjects: report.counts.subjects,
          products: report.counts.products,
          certificates: report.counts.certificates,
        },
      });
      return report;
    });
  },
});

/** Writes each new record through the registry's create service, in file order, inside the caller's transaction. */
async function writePlan(tx: ServiceContext, planned: PlannedRow[]): Promise<void> {
  const subjectIds = new Map<string, string>();
  const productIds = new Map<string, string>();
  for (const p of planned) {
    let subjectId = p.subjectId ?? subjectIds.get(p.subjectKey);
    if (!subjectId) subjectId = (await createSubject({ ctx: tx, input: p.subject })).id;
    subjectIds.set(p.subjectKey, subjectId);
    let productId = p.productId ?? productIds.get(p.productKey);
    if (!productId) productId = (await createProduct({ ctx: tx, input: { ...p.product, subjectId } })).id;
    productIds.set(p.productKey, productId);
    if (p.certificateOutcome === 'new') await createCertificate({ ctx: tx, input: { ...p.certificate, productId } });
  }
}

/** A commit refused: 403 when a row lies outside the importer's reach, else 400; each problem as a field `row.column`. */
function refusal(problems: RowProblem[]): AppError {
  const rows = new Set(problems.map((p) => p.row)).size;
  const outside = problems.some((p) => p.code === 'out_of_scope');
  const fields = [...problems]
    .sort((a, b) => a.row - b.row)
    .slice(0, MAX_ERROR_FIELDS)
    .map((p) => ({ path: `${p.row}.${p.column}`, message: `Dòng ${p.row}, cột ${p.column}: ${p.message}` }));
  const message = `Chưa nhập gì: ${problems.length} lỗi ở ${rows} dòng. Hãy chạy thử (dryRun) để xem báo cáo, sửa tệp rồi nhập lại.`;
  return new AppError(outside ? 'forbidden' : 'invalid_input', message, { fields });
}
