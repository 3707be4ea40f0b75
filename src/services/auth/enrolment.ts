import { and, eq, gt, isNull } from 'drizzle-orm';
import { base64url } from 'jose';
import { enrolments, people, subjects } from '../../db/schema';
import type { Db } from '../../db/client';
import { appendAudit } from '../audit/append-audit';
import { PROVINCES } from '../../data/provinces';
import { sha256Hex } from '../shared/canonical-json';
import { withoutSecret } from '../shared/without-secret';
import { withTransaction, type ServiceContext } from '../shared/context';
import { conflict, invalid } from '../shared/errors';
import { authorize, grantAction, type Actor, type Role } from '../shared/policy';
import { resolveScope, type Scope } from '../people/scope';

/** An enrolment link is valid for 24 hours and can be used once. */
export const ENROLMENT_HOURS = 24;
/** The creator recorded on the link `npm start` prints while no administrator has enrolled. */
export const FIRST_ADMIN_CREATOR = 'first-start';

export type InviteInput = {
  name: string;
  role: Role;
  provinceCode?: string | null;
  subjectId?: string | null;
  /** A retailer's organisation, in the inviter's province (see `resolveScope`). */
  organisationId?: string | null;
};

/**
 * Creates a one-time passkey enrolment link. The policy tier of the invited role decides who may
 * do it (`grantAction`): producers and retailers by any authority or admin, also a bearer token;
 * inspectors and authorities only by a person with a fresh passkey; admins only by an admin with
 * one. Scope is explicit (`resolveScope`) and must lie inside the inviter's own jurisdiction.
 */
export async function createEnrolment({ ctx, input }: { ctx: ServiceContext; input: InviteInput }) {
  authorize(ctx.actor, grantAction(input.role));
  const name = input.name.trim();
  if (!name || name.length > 120)
    throw invalid('Tên người được mời không hợp lệ.', [{ path: 'name', message: 'Cần 1–120 ký tự.' }]);
  const scope = await resolveScope(ctx.db, input);
  authorize(ctx.actor, grantAction(input.role), scope);
  return withTransaction(ctx, (tx) => insertEnrolment(tx, { name, role: input.role, ...scope }));
}

/**
 * The first administrator's link, printed by `npm start` until an admin enrols. Each new one
 * withdraws the previous unused one, so a link left in an old log is dead; once any admin has
 * enrolled none is made, and `consumeEnrolment` refuses any that survive.
 */
export async function createFirstAdminEnrolment({ ctx }: { ctx: ServiceContext }) {
  const operator: Actor = {
    kind: 'system',
    id: FIRST_ADMIN_CREATOR,
    role: 'admin',
    provinceCode: null,
    subjectId: null,
  };
  return withTransaction({ ...ctx, actor: operator }, async (tx) => {
    if (await adminExists(tx.db)) return null;
    await tx.db
      .update(enrolments)
      .set({ withdrawnAt: ctx.now() })
      .where(
        and(eq(enrolments.createdBy, FIRST_ADMIN_CREATOR), isNull(enrolments.usedAt), isNull(enrolments.withdrawnAt)),
      );
    return insertEnrolment(tx, {
      name: 'Quản trị viên',
      role: 'admin',
      provinceCode: null,
      subjectId: null,
      organisationId: null,
    });
  });
}

async function insertEnrolment(tx: ServiceContext, person: { name: string; role: Role } & Scope) {
  const secret = base64url.encode(crypto.getRandomValues(new Uint8Array(24)));
  const [row] = await tx.db
    .insert(enrolments)
    .values({
      id: crypto.randomUUID(),
      tokenHash: await sha256Hex(secret),
      ...person,
      createdBy: tx.actor.kind === 'anonymous' ? 'anonymous' : tx.actor.id,
      expiresAt: new Date(tx.now().getTime() + ENROLMENT_HOURS * 3600_000),
    })
    .returning();
  const visible = withoutSecret(row!);
  await appendAudit(tx, { action: 'person.invite', entity: 'enrolment', entityId: row!.id, after: visible });
  return { enrolment: visible, link: `${tx.config.CONSOLE_ORIGIN}/enroll#${secret}` };
}

async function adminExists(db: Db): Promise<boolean> {
  return (await db.select({ id: people.id }).from(people).where(eq(people.role, 'admin')).limit(1)).length > 0;
}

/** An open link: unused, not withdrawn, unexpired. */
const open = (now: Date) =>
  and(isNull(enrolments.usedAt), isNull(enrolments.withdrawnAt), gt(enrolments.expiresAt, now));

/** An open enrolment for a link's secret, or null. Read-only: the ceremony's options and the preview. */
export async function findOpenEnrolment(ctx: ServiceContext, secret: string) {
  if (typeof secret !== 'string' || !/^[A-Za-z0-9_-]{16,64}$/.test(secret)) return null;
  const [row] = await ctx.db
    .select()
    .from(enrolments)
    .where(and(eq(enrolments.tokenHash, await sha256Hex(secret)), open(ctx.now())));
  if (!row || (row.createdBy === FIRST_ADMIN_CREATOR && (await adminExists(ctx.db)))) return null;
  return row;
}

/**
 * Uses up a link inside the transaction that creates its person. The update is conditional (still
 * open), so of concurrent ceremonies on one link exactly one gets the row; the others find none.
 */
export async function consumeEnrolment(tx: ServiceContext, enrolmentId: string) {
  const [row] = await tx.db
    .update(enrolments)
    .set({ usedAt: tx.now() })
    .where(and(eq(enrolments.id, enrolmentId), open(tx.now())))
    .returning();
  if (!row || (row.createdBy === FIRST_ADMIN_CREATOR && (await adminExists(tx.db)))) {
    throw conflict('Liên kết đăng ký đã được dùng, đã bị thu hồi hoặc đã hết hạn.');
  }
  return row;
}

/**
 * What a link grants, shown to the person before they press anything: name, role and scope (with
 * the subject's name for a producer). Only the holder of the secret learns it.
 */
export async function previewEnrolment({ ctx, input }: { ctx: ServiceContext; input: { secret: string } }) {
  const row = await findOpenEnrolment(ctx, input.secret);
  if (!row) throw invalid('Liên kết đăng ký không hợp lệ, đã hết hạn (24 giờ), đã bị thu hồi hoặc đã được dùng.');
  const [subject] = row.subjectId
    ? await ctx.db.select({ name: subjects.name }).from(subjects).where(eq(subjects.id, row.subjectId))
    : [];
  return {
    name: row.name,
    role: row.role,
    provinceCode: row.provinceCode,
    provinceName: row.provinceCode ? (PROVINCES[row.provinceCode]?.vi ?? null) : null,
    subjectName: subject?.name ?? null,
    expiresAt: row.expiresAt,
  };
}
