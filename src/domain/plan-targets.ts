/**
 * The targets a provincial (or the national) OCOP plan sets, and how far the registry has come
 * towards each. Plans state them as "mỗi xã có ít nhất 1 sản phẩm", "đến năm 2030 có thêm 200 sản
 * phẩm", "nâng hạng 20% sản phẩm", "mỗi huyện có ít nhất 1 điểm giới thiệu và bán sản phẩm OCOP".
 */
export const TARGET_KINDS = [
  'products_per_commune',
  'new_products_by_year',
  'share_upgraded',
  'points_of_sale_per_district',
] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

/** What the registry measured for a target's window: counts, never ratios (ratios are computed here). */
export type TargetMeasures = {
  /** Communes (with a registered product) and, of them, those with at least `value` products in force. */
  communesWithProducts: number;
  communesReaching: number;
  /** Products first certified in the target's window (re-evaluations excluded). */
  newProducts: number;
  /** Products whose stars were raised by a re-evaluation in the window, and products in force today. */
  upgradedProducts: number;
  productsInForce: number;
};

export type TargetProgress =
  | { measured: true; achieved: number; goal: number; ratio: number; met: boolean }
  /** Points of sale are not in the registry yet: the target is kept, its progress not measured. */
  | { measured: false };

export type PlanTarget = { kind: TargetKind; value: number; units: number | null };

/**
 * Progress towards one target. `units` is how many communes the plan covers: without it the
 * communes counted are those where the registry has a product, which overstates progress, so
 * plans are asked for it on the form.
 */
export function targetProgress(target: PlanTarget, m: TargetMeasures): TargetProgress {
  switch (target.kind) {
    case 'products_per_commune': {
      const goal = target.units ?? m.communesWithProducts;
      return progress(m.communesReaching, goal);
    }
    case 'new_products_by_year':
      return progress(m.newProducts, target.value);
    case 'share_upgraded': {
      // value is a percentage of the products in force
      const goal = Math.ceil((target.value / 100) * m.productsInForce);
      return progress(m.upgradedProducts, goal);
    }
    case 'points_of_sale_per_district':
      return { measured: false };
  }
}

function progress(achieved: number, goal: number): TargetProgress {
  const ratio = goal > 0 ? Math.min(achieved / goal, 1) : 1;
  return { measured: true, achieved, goal, ratio, met: achieved >= goal };
}
