/**
 * The standing of a designated point of sale ("Điểm giới thiệu và bán sản phẩm OCOP") as its
 * plaque reports it: the worse of the shop's own status and its organisation's, so suspending or
 * closing a retailer reaches every shop it runs without rewriting them.
 */
export type Standing = 'open' | 'suspended' | 'closed';

const SEVERITY: Record<Standing, number> = { open: 0, suspended: 1, closed: 2 };

export function pointOfSaleStanding(point: Standing, organisation: Standing): Standing {
  return SEVERITY[organisation] > SEVERITY[point] ? organisation : point;
}

/**
 * Which changes of standing are allowed. Closing is final: a shop that reopens is registered
 * anew, so a plaque once reported closed never turns valid again.
 */
export function standingChangeAllowed(from: Standing, to: Standing): boolean {
  return from !== 'closed' && from !== to;
}
