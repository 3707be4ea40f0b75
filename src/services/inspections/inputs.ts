import { z } from '@hono/zod-openapi';
import { isoDate, text, uuid } from '../registry/inputs';

const attachment = z
  .object({
    name: text(120),
    url: z
      .url({ protocol: /^https?$/, error: 'Đường dẫn phải bắt đầu bằng http:// hoặc https://' })
      .max(500)
      .optional(),
    sha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/, 'SHA-256 gồm 64 ký tự hex thường.')
      .optional(),
  })
  .refine((a) => a.url || a.sha256, { message: 'Tệp đính kèm cần đường dẫn hoặc mã băm SHA-256.', path: ['url'] });

/** What the inspected thing is: exactly the id that matches the scope must be given. */
export const recordInspectionInput = z
  .object({
    scope: z.enum(['subject', 'product', 'batch', 'area']),
    subjectId: uuid.optional(),
    productId: uuid.optional(),
    batchId: uuid.optional(),
    areaId: uuid.optional(),
    inspectedOn: isoDate,
    agency: text(200).openapi({ example: 'Chi cục Quản lý chất lượng nông lâm sản và thủy sản Lạng Sơn' }),
    findings: text(4000),
    samples: z
      .array(z.object({ code: text(40), description: text(300), result: text(300).optional() }))
      .max(50)
      .default([]),
    result: z.enum(['pass', 'violations']),
    attachments: z.array(attachment).max(20).default([]),
  })
  .refine((i) => Boolean({ subject: i.subjectId, product: i.productId, batch: i.batchId, area: i.areaId }[i.scope]), {
    message: 'Chọn đối tượng kiểm tra tương ứng với phạm vi.',
    path: ['scope'],
  })
  .openapi('RecordInspection');

export type RecordInspectionInput = z.infer<typeof recordInspectionInput>;
