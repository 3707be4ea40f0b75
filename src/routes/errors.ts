import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { ZodError } from 'zod';
import type { AppEnv } from '../app-env';
import { AppError, ERROR_STATUS, type FieldIssue } from '../services/shared/errors';
import { logError } from '../services/shared/log';

function fieldsOf(error: ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.join('.') || '(body)', message: issue.message }));
}

export function errorBody(c: Context<AppEnv>, code: string, message: string, fields?: FieldIssue[]) {
  return { error: { code, message, requestId: c.get('requestId') ?? null, ...(fields?.length ? { fields } : {}) } };
}

/** Invalid input from any zod validator: 400 with every field's message, nothing changed. */
export function validationHook(result: { success: boolean; error?: unknown }, c: Context<AppEnv>) {
  if (!result.success) {
    return c.json(errorBody(c, 'invalid_input', 'Dữ liệu gửi lên không hợp lệ.', fieldsOf(result.error as ZodError)), 400);
  }
}

/** The single mapping from thrown errors to `{ error: { code, message, requestId } }`. Never a stack. */
export function handleError(err: Error, c: Context<AppEnv>) {
  if (err instanceof AppError) {
    return c.json(errorBody(c, err.code, err.message, err.details?.fields), ERROR_STATUS[err.code]);
  }
  if (err instanceof ZodError) return c.json(errorBody(c, 'invalid_input', 'Dữ liệu gửi lên không hợp lệ.', fieldsOf(err)), 400);
  if (err instanceof HTTPException) {
    const status = err.status;
    const code = status === 413 ? 'payload_too_large' : status === 400 ? 'invalid_input' : status === 401 ? 'unauthorized' : 'http_error';
    return c.json(errorBody(c, code, err.message || 'Yêu cầu không hợp lệ.'), status);
  }
  logError('unhandled error', err, { requestId: c.get('requestId') });
  return c.json(errorBody(c, 'internal', 'Lỗi máy chủ. Vui lòng thử lại sau.'), 500);
}
