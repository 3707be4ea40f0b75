import { base64url } from 'jose';
import { apiTokens } from '../../db/schema';
import { appendAudit } from '../audit/append-audit';
import { sha256Hex } from '../shared/canonical-json';
import { withTransaction, type ServiceContext } from '../shared/context';
import { authorize } from '../shared/policy';
import { withoutSecret } from '../shared/without-secret';
import { resolveScope, type ScopeInput } from '../people/scope';

/** `provinceCode`: a province or `central`, as for invitations (see `resolveScope`). */
export type CreateTokenInput = ScopeInput & { name: string; expiresAt: Date | null };

export const TOKEN_PREFIX = 'ocop_';

export function hashToken(secret: string): Promise<string> {
  return sha256Hex(secret);
}

/**
 * Issues a bearer token. The secret is returned once and only its hash is stored. Its scope is
 * explicit: a producer's subject, a province or `central` (see `resolveScope`).
 */
export async function createApiToken({ ctx, input }: { ctx: ServiceContext; input: CreateTokenInput }) {
  authorize(ctx.actor, 'token.create');
  const scope = await resolveScope(ctx.db, input);
  const secret = TOKEN_PREFIX + base64url.encode(crypto.getRandomValues(new Uint8Array(32)));
  return withTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .insert(apiTokens)
      .values({
        id: crypto.randomUUID(),
        tokenHash: await hashToken(secret),
        name: input.name,
        role: input.role,
        expiresAt: input.expiresAt,
        ...scope,
        createdBy: ctx.actor.kind === 'anonymous' ? null : ctx.actor.id,
      })
      .returning();
    const visible = withoutSecret(row!);
    await appendAudit(tx, { action: 'token.create', entity: 'api_token', entityId: row!.id, after: visible });
    return { token: secret, ...visible };
  });
}
