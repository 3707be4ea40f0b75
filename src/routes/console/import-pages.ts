import { Hono, type Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../../app-env';
import { IMPORT_MAX_BYTES, XLSX_TYPE } from '../../data/import-columns';
import { importCertificates, type ImportReport } from '../../services/imports/import-certificates';
import { importTemplateRows, importTemplateXlsx } from '../../services/imports/template';
import { AppError, invalid } from '../../services/shared/errors';
import { serviceContext } from '../context';
import { uploadedFile } from '../shared/import-upload';
import { may, render, requirePerson } from './shared';
import { refusedView } from '../../../web/console/copies-view';
import { importReportCsv, importTemplateCsv } from '../../../web/console/import-csv';
import {
  importDoneView,
  importReportView,
  importUploadView,
  type UploadedList,
} from '../../../web/console/import-view';

const TITLE = 'Nhập danh sách chứng nhận';
const REPORT_TITLE = 'Kết quả kiểm tra tệp';

/** Authorities' pages for importing a certificate list: upload, dry-run report, then commit. Plain forms, no script needed. */
export const importPages = new Hono<AppEnv>();

const onlyImporters = createMiddleware<AppEnv>(async function mayImport(c, next) {
  if (!may(c)('certificate.import')) return render(c, TITLE, refusedView('Trang này dành cho cơ quan quản lý.'), 403);
  await next();
});
importPages.use('/console/imports', requirePerson, onlyImporters);
importPages.use('/console/imports/*', requirePerson, onlyImporters);

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * The file the report's buttons send back (base64 in a form field): the server keeps no upload
 * between the steps. No bodyLimit on these pages: the session's CSRF check has read the form
 * before any route middleware runs, so the sizes are checked here, on what was read.
 */
async function resentFile(c: Context<AppEnv>): Promise<{ bytes: Uint8Array; name: string }> {
  const body = await c.req.parseBody();
  const content = typeof body.content === 'string' ? body.content : '';
  if (content.length > Math.ceil(IMPORT_MAX_BYTES / 3) * 4)
    throw invalid(`Tệp quá lớn: tối đa ${IMPORT_MAX_BYTES / 1024 / 1024} MB.`);
  let binary: string;
  try {
    binary = atob(content);
  } catch {
    throw invalid('Không đọc được tệp đã gửi lại: hãy tải tệp lên lại.');
  }
  const bytes = Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
  return { bytes, name: typeof body.name === 'string' && body.name ? body.name.slice(0, 200) : 'danh-sach' };
}

async function dryRun(c: Context<AppEnv>, bytes: Uint8Array): Promise<ImportReport> {
  return importCertificates({ ctx: serviceContext(c), input: { file: bytes, dryRun: true } });
}

/** A file that cannot be read at all goes back to the upload form with the reason; anything else is the app's error page. */
function uploadFailure(c: Context<AppEnv>, error: unknown) {
  if (!(error instanceof AppError) || error.code !== 'invalid_input') throw error;
  const details = (error.details?.fields ?? []).map((f) => f.message);
  return render(c, TITLE, importUploadView(c.var.session!.csrfToken, { message: error.message, details }), 400);
}

importPages.get('/console/imports', (c) => render(c, TITLE, importUploadView(c.var.session!.csrfToken)));

importPages.post('/console/imports', async (c) => {
  try {
    const upload = await uploadedFile(c);
    if (!upload) throw invalid('Hãy chọn một tệp CSV hoặc XLSX để tải lên.');
    const file: UploadedList = { name: upload.name ?? 'danh-sach', base64: toBase64(upload.bytes) };
    const report = await dryRun(c, upload.bytes);
    return render(
      c,
      REPORT_TITLE,
      importReportView(report, file, c.var.session!.csrfToken),
      report.problems.length ? 422 : 200,
    );
  } catch (error) {
    return uploadFailure(c, error);
  }
});

importPages.post('/console/imports/commit', async (c) => {
  const { bytes, name } = await resentFile(c);
  try {
    const report = await importCertificates({ ctx: serviceContext(c), input: { file: bytes, dryRun: false } });
    return render(c, 'Đã nhập danh sách chứng nhận', importDoneView(report, name));
  } catch (error) {
    // Refused at commit (the registry changed since the dry run, or a row is out of reach): show why, from a fresh dry run.
    if (!(error instanceof AppError) || (error.code !== 'invalid_input' && error.code !== 'forbidden')) throw error;
    const report = await dryRun(c, bytes).catch((again: unknown) => {
      throw again instanceof AppError ? again : error;
    });
    return render(
      c,
      REPORT_TITLE,
      importReportView(report, { name, base64: toBase64(bytes) }, c.var.session!.csrfToken, error.message),
      error.code === 'forbidden' ? 403 : 422,
    );
  }
});

importPages.post('/console/imports/report.csv', async (c) => {
  const { bytes } = await resentFile(c);
  const report = await dryRun(c, bytes);
  c.header('Content-Disposition', 'attachment; filename="bao-cao-nhap-chung-nhan.csv"');
  c.header('Cache-Control', 'no-store');
  return c.body(importReportCsv(report), 200, { 'Content-Type': 'text/csv; charset=utf-8' });
});

importPages.get('/console/imports/template.csv', (c) => {
  c.header('Content-Disposition', 'attachment; filename="mau-nhap-chung-nhan.csv"');
  return c.body(importTemplateCsv(importTemplateRows()), 200, { 'Content-Type': 'text/csv; charset=utf-8' });
});

importPages.get('/console/imports/template.xlsx', async (c) => {
  c.header('Content-Disposition', 'attachment; filename="mau-nhap-chung-nhan.xlsx"');
  return c.body((await importTemplateXlsx()) as unknown as ArrayBuffer, 200, { 'Content-Type': XLSX_TYPE });
});
