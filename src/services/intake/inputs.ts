import { z } from '@hono/zod-openapi';
import { MAX_INTAKE_CODES } from '../../domain/intake-limits';
import { VERDICT_STATUSES } from '../../domain/verdict';
import { text } from '../registry/inputs';

const instant = z.iso.datetime({
  offset: true,
  message: 'Thời điểm phải theo ISO 8601, ví dụ 2026-11-23T08:30:00+07:00.',
});

/** One code read in the session, with what the phone showed if it was offline at the time. */
export const intakeItemInput = z.object({
  code: z.string().max(400).openapi({ description: 'A stamp code or stamp URL, as read' }),
  scannedAt: instant.optional().openapi({ description: 'When it was read; defaults to the recording time' }),
  offlineStatus: z.enum(VERDICT_STATUSES).optional().openapi({ description: 'The offline verdict the retailer saw' }),
  offlineAsOf: instant.optional().openapi({ description: 'Issue time of the status list behind the offline verdict' }),
});

/** Identifies a session from the client, so a retried or synced upload records it once. */
export const sessionId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'Mã phiên gồm 8–64 chữ cái, chữ số, "-" hoặc "_".');

export const intakeSessionFields = {
  sessionId,
  pointOfSale: text(200).openapi({ description: 'The point of sale or store room receiving the goods' }),
  startedAt: instant.optional(),
  sentAt: instant
    .optional()
    .openapi({ description: 'The client’s clock when it sent this; scan times are corrected by how far it is off' }),
};

export const recordIntakeInput = z
  .object({
    ...intakeSessionFields,
    items: z
      .array(intakeItemInput)
      .min(1, 'Phiên nhận hàng cần ít nhất một mã.')
      .max(MAX_INTAKE_CODES, 'Tối đa 1.000 mã mỗi phiên.'),
  })
  .openapi('RecordIntake');

export type RecordIntakeInput = z.infer<typeof recordIntakeInput>;
