import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * GS1's EPCIS 2.0 artefacts the tests hold the exports to, kept in test/fixtures/gs1 byte for byte
 * as the gs1/EPCIS repository has them (commit and licence in that folder's README). Each is read
 * only if its SHA-256 is the pinned one, so an edited or replaced file fails loudly instead of
 * quietly changing what "conformant" means.
 */
export const GS1_ARTEFACTS = {
  'EPCIS-JSON-Schema.json': 'ed3228d7867198b4a5be9748fe77f473457c6ed98224fab28a950b4ce634a041',
  'epcis-context.jsonld': '14b10c9d3e92d35f577bfc610fe5ec15aa2941124987919389d7cd9998516861',
  'EPCIS-SHACL.ttl': '590c7a46ffbd254179ece7d9ea6db8495f3c04250d3b70976604ddd6400b08db',
  LICENSE: '13735431422cb2d8e4ed89466cb9d907130f21d9aa22ec767510306db4e7782d',
} as const;

export type Gs1Artefact = keyof typeof GS1_ARTEFACTS;

export function gs1ArtefactPath(name: Gs1Artefact): string {
  return fileURLToPath(new URL(`../fixtures/gs1/${name}`, import.meta.url));
}

export function readGs1Artefact(name: Gs1Artefact): string {
  const bytes = readFileSync(gs1ArtefactPath(name));
  const digest = createHash('sha256').update(bytes).digest('hex');
  if (digest !== GS1_ARTEFACTS[name])
    throw new Error(`test/fixtures/gs1/${name}: SHA-256 ${digest} is not the pinned one`);
  return bytes.toString('utf8');
}

/** GS1's EPCIS 2.0 JSON Schema (draft-07, $id https://gs1.github.io/EPCIS/EPCIS-JSON-Schema.json): documents, query documents, events. */
export function epcisJsonSchema(): Record<string, unknown> {
  return JSON.parse(readGs1Artefact('EPCIS-JSON-Schema.json')) as Record<string, unknown>;
}
