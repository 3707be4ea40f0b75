import { GS1_LINKSET_CONTEXT, GS1_VOC } from '../../domain/digital-link';

/**
 * The resolver description file GS1 asks every conformant resolver to publish at
 * `/.well-known/gs1resolver` (Resolver standard 1.2; its JSON schema requires `resolverRoot` and
 * `supportedPrimaryKeys`, keys given as their numeric AI). One primary key, 01 (GTIN), with its
 * lot and serial; linkset only on request, the product page by default.
 */
export function describeResolver(origin: string) {
  return {
    name: 'OCOP: tra cứu sản phẩm và xác thực tem (GS1 Digital Link)',
    resolverRoot: origin,
    supportedPrimaryKeys: ['01'],
    supportedLinkType: [{ namespace: GS1_VOC, prefix: 'gs1:' }],
    linkTypeDefaultCanBeLinkset: false,
    // No `context` values: one page per language (?lang=en), nothing else varies by context.
    supportedContextValuesEnumerated: [] as string[],
    jsonLdContextLocation: GS1_LINKSET_CONTEXT,
  };
}
