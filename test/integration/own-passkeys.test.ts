import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, passkeys, people } from '../../src/db/schema';
import { AppError } from '../../src/services/shared/errors';
import { listMyPasskeys, removeMyPasskey } from '../../src/services/people/manage-people';
import type { Actor } from '../../src/services/shared/policy';
import { DATABASE_KINDS, openHarness, type Harness } from '../support/harness';

const codeOf = (error: unknown) => (error instanceof AppError ? error.code : String(error));

/** A person manages their own passkeys: whatever their role, only their own, never the last one. */
describe.each(DATABASE_KINDS)('own passkeys on %s', (kind) => {
  let h: Harness;
  const personId = crypto.randomUUID();
  const otherId = crypto.randomUUID();
  const as = (steppedUp: boolean, id = personId): Actor => ({
    kind: 'session',
    id,
    role: 'retailer',
    provinceCode: '20',
    subjectId: null,
    steppedUp,
  });
  const removals = async () => (await h.db.select().from(auditLog).where(eq(auditLog.action, 'passkey.remove'))).length;

  beforeAll(async () => {
    h = await openHarness(kind);
    await h.db.insert(people).values([
      { id: personId, name: 'Người Ca Sáng', role: 'retailer', provinceCode: '20' },
      { id: otherId, name: 'Người Ca Chiều', role: 'retailer', provinceCode: '20' },
    ]);
    const key = (id: string, owner: string, name: string) => ({
      id,
      personId: owner,
      name,
      publicKey: 'x',
      counter: 0,
    });
    await h.db
      .insert(passkeys)
      .values([
        key('phone', personId, 'Điện thoại'),
        key('laptop', personId, 'Máy tính'),
        key('theirs', otherId, 'Của người khác'),
      ]);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('lists only the signed-in person’s passkeys', async () => {
    const mine = await listMyPasskeys({ ctx: h.ctx(as(false)) });
    expect(mine.map((k) => k.id).sort()).toEqual(['laptop', 'phone']);
  });

  it('asks for a fresh passkey assertion, and refuses machine tokens', async () => {
    const stale = await removeMyPasskey({ ctx: h.ctx(as(false)), input: { passkeyId: 'phone' } }).catch(codeOf);
    expect(stale).toBe('step_up_required');
    const token: Actor = { kind: 'token', id: 't', role: 'retailer', provinceCode: '20', subjectId: null };
    expect(await removeMyPasskey({ ctx: h.ctx(token), input: { passkeyId: 'phone' } }).catch(codeOf)).toBe('forbidden');
    expect(await removals()).toBe(0);
  });

  it('never reaches another person’s passkey, and reads no odd input', async () => {
    expect(await removeMyPasskey({ ctx: h.ctx(as(true)), input: { passkeyId: 'theirs' } }).catch(codeOf)).toBe(
      'not_found',
    );
    await expect(removeMyPasskey({ ctx: h.ctx(as(true)), input: { passkeyId: 'a\u0000b' } })).rejects.toThrow();
    await expect(removeMyPasskey({ ctx: h.ctx(as(true)), input: { passkeyId: '' } })).rejects.toThrow();
    expect(await h.db.select().from(passkeys)).toHaveLength(3);
  });

  it('removes one with an audit entry, and keeps the last', async () => {
    await removeMyPasskey({ ctx: h.ctx(as(true)), input: { passkeyId: 'phone' } });
    expect((await listMyPasskeys({ ctx: h.ctx(as(true)) })).map((k) => k.id)).toEqual(['laptop']);
    expect(await removals()).toBe(1);
    const last = await removeMyPasskey({ ctx: h.ctx(as(true)), input: { passkeyId: 'laptop' } }).catch(codeOf);
    expect(last).toBe('conflict');
    expect((await listMyPasskeys({ ctx: h.ctx(as(true)) })).map((k) => k.id)).toEqual(['laptop']);
    expect(await removals()).toBe(1);
  });
});
