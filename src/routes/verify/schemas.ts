import { z } from '@hono/zod-openapi';
import { VERDICT_STATUSES } from '../../domain/verdict';
import { MAX_INTAKE_CODES } from '../../domain/intake-limits';
import { intakeSessionFields } from '../../services/intake/inputs';

const stateChange = z.object({ on: z.string(), reason: z.string().nullable(), basis: z.string().nullable() }).nullable();

export const copySignalSchema = z.discriminatedUnion('rule', [
  z.object({ rule: z.literal('many_retailers'), retailers: z.number() }),
  z.object({ rule: z.literal('far_apart'), from: z.string(), to: z.string(), km: z.number(), hours: z.number() }),
  z.object({ rule: z.literal('many_scanners'), scanners: z.number() }),
]).openapi('CopySignal');

export const verdictSchema = z.object({
  status: z.enum(VERDICT_STATUSES).openapi({ description: 'First that applies: forged, unknown, void, recalled, revoked, suspended, expired, valid' }),
  code: z.string(),
  serial: z.number().nullable(),
  kid: z.string().nullable(),
  live: z.boolean().openapi({ description: 'false when only the signature could be checked' }),
  checkedAt: z.string(),
  forgedReason: z.enum(['malformed', 'bad_signature', 'unknown_key', 'compromised_key']).optional(),
  productId: z.string().optional(),
  subjectId: z.string().optional(),
  batchId: z.string().optional(),
  certificateId: z.string().optional(),
  product: z.object({ name: z.string(), stars: z.number(), gtin: z.string().nullable() }).loose().optional(),
  subject: z.object({ name: z.string(), kind: z.string(), provinceCode: z.string(), communeCode: z.string().nullable() }).loose().optional(),
  batch: z.object({ lot: z.string(), productionDate: z.string(), bestBefore: z.string().nullable(), recall: stateChange,
    areas: z.array(z.object({ name: z.string(), officialCode: z.string().nullable() }).loose()) }).loose().optional(),
  certificate: z.object({ number: z.string(), decisionNumber: z.string(), decisionDate: z.string(), issuerName: z.string(),
    issuerLevel: z.string(), validFrom: z.string(), validUntil: z.string(), statusChange: stateChange }).loose().optional(),
  scans: z.object({ count: z.number(), firstAt: z.string().nullable(), firstPlace: z.string().nullable(),
    suspicious: z.boolean().openapi({ description: 'A copy-detection rule fired (README, "Copy detection")' }),
    signals: z.array(copySignalSchema) }).optional(),
  digitalLink: z.string().optional(),
}).openapi('Verdict');

export const bulkVerifyBody = z.object({
  codes: z.array(z.string().max(400)).min(1, 'Cần ít nhất một mã.').max(MAX_INTAKE_CODES, 'Tối đa 1.000 mã mỗi yêu cầu.')
    .openapi({ description: 'Stamp codes or stamp URLs, up to 1,000' }),
  record: z.object(intakeSessionFields).optional()
    .openapi({ description: 'Retailers only: also record these codes as a receiving session and return its signed receipt' }),
}).openapi('BulkVerifyRequest');

export const bulkVerifyResponse = z.object({
  count: z.number(),
  summary: z.record(z.string(), z.number()),
  verdicts: z.array(verdictSchema),
  errors: z.array(z.object({ index: z.number(), input: z.string(), message: z.string() }))
    .openapi({ description: 'Inputs that are not a stamp code at all; each also has a forged verdict at its index' }),
  intake: z.object({}).loose().optional().openapi({ description: 'The recorded session and its receipt, when `record` was sent' }),
}).openapi('BulkVerifyResponse');

export const errorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), requestId: z.string().nullable(),
    fields: z.array(z.object({ path: z.string(), message: z.string() })).optional() }),
}).openapi('Error');
