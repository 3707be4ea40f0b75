import { describe, expect, it } from 'vitest';
import { generateSigningJwk } from '../../src/keys/generate-key';
import {
  KeyEncryptionError,
  newKekSecret,
  openPrivateKey,
  parseKeks,
  sealedUnder,
  sealPrivateKey,
} from '../../src/keys/key-encryption';

describe('sealed private keys (AES-256-GCM under the key-encryption key)', () => {
  it('opens what it sealed, and the sealed text holds no key material in the clear', async () => {
    const keks = await parseKeks(newKekSecret());
    const jwk = await generateSigningJwk('K1');
    const sealed = await sealPrivateKey(keks, jwk);
    expect(sealed).toMatch(/^v1\.[0-9a-f]{12}\.[\w-]{16}\.[\w-]+$/);
    expect(sealed).not.toContain(jwk.d);
    expect(sealedUnder(sealed)).toBe(keks.primary.id);
    expect(await openPrivateKey(keks, 'K1', sealed)).toEqual(jwk);
    // A fresh IV every time: sealing twice never gives the same text.
    expect(await sealPrivateKey(keks, jwk)).not.toBe(sealed);
  });

  it('names the KEK a key needs when another one is configured', async () => {
    const right = await parseKeks(newKekSecret());
    const wrong = await parseKeks(newKekSecret());
    const sealed = await sealPrivateKey(right, await generateSigningJwk('K3'));
    const failure = openPrivateKey(wrong, 'K3', sealed);
    await expect(failure).rejects.toBeInstanceOf(KeyEncryptionError);
    await expect(failure).rejects.toThrow(
      new RegExp(`K3 is sealed under key-encryption key ${right.primary.id}.*holds ${wrong.primary.id}`),
    );
  });

  it('binds a sealed key to its kid: copied onto another row, or altered, it does not open', async () => {
    const keks = await parseKeks(newKekSecret());
    const sealed = await sealPrivateKey(keks, await generateSigningJwk('K1'));
    await expect(openPrivateKey(keks, 'K2', sealed)).rejects.toThrow(/K2 does not open/);
    const last = sealed.at(-2) === 'A' ? 'B' : 'A';
    await expect(openPrivateKey(keks, 'K1', `${sealed.slice(0, -2)}${last}${sealed.at(-1)}`)).rejects.toThrow(
      /does not open/,
    );
    await expect(openPrivateKey(keks, 'K1', 'plain text')).rejects.toThrow(/not in a known format/);
  });

  it('seals under the first of several KEKs and opens with any (KEY_ENCRYPTION_KEY="new,old" during a rewrap)', async () => {
    const [fresh, old] = [newKekSecret(), newKekSecret()];
    const oldOnly = await parseKeks(old);
    const both = await parseKeks(`${fresh},${old}`);
    const jwk = await generateSigningJwk('K2');
    const underOld = await sealPrivateKey(oldOnly, jwk);
    expect(await openPrivateKey(both, 'K2', underOld)).toEqual(jwk);
    const underNew = await sealPrivateKey(both, jwk);
    expect(sealedUnder(underNew)).toBe((await parseKeks(fresh)).primary.id);
    await expect(openPrivateKey(oldOnly, 'K2', underNew)).rejects.toThrow(/not the key the other instances use/);
  });

  it('accepts base64 as well as base64url, and refuses anything but 32 bytes', async () => {
    const secret = newKekSecret();
    const base64 = Buffer.from(secret, 'base64url').toString('base64');
    expect((await parseKeks(base64)).primary.id).toBe((await parseKeks(secret)).primary.id);
    for (const bad of ['', 'short', Buffer.alloc(16).toString('base64url'), `${secret},nope`]) {
      await expect(parseKeks(bad)).rejects.toThrow(/KEY_ENCRYPTION_KEY/);
    }
  });
});
