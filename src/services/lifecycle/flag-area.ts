import { eq } from 'drizzle-orm';
import { areaFlags, rawMaterialAreas } from '../../db/schema';
import { appendAudit } from '../audit/append-audit';
import { withTransaction, type ServiceContext } from '../shared/context';
import { notFound } from '../shared/errors';
import { actorLabel, authorize } from '../shared/policy';
import { subjectTarget } from '../registry/load-scope';
import type { FlagAreaInput } from './inputs';
import { checkInspection } from './load-targets';

/** Records that an area's standard certificate has lapsed; every verdict naming the area shows it. */
export async function flagArea({ ctx, input }: { ctx: ServiceContext; input: FlagAreaInput & { areaId: string } }) {
  const [area] = await ctx.db
    .select({ subjectId: rawMaterialAreas.subjectId })
    .from(rawMaterialAreas)
    .where(eq(rawMaterialAreas.id, input.areaId));
  if (!area) throw notFound('vùng nguyên liệu');
  const target = await subjectTarget(ctx.db, area.subjectId);
  authorize(ctx.actor, 'area.flag', target);
  await checkInspection(ctx.db, input.inspectionId, target.subjectId);
  return withTransaction(ctx, async (tx) => {
    const [flag] = await tx.db
      .insert(areaFlags)
      .values({
        areaId: input.areaId,
        standard: input.standard,
        flaggedOn: input.flaggedOn,
        reason: input.reason,
        inspectionId: input.inspectionId ?? null,
        actor: actorLabel(ctx.actor),
      })
      .returning();
    await appendAudit(tx, { action: 'area.flag', entity: 'raw_material_area', entityId: input.areaId, after: flag });
    return flag!;
  });
}
