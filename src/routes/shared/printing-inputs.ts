import { z } from '@hono/zod-openapi';

/** What a print job and a void ask for: the API and the console validate with the same schemas. */
export const printBody = z.object({
  quantity: z.number().int().min(1, 'Số lượng tem phải lớn hơn 0.').max(200_000),
  template: z.string().max(40).openapi({ example: 'a4-3x8-70x37' }),
  idempotencyKey: z.string().trim().min(8, 'Khóa idempotency tối thiểu 8 ký tự.').max(100),
}).openapi('PrintJobRequest');

export const voidBody = z.object({
  serials: z.array(z.number().int().positive()).max(1000).optional(),
  firstSerial: z.number().int().positive().optional(),
  lastSerial: z.number().int().positive().optional(),
  reason: z.string().trim().min(3, 'Ghi lý do hủy (ví dụ: in lỗi).').max(200),
}).openapi('VoidStamps');
