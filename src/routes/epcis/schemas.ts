import { z } from '@hono/zod-openapi';

/** What the EPCIS answers hold, for the OpenAPI document; GS1's JSON Schema is what the tests hold them to. */
const id = z.object({ id: z.string() });
const quantity = z.object({ epcClass: z.string(), quantity: z.number() });

export const epcisEventSchema = z
  .object({
    type: z.literal('ObjectEvent'),
    eventID: z
      .string()
      .openapi({ description: 'urn:uuid: derived from the records the event is made of; the same at every export' }),
    eventTime: z.string(),
    eventTimeZoneOffset: z.string(),
    recordTime: z.string().optional(),
    action: z.enum(['ADD', 'OBSERVE']),
    bizStep: z.enum(['commissioning', 'receiving', 'holding']),
    disposition: z.enum(['active', 'in_progress', 'recalled']),
    epcList: z.array(z.string()),
    quantityList: z.array(quantity).optional(),
    readPoint: id,
    bizLocation: id.optional(),
    'ocop:stampRange': z
      .object({ kid: z.string(), firstSerial: z.number().int(), lastSerial: z.number().int() })
      .optional(),
    ilmd: z
      .object({
        'cbvmda:lotNumber': z.string(),
        'cbvmda:bestBeforeDate': z.string().optional(),
        'ocop:productionDate': z.string(),
        'ocop:rawMaterialAreas': z.array(
          z.object({ name: z.string(), officialCode: z.string().optional(), provinceCode: z.string() }),
        ),
      })
      .optional(),
    'ocop:pointOfSale': z.string().optional(),
    'ocop:provinceCode': z.string().optional(),
    'ocop:reason': z.string().optional(),
    'ocop:basis': z.string().optional(),
    'ocop:corrects': z.string().optional(),
  })
  .openapi('EpcisObjectEvent');

const header = {
  '@context': z
    .array(z.string())
    .openapi({ description: 'GS1’s EPCIS 2.0 context, then this instance’s copy of the ocop: vocabulary’s context' }),
  schemaVersion: z.literal('2.0'),
  creationDate: z.string(),
};

export const epcisDocumentSchema = z
  .object({
    ...header,
    type: z.literal('EPCISDocument'),
    epcisBody: z.object({ eventList: z.array(epcisEventSchema) }),
  })
  .openapi('EPCISDocument');

export const epcisQueryDocumentSchema = z
  .object({
    ...header,
    type: z.literal('EPCISQueryDocument'),
    epcisBody: z.object({
      queryResults: z.object({
        queryName: z.literal('SimpleEventQuery'),
        resultsBody: z.object({ eventList: z.array(epcisEventSchema) }),
      }),
    }),
  })
  .openapi('EPCISQueryDocument');

const term = z.union([z.string(), z.object({}).loose()]);
export const jsonLdContextSchema = z
  .object({ '@context': z.record(z.string(), z.union([term, z.number(), z.boolean()])) })
  .openapi('JsonLdContext');
