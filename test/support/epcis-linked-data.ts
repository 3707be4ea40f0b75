import datasetFactory from '@rdfjs/dataset';
import jsonld from 'jsonld';
import { Parser } from 'n3';
import SHACLValidator from 'rdf-validate-shacl';
import { EPCIS_CONTEXT } from '../../src/services/traceability/vocabulary';
import { readGs1Artefact } from './epcis-schema';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type ShaclViolation = { message: string[]; focusNode?: string; path?: string };

/**
 * What an RDF consumer does with an EPCIS document, with tools nobody here wrote: `jsonld`
 * expands it in safe mode (which fails on any term it would drop) and turns it into RDF, and
 * `rdf-validate-shacl` checks GS1's SHACL shapes. Contexts come from `contexts` (GS1's from its
 * pinned copy, the ocop one as the service serves it); any other URL fails, so nothing is fetched.
 */
export function linkedDataTools(contexts: Record<string, unknown>) {
  const documents: Record<string, unknown> = {
    [EPCIS_CONTEXT]: JSON.parse(readGs1Artefact('epcis-context.jsonld')),
    ...contexts,
  };
  const documentLoader = async (url: string) => {
    if (!(url in documents)) throw new Error(`no network in tests: ${url}`);
    return { contextUrl: undefined, documentUrl: url, document: documents[url] };
  };
  const options = { documentLoader, safe: true } as unknown as jsonld.Options.Expand;
  const shapes = datasetFactory.dataset(
    new Parser({ format: 'text/turtle' }).parse(readGs1Artefact('EPCIS-SHACL.ttl')),
  );

  return {
    expand: async (doc: unknown) => (await jsonld.expand(doc as jsonld.JsonLdDocument, options)) as unknown as Json,
    async shaclViolations(doc: unknown): Promise<ShaclViolation[]> {
      const nquads = (await jsonld.toRDF(doc as jsonld.JsonLdDocument, {
        ...options,
        format: 'application/n-quads',
      })) as unknown as string;
      const data = datasetFactory.dataset(new Parser({ format: 'N-Quads' }).parse(nquads));
      const report = await new SHACLValidator(shapes).validate(data);
      return report.results.map((r) => ({
        message: r.message.map((m) => m.value),
        focusNode: r.focusNode?.value,
        path: r.path?.value,
      }));
    },
  };
}

/** Every value a compact document states: strings, numbers and booleans, outside `@context`. */
export function compactValues(node: Json): number {
  if (Array.isArray(node)) return node.reduce<number>((n, item) => n + compactValues(item), 0);
  if (node === null || typeof node !== 'object') return 1;
  return Object.entries(node).reduce((n, [key, value]) => (key === '@context' ? n : n + compactValues(value)), 0);
}

/**
 * The same count after expansion: a literal is one `@value`, an IRI one `@id`, a type one entry
 * of a node's `@type`. Equal counts mean expansion dropped nothing.
 */
export function expandedValues(node: Json): number {
  if (Array.isArray(node)) return node.reduce<number>((n, item) => n + expandedValues(item), 0);
  if (node === null || typeof node !== 'object') return 0;
  if ('@value' in node) return 1;
  let n = typeof node['@id'] === 'string' ? 1 : 0;
  if (Array.isArray(node['@type'])) n += node['@type'].length;
  for (const [key, value] of Object.entries(node)) if (!key.startsWith('@')) n += expandedValues(value);
  return n;
}
