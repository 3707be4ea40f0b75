import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../../app-env';
import { IMPORT_MAX_BYTES, XLSX_TYPE } from '../../data/import-columns';
import { invalid } from '../../services/shared/errors';
import { errorBody } from '../errors';

const MB = 1024 * 1024;
const TOO_LARGE = `Tệp quá lớn: tối đa ${IMPORT_MAX_BYTES / MB} MB.`;

/**
 * A 413 before the body is read. `slack` covers what wraps the file: a multipart envelope. A
 * body already read (a session's form-field CSRF check parses the form before any route
 * middleware) cannot be wrapped again: its file's size is checked where it is taken out.
 */
export const importBodyLimit = (slack = 64 * 1024) => {
  const limit = bodyLimit({
    maxSize: IMPORT_MAX_BYTES + slack,
    onError: (c) => c.json(errorBody(c as Context<AppEnv>, 'payload_too_large', TOO_LARGE), 413),
  });
  return createMiddleware<AppEnv>(async function importSizeLimit(c, next) {
    if (c.req.raw.bodyUsed) return next();
    return limit(c, next);
  });
};

/** The raw bodies accepted as a file, besides a multipart upload. */
const RAW_TYPES = ['text/csv', 'application/csv', 'text/plain', XLSX_TYPE, 'application/octet-stream'];

/** What an upload request carries. Null when its content type is none the import reads. */
export async function uploadedFile(c: Context<AppEnv>): Promise<{ bytes: Uint8Array; name: string | null } | null> {
  const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'multipart/form-data') {
    const body = await c.req.parseBody();
    const file = body.file;
    if (!(file instanceof File))
      throw invalid('Chưa chọn tệp: hãy gửi tệp trong trường “file”.', [{ path: 'file', message: 'Chưa chọn tệp.' }]);
    if (file.size > IMPORT_MAX_BYTES) throw invalid(TOO_LARGE, [{ path: 'file', message: TOO_LARGE }]);
    return { bytes: new Uint8Array(await file.arrayBuffer()), name: file.name || null };
  }
  if (!RAW_TYPES.includes(type)) return null;
  return { bytes: new Uint8Array(await c.req.arrayBuffer()), name: null };
}

export const UNSUPPORTED_TYPE = `Chỉ nhận tệp CSV (text/csv) hoặc XLSX (${XLSX_TYPE}), gửi thẳng hoặc trong multipart/form-data (trường “file”).`;
