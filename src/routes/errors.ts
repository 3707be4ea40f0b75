import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { HTTPException } from 'hono/http-exception';
import { ZodError, type ZodType, type ZodSafeParseResult } from 'zod';
import { findNonPlainText, NOT_PLAIN_TEXT_MESSAGE } from '../domain/plain-text';
import type { AppEnv } from '../app-env';
import { AppError, ERROR_STATUS, type FieldIssue } from '../services/shared/errors';
import { logError } from '../services/shared/log';
import { isDatabaseUnavailable } from '../db/unavailable';
import { errorPage } from '../../web/error-page';
import { pickLang } from '../../web/i18n';

function fieldsOf(error: ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.join('.') || '(body)', message: issue.message }));
}

export function errorBody(c: Context<AppEnv>, code: string, message: string, fields?: FieldIssue[]) {
  return { error: { code, message, requestId: c.get('requestId') ?? null, ...(fields?.length ? { fields } : {}) } };
}

/** A ZodError naming the first string of `data` that is not plain text, or null when all are. */
export function plainTextError(data: unknown, input: unknown = data): ZodError | null {
  const path = findNonPlainText(data);
  return path ? new ZodError([{ code: 'custom', path, message: NOT_PLAIN_TEXT_MESSAGE, input }]) : null;
}

/** `schema.safeParse`, where a NUL or a lone surrogate anywhere in the result also fails. For hand-parsed forms. */
export function safeParseText<T>(schema: ZodType<T>, input: unknown): ZodSafeParseResult<T> {
  const result = schema.safeParse(input);
  const error = result.success ? plainTextError(result.data, input) : null;
  return error ? { success: false, error: error as ZodError<T> } : result;
}

/**
 * The defaultHook of every OpenAPIHono app. zod-validator calls it for each target (json, form,
 * query, param, header, cookie) with the parse result, success or not, after the route's own
 * middleware (authentication, authorization). Invalid input is a 400 with every field's message,
 * nothing changed; valid input is also held to plain text here, once for every route, because a
 * NUL or a lone surrogate would otherwise fail deep in the database or in a signature.
 */
export function validationHook(result: { success: boolean; data?: unknown; error?: unknown }, c: Context<AppEnv>) {
  const error = result.success ? plainTextError(result.data) : (result.error as ZodError);
  if (error)
    return answer(c, {
      status: 400,
      code: 'invalid_input',
      message: 'Dữ liệu gửi lên không hợp lệ.',
      fields: fieldsOf(error),
    });
}

type Refusal = {
  status: ContentfulStatusCode;
  code: string;
  message: string;
  fields?: FieldIssue[];
  retryAfterSeconds?: number;
};

/** A browser asking for a page (not the API): it gets a page in its language, never JSON. */
function wantsPage(c: Context<AppEnv>): boolean {
  return !c.req.path.startsWith('/api/') && (c.req.header('accept') ?? '').includes('text/html');
}

/** `{ error: { code, message, requestId, fields? } }` for clients, the same words as a page for people. */
export function answer(c: Context<AppEnv>, r: Refusal) {
  if (!wantsPage(c)) return c.json(errorBody(c, r.code, r.message, r.fields), r.status);
  const fields = r.fields?.length ? ` ${r.fields.map((f) => `${f.path}: ${f.message}`).join(' · ')}` : '';
  c.header('Cache-Control', 'no-store');
  return c.html(
    errorPage({
      lang: pickLang(c.req.query('lang')),
      status: r.status,
      message: `${r.message}${fields}`,
      requestId: c.get('requestId') ?? null,
      retryAfterSeconds: r.retryAfterSeconds,
      inConsole: c.req.path.startsWith('/console'),
    }),
    r.status,
  );
}

/** The single mapping from thrown errors to `{ error: { code, message, requestId } }` (or its page). Never a stack. */
export function handleError(err: Error, c: Context<AppEnv>) {
  return answer(c, refusalOf(err, c));
}

function refusalOf(err: Error, c: Context<AppEnv>): Refusal {
  if (err instanceof AppError) {
    return {
      status: ERROR_STATUS[err.code],
      code: err.code,
      message: err.message,
      fields: err.details?.fields,
      retryAfterSeconds: err.details?.retryAfterSeconds,
    };
  }
  if (err instanceof ZodError)
    return { status: 400, code: 'invalid_input', message: 'Dữ liệu gửi lên không hợp lệ.', fields: fieldsOf(err) };
  if (err instanceof HTTPException) {
    const status = err.status as ContentfulStatusCode;
    const code =
      status === 413
        ? 'payload_too_large'
        : status === 400
          ? 'invalid_input'
          : status === 401
            ? 'unauthorized'
            : 'http_error';
    return { status, code, message: httpExceptionMessage(err) };
  }
  if (isUnstorableInput(err)) {
    // A backstop for text that reached the database unvalidated (a raw console query or path): no write happened.
    return { status: 400, code: 'invalid_input', message: NOT_PLAIN_TEXT_MESSAGE };
  }
  if (databaseCode(err) === '23505') {
    // A unique rule the database holds (two requests racing for one number): nothing was written.
    return {
      status: 409,
      code: 'conflict',
      message: 'Bản ghi này trùng với một bản ghi đã có. Hãy tải lại và kiểm tra.',
    };
  }
  if (isDatabaseUnavailable(err)) {
    // A transaction cut off by the outage rolls back; 503 with Retry-After tells clients to send it again later.
    logError('database unreachable', err, { requestId: c.get('requestId') });
    c.header('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS));
    return {
      status: 503,
      code: 'unavailable',
      message: 'Máy chủ dữ liệu tạm thời không truy cập được. Vui lòng thử lại sau ít phút.',
      retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS,
    };
  }
  logError('unhandled error', err, { requestId: c.get('requestId') });
  return { status: 500, code: 'internal', message: 'Lỗi máy chủ. Vui lòng thử lại sau.' };
}

/** No route matched: a JSON 404 for clients, a page for people. */
export function notFoundAnswer(c: Context<AppEnv>) {
  return answer(c, { status: 404, code: 'not_found', message: 'Không tìm thấy đường dẫn này.' });
}

const DATABASE_RETRY_AFTER_SECONDS = 30;

/**
 * Hono's own refusals carry English messages ("Malformed JSON in request body"); a person reads
 * the answer, so the message is ours, chosen by what Hono refused. The code stays for machines.
 */
function httpExceptionMessage(err: HTTPException): string {
  if (err.status === 413) return 'Dữ liệu gửi lên quá lớn.';
  if (err.status === 401) return 'Cần đăng nhập hoặc mã truy cập (Bearer token).';
  if (err.status !== 400) return 'Yêu cầu không thực hiện được.';
  if (err.message.startsWith('Malformed JSON'))
    return 'Nội dung gửi lên không phải JSON hợp lệ. Hãy kiểm tra dấu ngoặc, dấu phẩy và dấu nháy.';
  if (err.message.startsWith('Malformed FormData')) return 'Không đọc được biểu mẫu gửi lên.';
  return 'Yêu cầu không hợp lệ.';
}

/**
 * PostgreSQL refusing input it cannot hold: a NUL (22021), a \u0000 escape in JSON (22P05), or a
 * value that is not of the column's type, such as a console URL's id that is not a UUID (22P02).
 */
function isUnstorableInput(err: unknown): boolean {
  const code = databaseCode(err);
  return code === '22021' || code === '22P05' || code === '22P02';
}

/** The SQLSTATE of a database error, wherever the driver or drizzle wrapped it. */
function databaseCode(err: unknown): string | undefined {
  for (let e = err, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}
