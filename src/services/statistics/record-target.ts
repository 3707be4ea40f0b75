import { and, eq, isNull } from 'drizzle-orm';
import { planTargets } from '../../db/schema';
import { appendAudit } from '../audit/append-audit';
import { withTransaction } from '../shared/context';
import { actorLabel, authorize } from '../shared/policy';
import { service } from '../shared/service';
import { recordTargetInput } from './inputs';

/**
 * Records one target of the plan of the authority's province (a central authority: of a province
 * it names, or the national plan). A target of the same kind and year is replaced, with the old
 * figure kept in the audit entry.
 */
export const recordTarget = service({
  action: 'target.set',
  input: recordTargetInput,
  run: async ({ ctx, input }) => {
    // Not named: the actor's own plan (a central authority's is the national one).
    const own = ctx.actor.kind === 'anonymous' ? null : ctx.actor.provinceCode;
    const provinceCode = input.province === undefined ? own : input.province;
    authorize(ctx.actor, 'target.set', { provinceCode, subjectId: null });
    const values = {
      provinceCode,
      kind: input.kind,
      value: input.value,
      units: input.units ?? null,
      sinceYear: input.sinceYear ?? input.year,
      year: input.year,
      note: input.note || null,
      recordedBy: actorLabel(ctx.actor),
      recordedAt: ctx.now(),
    };
    return withTransaction(ctx, async (tx) => {
      const [before] = await tx.db
        .select()
        .from(planTargets)
        .where(
          and(
            provinceCode ? eq(planTargets.provinceCode, provinceCode) : isNull(planTargets.provinceCode),
            eq(planTargets.kind, input.kind),
            eq(planTargets.year, input.year),
          ),
        )
        .for('update');
      const [after] = before
        ? await tx.db.update(planTargets).set(values).where(eq(planTargets.id, before.id)).returning()
        : await tx.db
            .insert(planTargets)
            .values({ id: crypto.randomUUID(), ...values })
            .returning();
      await appendAudit(tx, { action: 'target.set', entity: 'plan_target', entityId: after!.id, before, after });
      return after!;
    });
  },
});
