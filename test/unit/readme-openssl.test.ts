import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseStampCode, signStamp } from '../../src/domain/stamp-codec';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** The README's openssl recipe, exactly as printed there. */
function readmeRecipe(): string {
  const readme = readFileSync(join(process.cwd(), 'README.md'), 'utf8');
  const from = readme.indexOf('```sh\n', readme.indexOf('With `openssl`'));
  return readme.slice(from + '```sh\n'.length, readme.indexOf('```\n', from + 6));
}

describe('the README’s openssl recipe, run as printed', () => {
  let dir: string;
  let code: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ocop-readme-openssl-'));
    const { publicKey, privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
    writeFileSync(
      join(dir, 'jwks.json'),
      JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid: 'K1', alg: 'EdDSA' }] }),
    );
    code = await signStamp(privateKey, 'K1', 1_000_123);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Runs the recipe on a code; `curl` answers with the test's JWKS, as the service would. */
  const run = (stampCode: string) => {
    const recipe = readmeRecipe().replace(/^CODE=\S+/m, `CODE='${stampCode}'`);
    const script = `curl() { cat "${join(dir, 'jwks.json')}"; }\n${recipe}`;
    const result = spawnSync('bash', ['-c', script], { cwd: dir, encoding: 'utf8' });
    return { ok: result.status === 0, out: `${result.stdout}${result.stderr}` };
  };

  it('verifies a genuine code, in either case', () => {
    for (const spelling of [code, code.toLowerCase()]) {
      const { ok, out } = run(spelling);
      expect([ok, out]).toEqual([true, expect.stringContaining('Signature Verified Successfully')]);
    }
  });

  it('rejects each of the 7 other final characters that decode to the same bytes, as the service does', () => {
    const last = ALPHABET.indexOf(code.at(-1)!);
    // 64 bytes are 512 bits; 103 characters carry 515: the last one's low 3 bits must be zero.
    const twins = Array.from({ length: 8 }, (_, low) => ALPHABET[(last & ~7) | low]!).filter((c) => c !== code.at(-1));
    expect(twins).toHaveLength(7);
    for (const twin of twins) {
      const spelling = code.slice(0, -1) + twin;
      expect(parseStampCode(spelling)).toBeNull();
      const { out } = run(spelling);
      expect(out).toContain('Non-canonical code: forged');
      expect(out).not.toContain('Verified Successfully');
    }
  });

  it('refuses the signature under another serial', () => {
    const [kid, serial, sig] = code.split('-');
    const { ok, out } = run(`${kid}-${Number(serial) + 1}-${sig}`);
    expect(ok).toBe(false);
    expect(out).not.toContain('Verified Successfully');
  });
});
