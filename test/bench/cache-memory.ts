import { createPrivateKey, sign } from 'node:crypto';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { BoundedLru } from '../../src/domain/bounded-lru';
import { parseStampCode, signStampWith } from '../../src/domain/stamp-codec';
import { generateSigningJwk } from '../../src/keys/generate-key';
import { KeyRing } from '../../src/keys/key-ring';
import { TEXTS_CACHE_BATCHES, type StampTexts } from '../../src/services/verification/stamp-texts';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heapAfterGc = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};

/**
 * What the verification caches cost in memory when full, measured on the heap of this process:
 * the signature cache of a key ring (real stamps, real checks, more than its bound), and the
 * registry-texts cache filled with copies of a real entry. Both are bounded; the line says so.
 */
export async function cacheMemory(realTexts: StampTexts) {
  const jwk = await generateSigningJwk('K9');
  const privateKey = createPrivateKey({ key: jwk as never, format: 'jwk' });
  const publicJwk = { kty: 'OKP', crv: 'Ed25519', x: jwk.x } as JsonWebKey;
  const stamps = KeyRing.VERIFIED_MAX + 10_000;
  const ring = new KeyRing({ keks: async () => null, refreshSeconds: 60 });
  const before = heapAfterGc();
  // Each code is made, checked and dropped, as a request's is: what stays is what the cache keeps.
  for (let i = 0; i < stamps; i++) {
    const text = signStampWith((input) => new Uint8Array(sign(null, input, privateKey)), 'K9', 5_000_000 + i);
    if (!(await ring.verifyStamp(parseStampCode(text)!, publicJwk, text)))
      throw new Error('a genuine stamp failed to verify');
  }
  const signatureBytes = heapAfterGc() - before;

  const texts = new BoundedLru<string, StampTexts>(TEXTS_CACHE_BATCHES);
  const beforeTexts = heapAfterGc();
  for (let i = 0; i < TEXTS_CACHE_BATCHES + 2_000; i++) {
    const copy = structuredClone(realTexts);
    copy.batchId = crypto.randomUUID();
    texts.set(copy.batchId, copy);
  }
  const textsBytes = heapAfterGc() - beforeTexts;
  const mb = (bytes: number) => +(bytes / 1024 / 1024).toFixed(1);
  return {
    bench: 'verification_cache_memory',
    signature_cache: {
      checked: stamps,
      kept: ring.verifiedCount,
      bound: KeyRing.VERIFIED_MAX,
      heap_mb: mb(signatureBytes),
      bytes_per_entry: Math.round(signatureBytes / ring.verifiedCount),
    },
    texts_cache: {
      set: TEXTS_CACHE_BATCHES + 2_000,
      kept: texts.size,
      bound: TEXTS_CACHE_BATCHES,
      heap_mb: mb(textsBytes),
      bytes_per_entry: Math.round(textsBytes / texts.size),
    },
  };
}
