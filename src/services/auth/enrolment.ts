import { and, eq, gt, isNull } from 'drizzle-orm';
import { base64url } from 'jose';
import { enrolments } from '../../db/schema';
import { isProvinceCode } from '../../data/provinces';
import { appendAudit } from '../audit/append-audit';
import { sha256Hex } from '../shared/canonical-json';
import { withTransaction, type ServiceContext } from '../shared/context';
import { forbidden, invalid } from '../shared/errors';
import { authorize, type Role } from '../shared/policy';
import { subjectTarget } from '../registry/load-scope';

/** An enrolment link is valid for 24 hours and can be used once. */
export const ENROLMENT_HOURS = 24;

export type InviteInput = { name: string; role: Role; provinceCode: string | null; subjectId: string | null };

/**
 * Creates a one-time passkey enrolment link. An authority invites only inside its jurisdiction and
 * never an admin; the operators' CLI (system admin) creates the first authority and admin.
 */
export async function createEnrolment({ ctx, input }: { ctx: ServiceContext; input: InviteInput }) {
  if (!input.name.trim() || input.name.length > 120) throw invalid('Tên người được mời không hợp lệ.', [{ path: 'name', message: 'Cần 1–120 ký tự.' }]);
  if (input.provinceCode !== null && !isProvinceCode(input.provinceCode)) {
    throw invalid('Mã tỉnh không thuộc 34 đơn vị hiện hành.', [{ path: 'provinceCode', message: input.provinceCode }]);
  }
  let scope = { provinceCode: input.provinceCode, subjectId: input.subjectId };
  if (input.role === 'producer') {
    if (!input.subjectId) throw invalid('Nhà sản xuất phải gắn với một chủ thể.', [{ path: 'subjectId', message: 'Chọn chủ thể.' }]);
    scope = { provinceCode: (await subjectTarget(ctx.db, input.subjectId)).provinceCode, subjectId: input.subjectId };
  } else if (input.subjectId) {
    throw invalid('Chỉ nhà sản xuất mới gắn với chủ thể.', [{ path: 'subjectId', message: 'Bỏ trống với vai trò này.' }]);
  }
  authorize(ctx.actor, 'person.invite', scope.provinceCode ? { provinceCode: scope.provinceCode, subjectId: scope.subjectId ?? '' } : undefined);
  if (ctx.actor.kind !== 'anonymous' && ctx.actor.role !== 'admin') {
    // Jurisdiction: a provincial authority cannot mint central or admin people.
    if (input.role === 'admin' || (ctx.actor.provinceCode !== null && scope.provinceCode === null)) {
      throw forbidden('Chỉ được mời người trong phạm vi tỉnh của bạn.');
    }
  }
  const secret = base64url.encode(crypto.getRandomValues(new Uint8Array(24)));
  return withTransaction(ctx, async (tx) => {
    const [row] = await tx.db.insert(enrolments).values({
      id: crypto.randomUUID(), tokenHash: await sha256Hex(secret), name: input.name.trim(), role: input.role,
      provinceCode: scope.provinceCode, subjectId: scope.subjectId,
      createdBy: ctx.actor.kind === 'anonymous' ? 'anonymous' : ctx.actor.id,
      expiresAt: new Date(ctx.now().getTime() + ENROLMENT_HOURS * 3600_000),
    }).returning();
    const { tokenHash: _hash, ...visible } = row!;
    await appendAudit(tx, { action: 'person.invite', entity: 'enrolment', entityId: row!.id, after: visible });
    return { enrolment: visible, link: `${ctx.config.CONSOLE_ORIGIN}/enroll#${secret}` };
  });
}

/** An unused, unexpired enrolment for a link's secret, or null. */
export async function findOpenEnrolment(ctx: ServiceContext, secret: string) {
  if (typeof secret !== 'string' || !/^[A-Za-z0-9_-]{16,64}$/.test(secret)) return null;
  const [row] = await ctx.db.select().from(enrolments)
    .where(and(eq(enrolments.tokenHash, await sha256Hex(secret)), isNull(enrolments.usedAt), gt(enrolments.expiresAt, ctx.now())));
  return row ?? null;
}
