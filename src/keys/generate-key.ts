import { exportJWK, generateKeyPair } from 'jose';
import type { PrivateSigningJwk } from './key-ring';

export async function generateSigningJwk(kid: string): Promise<PrivateSigningJwk> {
  const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  const jwk = await exportJWK(privateKey);
  return { ...jwk, kid, alg: 'EdDSA' } as PrivateSigningJwk;
}
