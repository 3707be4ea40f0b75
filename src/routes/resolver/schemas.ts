import { z } from '@hono/zod-openapi';

const stateChange = z
  .object({ on: z.string(), reason: z.string().nullable(), basis: z.string().nullable() })
  .nullable();

/** The JSON a Digital Link without a stamp answers with (`Accept: application/json`). */
export const productInfoSchema = z
  .object({
    stampVerified: z.literal(false).openapi({
      description:
        'Always false: no stamp was checked. To verify a pack, verify its OCOP stamp (`?stamp=` or /api/v1/verify).',
    }),
    notice: z.string().openapi({ example: 'Thông tin sản phẩm, chưa xác thực tem' }),
    digitalLink: z
      .string()
      .openapi({ description: 'The canonical GS1 Digital Link (GTIN-14, lot, serial) this answer is about' }),
    linkset: z.string().openapi({ description: 'Where the RFC 9264 linkset of this Digital Link is' }),
    gtin: z.string().openapi({ description: 'GTIN-14', example: '08936048123451' }),
    lot: z.string().nullable(),
    serial: z.string().nullable().openapi({ description: 'As written in the link; not verified' }),
    productId: z.string(),
    subjectId: z.string(),
    product: z.object({
      name: z.string(),
      gtin: z.string().openapi({ description: 'As registered (8 to 14 digits)' }),
      group: z
        .object({
          taxonomyVersion: z.string(),
          code: z.string(),
          name: z.string(),
          nameEn: z.string(),
          subgroupCode: z.string(),
          subgroupName: z.string(),
        })
        .nullable(),
    }),
    subject: z.object({
      name: z.string(),
      kind: z.string(),
      provinceCode: z.string(),
      provinceName: z.string().nullable(),
      communeCode: z.string().nullable(),
      address: z.string(),
      demo: z.boolean(),
    }),
    certificate: z
      .object({
        id: z.string(),
        number: z.string(),
        stars: z.number().int(),
        decisionNumber: z.string(),
        decisionDate: z.string(),
        issuerName: z.string(),
        issuerLevel: z.string(),
        validFrom: z.string(),
        validUntil: z.string(),
        status: z
          .enum(['valid', 'suspended', 'revoked', 'expired'])
          .openapi({ description: 'Live: the stored state, or `expired` past validUntil' }),
        statusChange: stateChange,
      })
      .nullable()
      .openapi({
        description: 'The lot’s certificate when a lot is named, else the product’s current one; null when it has none',
      }),
    batch: z
      .object({
        id: z.string(),
        lot: z.string(),
        productionDate: z.string(),
        bestBefore: z.string().nullable(),
        recall: stateChange,
        areas: z.array(
          z.object({
            name: z.string(),
            kind: z.string(),
            officialCode: z.string().nullable(),
            provinceCode: z.string(),
            communeCode: z.string().nullable(),
            standards: z.array(
              z.object({ name: z.string(), certificateNumber: z.string().optional(), expiresOn: z.string() }),
            ),
            flags: z.array(z.object({ standard: z.string(), on: z.string(), reason: z.string() })),
          }),
        ),
      })
      .nullable()
      .openapi({ description: 'The named lot; null when the link names none' }),
  })
  .openapi('ProductInfo');

const linkTarget = z.object({
  href: z.string(),
  title: z.string(),
  type: z.string(),
  hreflang: z.array(z.string()).optional(),
});

/** RFC 9264 linkset, as GS1-conformant resolvers serve it; relations are GS1 vocabulary URIs. */
export const linksetSchema = z
  .object({
    linkset: z.array(
      z.object({
        anchor: z.string(),
        description: z.string(),
        'https://gs1.org/voc/defaultLink': z.array(linkTarget),
        'https://gs1.org/voc/pip': z.array(linkTarget),
        'https://gs1.org/voc/certificationInfo': z.array(linkTarget),
        'https://gs1.org/voc/traceability': z.array(linkTarget),
        'https://gs1.org/voc/verificationService': z.array(linkTarget),
      }),
    ),
  })
  .openapi('Linkset');

/** GS1 resolver description file (Resolver standard 1.2, `/.well-known/gs1resolver`). */
export const resolverDescriptionSchema = z
  .object({
    name: z.string(),
    resolverRoot: z.string(),
    supportedPrimaryKeys: z.array(z.string()),
    supportedLinkType: z.array(z.object({ namespace: z.string(), prefix: z.string() })),
    linkTypeDefaultCanBeLinkset: z.boolean(),
    supportedContextValuesEnumerated: z.array(z.string()),
    jsonLdContextLocation: z.string(),
  })
  .openapi('GS1ResolverDescription');

export const resolverQuery = z.object({
  stamp: z.string().max(400).optional().openapi({
    description: 'The signed stamp code: the answer is then the verdict, `forged` if the stamp does not match the link',
  }),
  linkType: z.string().max(200).optional().openapi({
    description:
      '`linkset` (or `all`) for the linkset; a GS1 link type (`gs1:pip`, `gs1:certificationInfo`, `gs1:traceability`, `gs1:verificationService`) for a 307 to it; any other value leads to the default link',
  }),
  lang: z.enum(['vi', 'en']).optional(),
});
