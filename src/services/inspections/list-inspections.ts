import { z } from 'zod';
import { and, desc, eq } from 'drizzle-orm';
import { inspections, products, subjects } from '../../db/schema';
import { listScope } from '../shared/policy';
import { service } from '../shared/service';

/** Recent inspections inside the actor's province, newest first. */
export const listInspections = service({
  action: 'inspection.read',
  input: z.object({ limit: z.number().int().min(1).max(500).optional(), productId: z.uuid().optional() }),
  run: async ({ ctx, input: options }) => {
    const scope = listScope(ctx.actor, 'inspection.read');
    return ctx.db
      .select({ inspection: inspections, subjectName: subjects.name, productName: products.name })
      .from(inspections)
      .innerJoin(subjects, eq(inspections.subjectId, subjects.id))
      .leftJoin(products, eq(inspections.productId, products.id))
      .where(
        and(
          scope.provinceCode ? eq(inspections.provinceCode, scope.provinceCode) : undefined,
          options.productId ? eq(inspections.productId, options.productId) : undefined,
        ),
      )
      .orderBy(desc(inspections.inspectedOn), desc(inspections.recordedAt))
      .limit(options.limit ?? 50);
  },
});
