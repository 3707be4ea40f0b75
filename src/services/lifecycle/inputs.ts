import { z } from '@hono/zod-openapi';
import { createCertificateInput, isoDate, text, uuid } from '../registry/inputs';

/** Input schemas of the lifecycle: routes validate with them, services take their types. */
export const REVOCATION_GROUNDS = [
  'no_reevaluation',
  'failed_criteria',
  'violation',
  'production_stopped',
  'mark_misuse',
] as const;

const decision = {
  effectiveOn: isoDate.openapi({ description: 'Ngày có hiệu lực của quyết định' }),
  reason: text(500),
  basis: text(120).openapi({ description: 'Căn cứ: số quyết định hoặc biên bản', example: '215/QĐ-SNNMT' }),
  decidedBy: text(200).openapi({ description: 'Cơ quan quyết định', example: 'Sở Nông nghiệp và Môi trường Lạng Sơn' }),
  inspectionId: uuid.optional().openapi({ description: 'The inspection this action follows from' }),
};

export const suspendInput = z.object(decision).openapi('SuspendCertificate');
export const reinstateInput = z.object(decision).openapi('ReinstateCertificate');
export const revokeInput = z.object({ ...decision, grounds: z.enum(REVOCATION_GROUNDS) }).openapi('RevokeCertificate');
export const recallInput = z.object(decision).openapi('RecallBatch');
export const correctionInput = z
  .object({
    eventId: z.number().int().positive().openapi({ description: 'The mistaken event (certificate or batch timeline)' }),
    effectiveOn: decision.effectiveOn,
    reason: decision.reason,
    basis: decision.basis,
    decidedBy: decision.decidedBy,
  })
  .openapi('CorrectLifecycleEvent');

/** A re-evaluation is a new rating decision: the same fields as issuing, for the same product. */
export const reevaluateInput = createCertificateInput.omit({ productId: true }).openapi('ReevaluateCertificate');

export const flagAreaInput = z
  .object({
    standard: text(60).openapi({ example: 'VietGAP' }),
    flaggedOn: isoDate,
    reason: text(500),
    inspectionId: uuid.optional(),
  })
  .openapi('FlagRawMaterialArea');

export type DecisionInput = z.infer<typeof suspendInput>;
export type RevokeInput = z.infer<typeof revokeInput>;
export type CorrectionInput = z.infer<typeof correctionInput>;
export type ReevaluateInput = z.infer<typeof reevaluateInput>;
export type FlagAreaInput = z.infer<typeof flagAreaInput>;
