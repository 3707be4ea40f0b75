import { base64url } from 'jose';
import { apiTokens } from '../../db/schema';
import { isProvinceCode } from '../../data/provinces';
import { appendAudit } from '../audit/append-audit';
import { sha256Hex } from '../shared/canonical-json';
import { withTransaction, type ServiceContext } from '../shared/context';
import { invalid } from '../shared/errors';
import { authorize, type Role } from '../shared/policy';
import { subjectTarget } from '../registry/load-scope';
import { uuid } from '../registry/inputs';

export type CreateTokenInput = { name: string; role: Role; provinceCode: string | null; subjectId: string | null; expiresAt: Date | null };

export const TOKEN_PREFIX = 'ocop_';

export function hashToken(secret: string): Promise<string> {
  return sha256Hex(secret);
}

/**
 * Issues a bearer token. The secret is returned once and only its hash is stored. Scope rules:
 * a producer is bound to one subject; inspectors and authorities to a province or to central.
 */
export async function createApiToken({ ctx, input }: { ctx: ServiceContext; input: CreateTokenInput }) {
  authorize(ctx.actor, 'token.create');
  if (input.provinceCode !== null && !isProvinceCode(input.provinceCode)) {
    throw invalid('Mã tỉnh không thuộc 34 đơn vị hiện hành.', [{ path: 'provinceCode', message: input.provinceCode }]);
  }
  if (input.role === 'producer') {
    if (!input.subjectId) throw invalid('Mã truy cập của nhà sản xuất phải gắn với một chủ thể (--subject).');
    if (!uuid.safeParse(input.subjectId).success) throw invalid('Mã chủ thể không hợp lệ (cần UUID).');
    input = { ...input, provinceCode: (await subjectTarget(ctx.db, input.subjectId)).provinceCode };
  } else if (input.subjectId) {
    throw invalid('Chỉ mã truy cập của nhà sản xuất mới gắn với chủ thể.');
  }
  const secret = TOKEN_PREFIX + base64url.encode(crypto.getRandomValues(new Uint8Array(32)));
  return withTransaction(ctx, async (tx) => {
    const [row] = await tx.db.insert(apiTokens).values({ id: crypto.randomUUID(), tokenHash: await hashToken(secret), ...input }).returning();
    const { tokenHash: _hash, ...visible } = row!;
    await appendAudit(tx, { action: 'token.create', entity: 'api_token', entityId: row!.id, after: visible });
    return { token: secret, ...visible };
  });
}
