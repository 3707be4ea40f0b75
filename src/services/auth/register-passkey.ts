import { eq } from 'drizzle-orm';
import {
  generateRegistrationOptions,
  verifyRegistrationResponse,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { base64url } from 'jose';
import { enrolments, passkeys, people } from '../../db/schema';
import { appendAudit } from '../audit/append-audit';
import { withTransaction, type ServiceContext } from '../shared/context';
import { unauthorized } from '../shared/errors';
import { requireFreshAssertion } from '../shared/policy';
import { consumeEnrolment, findOpenEnrolment } from './enrolment';
import { personActor, startSession, type Person } from './sessions';
import { challengeOf, consumeChallenge, passkeyFailed, relyingParty, storeChallenge } from './webauthn';

/** Who the new passkey is for: a person enrolling from a link, or a signed-in person adding one. */
export type Registrant = { enrolmentSecret: string } | { personId: string };

async function resolve(ctx: ServiceContext, who: Registrant) {
  if ('personId' in who) {
    requireFreshAssertion(ctx.actor);
    const [person] = await ctx.db.select().from(people).where(eq(people.id, who.personId));
    if (!person || person.disabledAt) throw unauthorized();
    const existing = await ctx.db
      .select({ id: passkeys.id, transports: passkeys.transports })
      .from(passkeys)
      .where(eq(passkeys.personId, person.id));
    return {
      name: person.name,
      userId: person.id,
      personId: person.id as string | undefined,
      enrolmentId: undefined,
      existing,
    };
  }
  const enrolment = await findOpenEnrolment(ctx, who.enrolmentSecret);
  if (!enrolment) throw passkeyFailed('Liên kết đăng ký không hợp lệ, đã hết hạn (24 giờ) hoặc đã được dùng.');
  return {
    name: enrolment.name,
    userId: enrolment.id,
    personId: undefined,
    enrolmentId: enrolment.id as string | undefined,
    existing: [],
  };
}

export async function beginPasskeyRegistration(ctx: ServiceContext, who: Registrant) {
  const target = await resolve(ctx, who);
  const { rpID, rpName } = relyingParty(ctx);
  const options = await generateRegistrationOptions({
    rpName,
    rpID,
    userName: target.name,
    userDisplayName: target.name,
    userID: new Uint8Array(new TextEncoder().encode(target.userId)),
    attestationType: 'none',
    excludeCredentials: target.existing.map((k) => ({ id: k.id, transports: k.transports })),
    authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
  });
  await storeChallenge(ctx, options.challenge, 'register', {
    personId: target.personId,
    enrolmentId: target.enrolmentId,
  });
  return options;
}

/**
 * Verifies the attestation and stores the passkey. From an enrolment link this also creates the
 * person, uses up the link and starts a session, all in one transaction.
 */
export async function finishPasskeyRegistration(
  ctx: ServiceContext,
  who: Registrant,
  response: RegistrationResponseJSON,
  passkeyName: string,
) {
  const name = passkeyName.trim().slice(0, 60) || 'Passkey';
  const target = await resolve(ctx, who);
  return withTransaction(ctx, async (tx) => {
    const challenge = await consumeChallenge(tx, challengeOf(response), 'register');
    if (
      (challenge.enrolmentId ?? undefined) !== target.enrolmentId ||
      (challenge.personId ?? undefined) !== target.personId
    )
      throw passkeyFailed();
    const { origin, rpID } = relyingParty(ctx);
    const result = await verifyRegistrationResponse({
      response,
      expectedChallenge: challenge.challenge,
      expectedOrigin: origin,
      expectedRPID: rpID,
      requireUserVerification: true,
    }).catch(() => ({ verified: false as const }));
    if (!result.verified) throw passkeyFailed();
    const credential = result.registrationInfo.credential;

    let person: Person;
    if (target.personId) {
      [person] = (await tx.db.select().from(people).where(eq(people.id, target.personId))) as [Person];
    } else {
      const enrolment = await consumeEnrolment(tx, target.enrolmentId!);
      [person] = (await tx.db
        .insert(people)
        .values({
          id: crypto.randomUUID(),
          name: enrolment.name,
          role: enrolment.role,
          provinceCode: enrolment.provinceCode,
          subjectId: enrolment.subjectId,
          organisationId: enrolment.organisationId,
        })
        .returning()) as [Person];
      await tx.db.update(enrolments).set({ personId: person.id }).where(eq(enrolments.id, enrolment.id));
      await appendAudit(
        { ...tx, actor: personActor(person) },
        { action: 'person.enrol', entity: 'person', entityId: person.id, after: person },
      );
    }
    const [stored] = await tx.db
      .insert(passkeys)
      .values({
        id: credential.id,
        personId: person.id,
        name,
        publicKey: base64url.encode(credential.publicKey),
        counter: credential.counter,
        transports: credential.transports ?? [],
      })
      .onConflictDoNothing()
      .returning({ id: passkeys.id, name: passkeys.name });
    if (!stored) throw passkeyFailed('Passkey này đã được đăng ký.');
    await appendAudit(
      { ...tx, actor: personActor(person) },
      { action: 'passkey.add', entity: 'person', entityId: person.id, after: stored },
    );
    // Enrolling proves only that the link was opened, not who holds it: the new session starts
    // without a step-up, so the first decision still asks for a passkey assertion.
    const session = target.personId ? null : await startSession(tx, person, { steppedUp: false });
    return { person, passkey: stored, session };
  });
}
