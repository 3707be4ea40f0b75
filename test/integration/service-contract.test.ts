import { eq } from 'drizzle-orm';
import { ZodError } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reports } from '../../src/db/schema';
import { closeReport } from '../../src/services/reports/report-queue';
import { revokeApiToken } from '../../src/services/tokens/manage-tokens';
import { ADMIN, openHarness, type Harness } from '../support/harness';

/**
 * What `service()` promises every caller, whichever door it comes through: the right is checked
 * before the input is read, and the input is parsed (plain text included) before anything runs.
 */
describe('services called directly, as the console and the CLI call them', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness('pglite');
  });
  afterAll(async () => {
    await h?.close();
  });

  it('answers a caller without the right before looking at the input', async () => {
    const anonymous = h.ctx({ kind: 'anonymous' });
    await expect(revokeApiToken({ ctx: anonymous, input: { id: 'not a uuid' } })).rejects.toMatchObject({
      code: 'unauthorized',
    });
    const producer = h.ctx({ kind: 'system', id: 'p', role: 'producer', provinceCode: null, subjectId: null });
    await expect(revokeApiToken({ ctx: producer, input: { id: 'not a uuid' } })).rejects.toMatchObject({
      code: 'forbidden',
    });
  });

  it('parses the input for an authorized caller: a bad id and a NUL are refused, in Vietnamese, with nothing changed', async () => {
    await expect(revokeApiToken({ ctx: h.ctx(ADMIN), input: { id: 'not a uuid' } })).rejects.toBeInstanceOf(ZodError);
    const [open] = await h.db
      .insert(reports)
      .values({ id: crypto.randomUUID(), code: 'X', verdictStatus: 'forged', problem: 'other', details: 'x' })
      .returning();
    const inspector = h.ctx({ kind: 'system', id: 'i', role: 'inspector', provinceCode: null, subjectId: null });
    const nul = closeReport({ ctx: inspector, input: { id: open!.id, note: 'đã xử lý\u0000' } });
    await expect(nul).rejects.toBeInstanceOf(ZodError);
    await expect(nul).rejects.toThrow(/NUL/);
    const [after] = await h.db.select().from(reports).where(eq(reports.id, open!.id));
    expect(after!.state).toBe('open');
  });
});
