import { z } from '@hono/zod-openapi';
import { provinceCode, text } from '../registry/inputs';

export const REPORT_PROBLEMS = ['counterfeit', 'quality', 'label', 'expired_or_recalled', 'other'] as const;

/** A consumer's report: only the problem and a description are required; contact is optional. */
export const submitReportInput = z
  .object({
    code: z.string().max(400).openapi({ description: 'The stamp code or URL the report is about' }),
    problem: z.enum(REPORT_PROBLEMS),
    details: z.string().trim().min(5, 'Hãy mô tả ngắn gọn điều bất thường (ít nhất 5 ký tự).').max(2000),
    placeOfPurchase: z.string().trim().max(200).optional(),
    purchaseProvinceCode: provinceCode.optional(),
    contact: z
      .string()
      .trim()
      .max(120)
      .optional()
      .openapi({ description: 'Optional: phone or e-mail, only if the person wants an answer' }),
  })
  .openapi('SubmitReport');

export const closeReportInput = z.object({ note: text(1000) }).openapi('CloseReport');

export type SubmitReportInput = z.infer<typeof submitReportInput>;
