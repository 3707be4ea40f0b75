import { eq } from 'drizzle-orm';
import {
  generateAuthenticationOptions,
  verifyAuthenticationResponse,
  type AuthenticationResponseJSON,
} from '@simplewebauthn/server';
import { base64url } from 'jose';
import { passkeys, people } from '../../db/schema';
import { withTransaction, type ServiceContext } from '../shared/context';
import { markSteppedUp, startSession, type Person } from './sessions';
import { challengeOf, consumeChallenge, passkeyFailed, relyingParty, storeChallenge } from './webauthn';

/**
 * Sign-in uses discoverable passkeys (no user name to type); step-up asks for one of the signed-in
 * person's own passkeys. Both require user verification (PIN or biometrics).
 */
export async function beginPasskeyAssertion(ctx: ServiceContext, purpose: 'sign_in' | 'step_up', personId?: string) {
  const allow = personId
    ? await ctx.db
        .select({ id: passkeys.id, transports: passkeys.transports })
        .from(passkeys)
        .where(eq(passkeys.personId, personId))
    : [];
  const options = await generateAuthenticationOptions({
    rpID: relyingParty(ctx).rpID,
    userVerification: 'required',
    allowCredentials: allow.map((k) => ({ id: k.id, transports: k.transports })),
  });
  await storeChallenge(ctx, options.challenge, purpose, { personId });
  return options;
}

export async function finishPasskeyAssertion(
  ctx: ServiceContext,
  purpose: 'sign_in' | 'step_up',
  response: AuthenticationResponseJSON,
  session?: { id: string; personId: string },
) {
  return withTransaction(ctx, async (tx) => {
    const challenge = await consumeChallenge(tx, challengeOf(response), purpose);
    if (typeof response?.id !== 'string') throw passkeyFailed();
    const [row] = await tx.db
      .select({ passkey: passkeys, person: people })
      .from(passkeys)
      .innerJoin(people, eq(passkeys.personId, people.id))
      .where(eq(passkeys.id, response.id));
    if (!row || row.person.disabledAt) throw passkeyFailed();
    if (purpose === 'step_up' && (row.person.id !== session?.personId || challenge.personId !== session.personId))
      throw passkeyFailed();

    const { origin, rpID } = relyingParty(ctx);
    const result = await verifyAuthenticationResponse({
      response,
      expectedChallenge: challenge.challenge,
      expectedOrigin: origin,
      expectedRPID: rpID,
      requireUserVerification: true,
      credential: {
        id: row.passkey.id,
        publicKey: new Uint8Array(base64url.decode(row.passkey.publicKey)),
        counter: row.passkey.counter,
        transports: row.passkey.transports as never,
      },
    }).catch(() => ({ verified: false as const, authenticationInfo: undefined }));
    if (!result.verified || !result.authenticationInfo) throw passkeyFailed();
    // A counter that does not move forward suggests a cloned authenticator (0 = not counting).
    const { newCounter } = result.authenticationInfo;
    if (row.passkey.counter > 0 && newCounter <= row.passkey.counter)
      throw passkeyFailed('Passkey có dấu hiệu bị sao chép (bộ đếm không tăng).');
    await tx.db
      .update(passkeys)
      .set({ counter: newCounter, lastUsedAt: ctx.now() })
      .where(eq(passkeys.id, row.passkey.id));

    if (purpose === 'step_up') {
      await markSteppedUp(tx, session!.id);
      return { person: row.person as Person, session: null };
    }
    return { person: row.person as Person, session: await startSession(tx, row.person as Person) };
  });
}
