import { listPeople } from '../services/people/manage-people';
import { disablePerson, enablePerson } from '../services/people/person-lifecycle';
import { AppError } from '../services/shared/errors';
import type { ServiceContext } from '../services/shared/context';

export const PEOPLE_COMMANDS = ['people list', 'people disable', 'people enable'] as const;
export const PEOPLE_USAGE = `  people list                          (everyone, with state, scope and last sign-in)
  people disable --id PERSON_ID        (sessions end at once, passkeys stop working, their unused invitations die)
  people enable --id PERSON_ID`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Off-boarding from the operators' console: the same services, policy and audit as the API. */
export async function runPeopleCommand(
  command: (typeof PEOPLE_COMMANDS)[number],
  id: unknown,
  ctx: ServiceContext,
): Promise<number> {
  if (command === 'people list') {
    for (const p of await listPeople({ ctx })) {
      const scope = p.subjectId ? `subject ${p.subjectId}` : p.provinceCode ? `province ${p.provinceCode}` : 'central';
      console.log(
        [
          p.id,
          p.disabledAt ? 'DISABLED' : 'active',
          p.role,
          scope,
          p.lastSignInAt?.toISOString() ?? 'never signed in',
          p.name,
        ].join('\t'),
      );
    }
    return 0;
  }
  if (typeof id !== 'string' || !UUID.test(id))
    throw new AppError('invalid_input', '--id PERSON_ID (a UUID from `people list`) is required');
  if (command === 'people disable') {
    const { person, sessionsEnded, invitationsWithdrawn, tokensRevoked } = await disablePerson({
      ctx,
      input: { personId: id },
    });
    console.log(
      `Disabled ${person.name} (${person.role}): ${sessionsEnded} session(s) ended, ${invitationsWithdrawn} unused invitation(s) withdrawn, ${tokensRevoked} token(s) revoked.`,
    );
    return 0;
  }
  const { person } = await enablePerson({ ctx, input: { personId: id } });
  console.log(`Enabled ${person.name} (${person.role}): they can sign in with their passkeys again.`);
  return 0;
}
