import { and, eq, gt, isNull } from 'drizzle-orm';
import { jwtVerify, SignJWT } from 'jose';
import { people, sessions } from '../../db/schema';
import type { Db } from '../../db/client';
import { appendAudit } from '../audit/append-audit';
import { withTransaction, type ServiceContext } from '../shared/context';
import { STEP_UP_SECONDS, type Actor } from '../shared/policy';

/** Short sessions, renewed while in use (sliding): idle for 30 minutes means signing in again. */
export const SESSION_SECONDS = 30 * 60;
export const SESSION_COOKIE = 'ocop_session';

const secretKey = (ctx: { config: { SESSION_SECRET?: string } }) => new TextEncoder().encode(ctx.config.SESSION_SECRET);

export type Person = typeof people.$inferSelect;

export function personActor(person: Person, steppedUp = false): Exclude<Actor, { kind: 'anonymous' }> {
  return {
    kind: 'session',
    id: person.id,
    role: person.role,
    provinceCode: person.provinceCode,
    subjectId: person.subjectId,
    organisationId: person.organisationId,
    steppedUp,
  };
}

/** After a sign-in a passkey assertion just happened, so the session starts stepped up. */
export async function startSession(
  ctx: ServiceContext,
  person: Person,
  options: { steppedUp: boolean } = { steppedUp: true },
) {
  const personId = person.id;
  return withTransaction({ ...ctx, actor: personActor(person) }, async (tx) => {
    const now = ctx.now();
    const [session] = await tx.db
      .insert(sessions)
      .values({
        id: crypto.randomUUID(),
        personId,
        csrfToken: randomToken(),
        expiresAt: new Date(now.getTime() + SESSION_SECONDS * 1000),
        stepUpAt: options.steppedUp ? now : null,
      })
      .returning();
    await appendAudit(tx, {
      action: 'session.start',
      entity: 'person',
      entityId: personId,
      after: { sessionId: session!.id },
    });
    return session!;
  });
}

/** The cookie value: a jose-signed (HS256) token naming the session row. */
export async function sessionCookieValue(
  ctx: { config: { SESSION_SECRET?: string }; now: () => Date },
  sessionId: string,
): Promise<string> {
  return new SignJWT({ sid: sessionId })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuedAt(Math.floor(ctx.now().getTime() / 1000))
    .setExpirationTime(Math.floor(ctx.now().getTime() / 1000) + SESSION_SECONDS)
    .sign(secretKey(ctx));
}

export type LoadedSession = {
  actor: Exclude<Actor, { kind: 'anonymous' }>;
  sessionId: string;
  csrfToken: string;
  personName: string;
  renew: boolean;
};

/** Verifies the cookie and the row behind it (not revoked, not expired, person not disabled). */
export async function loadSession(
  db: Db,
  config: { SESSION_SECRET?: string },
  now: Date,
  cookie: string,
): Promise<LoadedSession | null> {
  let sid: string;
  try {
    const { payload } = await jwtVerify(cookie, new TextEncoder().encode(config.SESSION_SECRET), {
      algorithms: ['HS256'],
      currentDate: now,
    });
    if (typeof payload.sid !== 'string') return null;
    sid = payload.sid;
  } catch {
    return null;
  }
  const [row] = await db
    .select({ session: sessions, person: people })
    .from(sessions)
    .innerJoin(people, eq(sessions.personId, people.id))
    .where(
      and(eq(sessions.id, sid), isNull(sessions.revokedAt), gt(sessions.expiresAt, now), isNull(people.disabledAt)),
    );
  if (!row) return null;
  const { session, person } = row;
  const steppedUp = session.stepUpAt !== null && now.getTime() - session.stepUpAt.getTime() < STEP_UP_SECONDS * 1000;
  return {
    actor: personActor(person, steppedUp),
    sessionId: session.id,
    csrfToken: session.csrfToken,
    personName: person.name,
    // Renew once half the lifetime has gone, not on every request.
    renew: session.expiresAt.getTime() - now.getTime() < (SESSION_SECONDS * 1000) / 2,
  };
}

export async function extendSession(db: Db, sessionId: string, now: Date): Promise<void> {
  await db
    .update(sessions)
    .set({ expiresAt: new Date(now.getTime() + SESSION_SECONDS * 1000) })
    .where(eq(sessions.id, sessionId));
}

/**
 * How long the session's last passkey assertion still covers step-up actions (0 when it does not):
 * the console asks for a new assertion only when this runs out, and re-checks nothing itself.
 */
export async function stepUpSecondsLeft({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { sessionId: string };
}): Promise<number> {
  const [row] = await ctx.db
    .select({ stepUpAt: sessions.stepUpAt })
    .from(sessions)
    .where(eq(sessions.id, input.sessionId));
  if (!row?.stepUpAt) return 0;
  const left = STEP_UP_SECONDS - (ctx.now().getTime() - row.stepUpAt.getTime()) / 1000;
  return Math.max(0, Math.floor(left));
}

export async function markSteppedUp(ctx: ServiceContext, sessionId: string): Promise<void> {
  await ctx.db.update(sessions).set({ stepUpAt: ctx.now() }).where(eq(sessions.id, sessionId));
}

export async function endSession(ctx: ServiceContext, sessionId: string): Promise<void> {
  await withTransaction(ctx, async (tx) => {
    await tx.db.update(sessions).set({ revokedAt: ctx.now() }).where(eq(sessions.id, sessionId));
    if (ctx.actor.kind !== 'anonymous') {
      await appendAudit(tx, { action: 'session.end', entity: 'person', entityId: ctx.actor.id, after: { sessionId } });
    }
  });
}

export function randomToken(): string {
  return [...crypto.getRandomValues(new Uint8Array(24))].map((b) => b.toString(16).padStart(2, '0')).join('');
}
