import { eq } from 'drizzle-orm';
import { certificates, products, subjects } from '../../src/db/schema';
import type { Harness } from './harness';

/** Today in the harness (23/11/2026) and the year the statistics suites ask about. */
const TODAY = '2026-11-23';
const YEAR = { from: '2026-01-01', to: '2026-12-31' };
const between = (d: string | null, from = YEAR.from, to = YEAR.to) => d !== null && from <= d && d <= to;
const plusDay = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** The registry read row by row, and every figure worked out here in plain code: what the statistics must equal. */
export async function registryCounts(h: Harness, province: string | null) {
  const all = await h.db
    .select({
      id: certificates.id,
      productId: certificates.productId,
      stars: certificates.stars,
      status: certificates.status,
      statusChangedOn: certificates.statusChangedOn,
      decisionDate: certificates.decisionDate,
      validUntil: certificates.validUntil,
      supersedesId: certificates.supersedesId,
      provinceCode: subjects.provinceCode,
      communeCode: subjects.communeCode,
      kind: subjects.kind,
      subjectId: subjects.id,
      groupCode: products.groupCode,
    })
    .from(certificates)
    .innerJoin(products, eq(products.id, certificates.productId))
    .innerJoin(subjects, eq(subjects.id, products.subjectId));
  const rows = all.filter((r) => province === null || r.provinceCode === province);
  const byId = new Map(all.map((r) => [r.id, r]));
  const successorOf = (id: string) => all.find((r) => r.supersedesId === id);
  const live = (r: (typeof rows)[number]) =>
    r.status === 'revoked'
      ? 'revoked'
      : r.status === 'suspended'
        ? 'suspended'
        : successorOf(r.id)
          ? 'superseded'
          : r.validUntil < TODAY
            ? 'expired'
            : 'valid';
  const latest = new Map<string, (typeof rows)[number]>();
  for (const r of rows) if ((latest.get(r.productId)?.decisionDate ?? '') < r.decisionDate) latest.set(r.productId, r);
  const current = [...latest.values()];
  const inForce = current.filter((r) => live(r) === 'valid');
  const count = <T>(list: T[], key: (t: T) => string | number) => {
    const m = new Map<string | number, number>();
    for (const t of list) m.set(key(t), (m.get(key(t)) ?? 0) + 1);
    return Object.fromEntries(m);
  };
  const previous = (r: (typeof rows)[number]) => (r.supersedesId ? byId.get(r.supersedesId)! : null);
  const decided = rows.filter((r) => between(r.decisionDate));
  const expiredOn = (r: (typeof rows)[number]) => plusDay(r.validUntil);
  return {
    products: current.length,
    certificates: rows.length,
    productsByStatus: count(current, live),
    productsByStars: count(current, (r) => r.stars),
    productsByGroup: count(current, (r) => r.groupCode),
    productsByProvince: count(current, (r) => r.provinceCode),
    certificatesByStatus: count(rows, live),
    productsInForce: inForce.length,
    productsOfCooperatives: inForce.filter((r) => r.kind === 'htx').length,
    subjectsInForce: new Set(inForce.map((r) => r.subjectId)).size,
    cooperatives: new Set(inForce.filter((r) => r.kind === 'htx').map((r) => r.subjectId)).size,
    communes: new Set(inForce.filter((r) => r.communeCode).map((r) => `${r.provinceCode}/${r.communeCode}`)).size,
    new: decided.filter((r) => !r.supersedesId).length,
    renewed: decided.filter((r) => previous(r) && previous(r)!.stars === r.stars).length,
    upgraded: decided.filter((r) => previous(r) && previous(r)!.stars < r.stars).length,
    downgraded: decided.filter((r) => previous(r) && previous(r)!.stars > r.stars).length,
    revoked: rows.filter((r) => r.status === 'revoked' && between(r.statusChangedOn)).length,
    expired: rows.filter(
      (r) =>
        between(expiredOn(r), YEAR.from, TODAY) &&
        !(r.status === 'revoked' && r.statusChangedOn! <= r.validUntil) &&
        !all.some((s) => s.supersedesId === r.id && s.decisionDate <= r.validUntil),
    ).length,
  };
}
