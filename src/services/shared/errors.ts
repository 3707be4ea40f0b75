/** Typed errors that services throw; one table maps them to HTTP statuses in `onError`. */
export type ErrorCode =
  | 'invalid_input'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'certificate_not_valid'
  | 'quantity_exceeded'
  | 'rate_limited'
  | 'unavailable'
  | 'internal'
  | 'step_up_required'
  | 'csrf_failed'
  | 'passkey_failed';

export const ERROR_STATUS: Record<ErrorCode, 400 | 401 | 403 | 404 | 409 | 422 | 429 | 503 | 500> = {
  invalid_input: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  certificate_not_valid: 422,
  quantity_exceeded: 422,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
  step_up_required: 403,
  csrf_failed: 403,
  passkey_failed: 400,
};

export type FieldIssue = { path: string; message: string };

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: { fields?: FieldIssue[]; retryAfterSeconds?: number },
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new AppError('not_found', `Không tìm thấy ${what}.`);
export const forbidden = (why = 'Bạn không có quyền thực hiện thao tác này.') => new AppError('forbidden', why);
export const unauthorized = () => new AppError('unauthorized', 'Cần đăng nhập hoặc mã truy cập (Bearer token).');
export const conflict = (why: string) => new AppError('conflict', why);
export const invalid = (why: string, fields?: FieldIssue[]) => new AppError('invalid_input', why, { fields });
