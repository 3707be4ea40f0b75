import type { Context } from 'hono';
import { z } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env';
import { VERDICT_STATUSES } from '../../domain/verdict';
import type { RecordedIntake } from '../../services/intake/record-intake';

/** Schemas more than one route module answers with: routes share them from here, never from each other. */

export const errorSchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      requestId: z.string().nullable(),
      fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    }),
  })
  .openapi('Error');

const stateChange = z
  .object({ on: z.string(), reason: z.string().nullable(), basis: z.string().nullable() })
  .nullable();

export const copySignalSchema = z
  .discriminatedUnion('rule', [
    z.object({ rule: z.literal('many_retailers'), retailers: z.number() }),
    z.object({ rule: z.literal('far_apart'), from: z.string(), to: z.string(), km: z.number(), hours: z.number() }),
    z.object({ rule: z.literal('many_scanners'), scanners: z.number() }),
  ])
  .openapi('CopySignal');

export const verdictSchema = z
  .object({
    status: z.enum(VERDICT_STATUSES).openapi({
      description: 'First that applies: forged, unknown, void, recalled, revoked, suspended, expired, valid',
    }),
    code: z.string(),
    serial: z.number().nullable(),
    kid: z.string().nullable(),
    live: z.boolean().openapi({
      description:
        'false when the database could not be reached and only the signature was checked: ' +
        '`status` is then `valid` (the signature is genuine, nothing else is known: not the certificate, batch or voids) or `forged`. Read it before `status`.',
    }),
    checkedAt: z.string(),
    forgedReason: z.enum(['malformed', 'bad_signature', 'unknown_key', 'compromised_key']).optional(),
    productId: z.string().optional(),
    subjectId: z.string().optional(),
    batchId: z.string().optional(),
    certificateId: z.string().optional(),
    product: z.object({ name: z.string(), stars: z.number(), gtin: z.string().nullable() }).loose().optional(),
    subject: z
      .object({ name: z.string(), kind: z.string(), provinceCode: z.string(), communeCode: z.string().nullable() })
      .loose()
      .optional(),
    batch: z
      .object({
        lot: z.string(),
        productionDate: z.string(),
        bestBefore: z.string().nullable(),
        recall: stateChange,
        areas: z.array(z.object({ name: z.string(), officialCode: z.string().nullable() }).loose()),
      })
      .loose()
      .optional(),
    certificate: z
      .object({
        number: z.string(),
        decisionNumber: z.string(),
        decisionDate: z.string(),
        issuerName: z.string(),
        issuerLevel: z.string(),
        validFrom: z.string(),
        validUntil: z.string(),
        statusChange: stateChange,
      })
      .loose()
      .optional(),
    scans: z
      .object({
        count: z.number(),
        firstAt: z.string().nullable(),
        firstPlace: z.string().nullable(),
        suspicious: z.boolean().openapi({ description: 'A copy-detection rule fired (README, "Copy detection")' }),
        signals: z.array(copySignalSchema),
      })
      .optional(),
    digitalLink: z.string().optional(),
  })
  .openapi('Verdict');

export const intakeResultSchema = z
  .object({
    id: z.string(),
    recordedAt: z.string(),
    pointOfSale: z.string(),
    itemCount: z.number(),
    summary: z.record(z.string(), z.number()),
    replayed: z
      .boolean()
      .openapi({ description: 'true when this session id was recorded before: the first receipt is returned' }),
    receiptUrl: z.string(),
    receipt: z.string().openapi({
      description: 'Compact JWS (typ ocop-intake-receipt+jwt), verifiable with /.well-known/jwks.json alone',
    }),
  })
  .openapi('IntakeReceipt');

/** What the bulk verification API and the intake API both answer about a recorded intake. */
export function intakeResult(c: Context<AppEnv>, { intake, receipt, replayed }: RecordedIntake) {
  return {
    id: intake.id,
    recordedAt: intake.recordedAt.toISOString(),
    pointOfSale: intake.pointOfSale,
    itemCount: intake.itemCount,
    summary: intake.summary,
    replayed,
    receiptUrl: `${c.var.deps.config.PUBLIC_ORIGIN}/api/v1/intakes/${intake.id}/receipt`,
    receipt,
  };
}
