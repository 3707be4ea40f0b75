import { base64url } from 'jose';
import type { PrivateSigningJwk } from './key-ring';

/**
 * Private signing keys are stored in the database sealed with AES-256-GCM under a
 * key-encryption key (KEK) from configuration, through WebCrypto so Workers open them too.
 *
 * Sealed form: `v1.<kek id>.<iv>.<ciphertext>`. The kid is the additional authenticated data, so
 * a sealed key copied onto another row does not open. The KEK id (a SHA-256 prefix of the KEK)
 * lets a wrong KEK be named plainly, and lets several KEKs be configured while they are rotated.
 */
export type Kek = { id: string; key: CryptoKey };
/** The first KEK seals; any of them opens (KEY_ENCRYPTION_KEY="new,old" during `keys rewrap`). */
export type KekSet = { primary: Kek; byId: Map<string, Kek> };

export class KeyEncryptionError extends Error {}

const encoder = new TextEncoder();
/** WebCrypto's types want bytes over a plain ArrayBuffer; decoders return ArrayBufferLike. */
const decode64 = (text: string): Uint8Array<ArrayBuffer> => new Uint8Array(base64url.decode(text));

/** A fresh KEK as configuration holds it: 32 random bytes, base64url. */
export function newKekSecret(): string {
  return base64url.encode(crypto.getRandomValues(new Uint8Array(32)));
}

/** KEY_ENCRYPTION_KEY: one or more comma-separated 32-byte keys, base64url (or base64). */
export async function parseKeks(secret: string, source = 'KEY_ENCRYPTION_KEY'): Promise<KekSet> {
  const parts = secret.split(/[,\s]+/).filter(Boolean);
  if (parts.length === 0) throw new KeyEncryptionError(`${source} is empty`);
  const keks: Kek[] = [];
  for (const part of parts) {
    let raw: Uint8Array<ArrayBuffer>;
    try {
      raw = decode64(part.replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, ''));
    } catch {
      raw = new Uint8Array();
    }
    if (raw.length !== 32)
      throw new KeyEncryptionError(
        `${source} must be 32 random bytes in base64url (43 characters), comma-separated when there are several`,
      );
    const id = Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', raw)).slice(0, 6), (b) =>
      b.toString(16).padStart(2, '0'),
    ).join('');
    keks.push({ id, key: await crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']) });
  }
  return { primary: keks[0]!, byId: new Map(keks.map((k) => [k.id, k])) };
}

export async function sealPrivateKey(keks: KekSet, jwk: PrivateSigningJwk): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const plain = encoder.encode(JSON.stringify(jwk));
  const sealed = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: encoder.encode(jwk.kid) },
    keks.primary.key,
    plain,
  );
  return ['v1', keks.primary.id, base64url.encode(iv), base64url.encode(new Uint8Array(sealed))].join('.');
}

/** The id of the KEK a sealed key needs. */
export function sealedUnder(sealed: string): string {
  return sealed.split('.')[1] ?? '';
}

export async function openPrivateKey(keks: KekSet, kid: string, sealed: string): Promise<PrivateSigningJwk> {
  const [version, kekId, iv, data] = sealed.split('.');
  if (version !== 'v1' || !kekId || !iv || !data)
    throw new KeyEncryptionError(`the stored private key of ${kid} is not in a known format`);
  const kek = keks.byId.get(kekId);
  if (!kek) {
    throw new KeyEncryptionError(
      `the private key of ${kid} is sealed under key-encryption key ${kekId}, ` +
        `but KEY_ENCRYPTION_KEY holds ${[...keks.byId.keys()].join(', ')}: this is not the key the other instances use`,
    );
  }
  let plain: ArrayBuffer;
  try {
    plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: decode64(iv), additionalData: encoder.encode(kid) },
      kek.key,
      decode64(data),
    );
  } catch {
    throw new KeyEncryptionError(
      `the private key of ${kid} does not open with key-encryption key ${kekId} (altered or copied from another row)`,
    );
  }
  const jwk = JSON.parse(new TextDecoder().decode(plain)) as PrivateSigningJwk;
  if (jwk.kid !== kid) throw new KeyEncryptionError(`the private key stored for ${kid} names ${jwk.kid}`);
  return jwk;
}
