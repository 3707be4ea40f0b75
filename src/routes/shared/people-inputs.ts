import { z } from '@hono/zod-openapi';
import { uuid } from '../../services/registry/inputs';
import { ROLES } from '../../services/shared/policy';

/**
 * A province code, or the word `central` for national scope. Optional in the schema so that a
 * missing scope reaches the service, which names the field in Vietnamese (it depends on the role).
 */
const province = z
  .union([z.literal('central'), z.string().regex(/^\d{2}$/, 'Mã tỉnh gồm 2 chữ số, hoặc "central".')])
  .optional()
  .openapi({
    description:
      'Two-digit province code, or `central`. Required for inspectors, authorities (either) and retailers (a province).',
  });

export const inviteInput = z
  .object({
    name: z.string().trim().min(1).max(120),
    role: z.enum(ROLES),
    provinceCode: province,
    subjectId: uuid.optional(),
    organisationId: uuid.optional().openapi({
      description: 'Retailers: the organisation whose clerk or machine this is (its province is taken)',
    }),
  })
  .openapi('Invite');

export const tokenInput = z
  .object({
    name: z.string().trim().min(1).max(120),
    role: z.enum(ROLES),
    provinceCode: province,
    subjectId: uuid.optional(),
    organisationId: uuid.optional(),
    days: z.number().int().min(1).max(3650).default(365),
  })
  .openapi('CreateToken');
