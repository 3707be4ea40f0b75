import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { exportJWK, generateKeyPair } from 'jose';
import QRCode from 'qrcode';
import { beforeAll, describe, expect, it } from 'vitest';
import { base32Decode, base32Encode } from '../../src/domain/base32';
import {
  extractStampCode,
  parseStampCode,
  signStamp,
  stampUrl,
  toCompactJws,
  verifyStampSignature,
} from '../../src/domain/stamp-codec';

let privateKey: CryptoKey;
let publicKey: CryptoKey;
let code: string;

beforeAll(async () => {
  ({ privateKey, publicKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true }));
  code = await signStamp(privateKey, 'K1', 1_000_123);
});

async function verifies(text: string): Promise<boolean> {
  const parsed = parseStampCode(text);
  return parsed !== null && (await verifyStampSignature(parsed, publicKey));
}

describe('base32', () => {
  it('round-trips any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 80 }), (bytes) => {
        expect(base32Decode(base32Encode(bytes))).toEqual(bytes);
      }),
    );
  });

  it('rejects non-canonical trailing bits, so one signature has one spelling', () => {
    const sig = base32Encode(new Uint8Array(64));
    expect(base32Decode(sig)).not.toBeNull();
    expect(base32Decode(`${sig.slice(0, -1)}B`)).toBeNull();
  });
});

describe('stamp code', () => {
  it('verifies as issued, in any letter case', async () => {
    expect(await verifies(code)).toBe(true);
    expect(await verifies(code.toLowerCase())).toBe(true);
  });

  it('rejects any change to any character', async () => {
    const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-$%*+./: ';
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: code.length - 1 }),
        fc.constantFrom(...alphabet),
        async (position, replacement) => {
          fc.pre(code[position] !== replacement);
          const tampered = code.slice(0, position) + replacement + code.slice(position + 1);
          expect(await verifies(tampered)).toBe(false);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('rejects every single-character substitution at every position', async () => {
    let accepted = 0;
    for (let i = 0; i < code.length; i++) {
      const tampered = code.slice(0, i) + (code[i] === '7' ? '2' : '7') + code.slice(i + 1);
      if (await verifies(tampered)) accepted++;
    }
    expect(accepted).toBe(0);
  });

  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constant(code.slice(0, 60))), (text) => {
        expect(() => parseStampCode(text)).not.toThrow();
        expect(() => extractStampCode(text)).not.toThrow();
      }),
      { numRuns: 2000 },
    );
  });

  it('rejects leading zeros and signatures of the wrong length', () => {
    const [kid, serial, sig] = code.split('-');
    expect(parseStampCode(`${kid}-0${serial}-${sig}`)).toBeNull();
    expect(parseStampCode(`${kid}-${serial}-${sig!.slice(1)}`)).toBeNull();
  });

  it('finds the code in a stamp URL, a lowercase URL or a bare code', () => {
    const url = stampUrl('https://ocop.example.vn', code);
    expect(extractStampCode(url)).toBe(code);
    expect(extractStampCode(url.toLowerCase())).toBe(code);
    expect(extractStampCode(`  ${code.toLowerCase()} `)).toBe(code);
    expect(extractStampCode(`https://ocop.example.vn/01/08936048123451/10/L1/21/5?stamp=${code}`)).toBe(code);
    expect(extractStampCode('<script>')).toBeNull();
  });
});

describe('QR size', () => {
  it('encodes the whole URL in alphanumeric mode at version 6 or lower, level M', async () => {
    // The longest serial the codec allows, so every real stamp is at most this size.
    const longest = await signStamp(privateKey, 'K9', 999_999_999_999_999);
    for (const origin of ['https://ocop.example.vn', 'https://tem.ocop-langson.vn']) {
      expect(origin.length).toBeLessThanOrEqual(28);
      const url = stampUrl(origin, longest);
      expect(url).toMatch(/^[0-9A-Z $%*+\-./:]+$/);
      const qr = QRCode.create(url, { errorCorrectionLevel: 'M' });
      // The encoder may put a long digit run in numeric mode; what matters is that nothing needs byte mode.
      expect(qr.segments.every((s) => s.mode.id === 'Alphanumeric' || s.mode.id === 'Numeric')).toBe(true);
      expect(qr.version).toBeLessThanOrEqual(6);
    }
  });
});

describe('independent verification', () => {
  it('openssl verifies a stamp from the JWKS alone', async () => {
    const jwk = await exportJWK(publicKey);
    const jwks = JSON.stringify({ keys: [{ ...jwk, kid: 'K1', alg: 'EdDSA' }] });
    const dir = mkdtempSync(join(tmpdir(), 'ocop-openssl-'));
    // What a third party does, with nothing but the JWKS and the code:
    const [kid, serial, sig] = code.split('-');
    const key = (JSON.parse(jwks) as { keys: { kid: string; x: string }[] }).keys.find((k) => k.kid === kid)!;
    const spki = Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), Buffer.from(key.x, 'base64url')]);
    writeFileSync(
      join(dir, 'key.pem'),
      `-----BEGIN PUBLIC KEY-----\n${spki.toString('base64')}\n-----END PUBLIC KEY-----\n`,
    );
    const header = Buffer.from(JSON.stringify({ alg: 'EdDSA', kid, typ: 'ocop-stamp' })).toString('base64url');
    const payload = Buffer.from(JSON.stringify({ sn: Number(serial) })).toString('base64url');
    writeFileSync(join(dir, 'input'), `${header}.${payload}`);
    writeFileSync(join(dir, 'sig'), Buffer.from(base32Decode(sig!)!));
    const verify = (inputFile: string) =>
      execFileSync(
        'openssl',
        [
          'pkeyutl',
          '-verify',
          '-pubin',
          '-inkey',
          join(dir, 'key.pem'),
          '-rawin',
          '-in',
          join(dir, inputFile),
          '-sigfile',
          join(dir, 'sig'),
        ],
        { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
      );
    expect(verify('input')).toContain('Signature Verified Successfully');
    // The rebuilt signing input is exactly the compact JWS the project describes.
    expect(toCompactJws(parseStampCode(code)!).startsWith(`${header}.${payload}.`)).toBe(true);
    // And openssl refuses a different serial under the same signature.
    writeFileSync(
      join(dir, 'other'),
      `${header}.${Buffer.from(JSON.stringify({ sn: Number(serial) + 1 })).toString('base64url')}`,
    );
    expect(() => verify('other')).toThrow();
  });
});

describe('native signing', () => {
  it('gives exactly the signature jose gives', async () => {
    const { createPrivateKey, sign } = await import('node:crypto');
    const { exportJWK } = await import('jose');
    const { signStampWith } = await import('../../src/domain/stamp-codec');
    const key = createPrivateKey({ key: (await exportJWK(privateKey)) as never, format: 'jwk' });
    const native = signStampWith((input) => new Uint8Array(sign(null, input, key)), 'K1', 1_000_123);
    expect(native).toBe(code);
  });
});
