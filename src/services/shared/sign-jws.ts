import { CompactSign } from 'jose';
import type { ServiceContext } from './context';

/**
 * Signs a JSON payload as a compact JWS under the service's active key. Anyone can check it later
 * with the public JWKS alone (`/.well-known/jwks.json`); `typ` tells documents apart, so a
 * receipt can never pass for a status list or the other way round.
 */
export async function signJws(
  ctx: ServiceContext,
  typ: string,
  payload: unknown,
): Promise<{ jws: string; kid: string }> {
  const signer = await ctx.keys.activeSigner(ctx.db);
  const jws = await new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
    .setProtectedHeader({ alg: 'EdDSA', kid: signer.kid, typ })
    .sign(signer.privateKey);
  return { jws, kid: signer.kid };
}
