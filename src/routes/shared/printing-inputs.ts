import { z } from '@hono/zod-openapi';

/** What a print job and a void ask for: the API and the console validate with the same schemas. */
export const printBody = z
  .object({
    quantity: z.number().int().min(1, 'Số lượng tem phải lớn hơn 0.').max(200_000),
    template: z.string().max(40).openapi({ example: 'a4-3x8-70x37' }),
    idempotencyKey: z.string().trim().min(8, 'Khóa idempotency tối thiểu 8 ký tự.').max(100),
  })
  .openapi('PrintJobRequest');

export const voidBody = z
  .object({
    serials: z.array(z.number().int().positive()).max(1000).optional(),
    firstSerial: z.number().int().positive().optional(),
    lastSerial: z.number().int().positive().optional(),
    reason: z.string().trim().min(3, 'Ghi lý do vô hiệu (ví dụ: in lỗi).').max(200),
  })
  .openapi('VoidStamps');

/** Serials of one print job, as a person types them ("1000001, 1000005-1000010"): nothing outside the job is voided. */
export const jobVoidBody = z
  .object({
    serials: z.string().min(1).max(10_000).openapi({ example: '1000001, 1000005-1000010' }),
    reason: z.string().trim().min(3, 'Ghi lý do vô hiệu (ví dụ: in lỗi).').max(200),
  })
  .openapi('VoidJobStamps');
