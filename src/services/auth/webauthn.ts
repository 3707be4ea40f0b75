import { and, eq, gt, isNull } from 'drizzle-orm';
import { webauthnChallenges } from '../../db/schema';
import type { ServiceContext } from '../shared/context';
import { AppError } from '../shared/errors';

/** A challenge lives 5 minutes and can be used once. */
const CHALLENGE_SECONDS = 300;

export type ChallengePurpose = 'register' | 'sign_in' | 'step_up';

export function relyingParty(ctx: ServiceContext) {
  return { rpID: ctx.config.RP_ID, rpName: 'OCOP – tem điện tử', origin: ctx.config.CONSOLE_ORIGIN };
}

export const passkeyFailed = (why = 'Xác thực passkey không thành công. Vui lòng thử lại.') =>
  new AppError('passkey_failed', why);

export async function storeChallenge(
  ctx: ServiceContext,
  challenge: string,
  purpose: ChallengePurpose,
  owner: { personId?: string; enrolmentId?: string } = {},
) {
  await ctx.db.insert(webauthnChallenges).values({
    id: crypto.randomUUID(),
    challenge,
    purpose,
    personId: owner.personId ?? null,
    enrolmentId: owner.enrolmentId ?? null,
    expiresAt: new Date(ctx.now().getTime() + CHALLENGE_SECONDS * 1000),
  });
}

/** The challenge the browser signed, read from clientDataJSON; the library re-checks it. */
export function challengeOf(response: unknown): string {
  try {
    const clientData = (response as { response?: { clientDataJSON?: unknown } }).response?.clientDataJSON;
    if (typeof clientData !== 'string' || clientData.length > 4096) throw new Error('no clientDataJSON');
    const parsed = JSON.parse(new TextDecoder().decode(base64UrlDecode(clientData))) as { challenge?: unknown };
    if (typeof parsed.challenge !== 'string') throw new Error('no challenge');
    return parsed.challenge;
  } catch {
    throw passkeyFailed('Phản hồi passkey không hợp lệ.');
  }
}

/**
 * Marks the challenge used in the same statement that finds it: a replayed or expired challenge,
 * or one issued for another purpose, matches no row.
 */
export async function consumeChallenge(ctx: ServiceContext, challenge: string, purpose: ChallengePurpose) {
  const [row] = await ctx.db
    .update(webauthnChallenges)
    .set({ usedAt: ctx.now() })
    .where(
      and(
        eq(webauthnChallenges.challenge, challenge),
        eq(webauthnChallenges.purpose, purpose),
        isNull(webauthnChallenges.usedAt),
        gt(webauthnChallenges.expiresAt, ctx.now()),
      ),
    )
    .returning();
  if (!row) throw passkeyFailed('Yêu cầu xác thực đã hết hạn hoặc đã được dùng. Vui lòng thử lại.');
  return row;
}

function base64UrlDecode(text: string): Uint8Array {
  const base64 = text
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(text.length / 4) * 4, '=');
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}
