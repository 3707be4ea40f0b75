import { z } from '@hono/zod-openapi';
import { MAX_INTAKE_CODES } from '../../domain/intake-limits';
import { intakeSessionFields } from '../../services/intake/inputs';
import { verdictSchema } from '../shared/schemas';

export const bulkVerifyBody = z
  .object({
    codes: z
      .array(z.string().max(400))
      .min(1, 'Cần ít nhất một mã.')
      .max(MAX_INTAKE_CODES, 'Tối đa 1.000 mã mỗi yêu cầu.')
      .openapi({ description: 'Stamp codes or stamp URLs, up to 1,000' }),
    record: z.object(intakeSessionFields).optional().openapi({
      description: 'Retailers only: also record these codes as a receiving session and return its signed receipt',
    }),
  })
  .openapi('BulkVerifyRequest');

export const bulkVerifyResponse = z
  .object({
    count: z.number(),
    summary: z.record(z.string(), z.number()),
    verdicts: z.array(verdictSchema),
    errors: z
      .array(z.object({ index: z.number(), input: z.string(), message: z.string() }))
      .openapi({ description: 'Inputs that are not a stamp code at all; each also has a forged verdict at its index' }),
    intake: z
      .object({})
      .loose()
      .optional()
      .openapi({ description: 'The recorded session and its receipt, when `record` was sent' }),
  })
  .openapi('BulkVerifyResponse');
