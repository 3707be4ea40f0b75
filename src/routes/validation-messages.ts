import type { z } from 'zod';

/**
 * zod's messages, in Vietnamese a person can act on. zod's own Vietnamese locale names JavaScript
 * types ("mong đợi string, nhận được undefined") and regular expressions; these say what to type.
 * A schema's own message (`.min(5, '…')`) still wins: this map is only the fallback.
 */
type Issue = Parameters<z.core.$ZodErrorMap>[0];

const KINDS: Record<string, string> = {
  string: 'một đoạn văn bản',
  number: 'một số',
  int: 'một số nguyên',
  bigint: 'một số nguyên',
  boolean: 'đúng hoặc sai (true/false)',
  array: 'một danh sách',
  object: 'một nhóm trường (đối tượng JSON)',
  date: 'một ngày',
  null: 'để trống (null)',
};

const FORMATS: Record<string, string> = {
  email: 'Địa chỉ email không hợp lệ.',
  url: 'Đường dẫn không hợp lệ.',
  uuid: 'Mã định danh không hợp lệ.',
  guid: 'Mã định danh không hợp lệ.',
  date: 'Ngày không hợp lệ: nhập theo dạng năm-tháng-ngày (2026-11-23).',
  datetime: 'Thời điểm không hợp lệ: nhập theo ISO 8601 (2026-11-23T10:00:00+07:00).',
  time: 'Giờ không hợp lệ.',
  e164: 'Số điện thoại không hợp lệ.',
};

const number = (n: number | bigint) => (typeof n === 'bigint' ? n.toString() : n.toLocaleString('vi-VN'));

function tooSmall(issue: Extract<Issue, { code: 'too_small' }>): string {
  const n = number(issue.minimum);
  if (issue.origin === 'string')
    return Number(issue.minimum) <= 1 ? 'Không được để trống.' : `Quá ngắn: cần ít nhất ${n} ký tự.`;
  if (issue.origin === 'array' || issue.origin === 'set') return `Cần ít nhất ${n} mục.`;
  if (issue.origin === 'date') return `Ngày phải từ ${String(issue.minimum)} trở đi.`;
  return issue.inclusive === false ? `Phải lớn hơn ${n}.` : `Nhỏ nhất là ${n}.`;
}

function tooBig(issue: Extract<Issue, { code: 'too_big' }>): string {
  const n = number(issue.maximum);
  if (issue.origin === 'string') return `Quá dài: tối đa ${n} ký tự.`;
  if (issue.origin === 'array' || issue.origin === 'set') return `Quá nhiều: tối đa ${n} mục.`;
  if (issue.origin === 'file') return `Tệp quá lớn: tối đa ${n} byte.`;
  return issue.inclusive === false ? `Phải nhỏ hơn ${n}.` : `Lớn nhất là ${n}.`;
}

/** The error map installed with `z.config({ localeError })`. */
export function vietnameseIssue(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'Chưa điền: trường này là bắt buộc.';
      return `Sai kiểu dữ liệu: cần ${KINDS[issue.expected] ?? 'một giá trị khác'}.`;
    case 'invalid_value':
      if (issue.input === undefined || issue.input === '') return 'Chưa chọn: trường này là bắt buộc.';
      return issue.values.length === 1
        ? `Chỉ nhận giá trị ${JSON.stringify(issue.values[0])}.`
        : `Giá trị không nằm trong danh sách: chọn một trong ${issue.values.map((v) => JSON.stringify(v)).join(', ')}.`;
    case 'too_small':
      return tooSmall(issue);
    case 'too_big':
      return tooBig(issue);
    case 'invalid_format':
      return FORMATS[issue.format] ?? 'Không đúng định dạng.';
    case 'not_multiple_of':
      return `Phải là bội số của ${number(issue.divisor as number)}.`;
    case 'unrecognized_keys':
      return `Trường không được hỗ trợ: ${issue.keys.join(', ')}.`;
    default:
      return 'Giá trị không hợp lệ.';
  }
}
