import type { Db } from '../../src/db/client';
import { batches, certificates, products, subjects } from '../../src/db/schema';
import { certificateValidUntil } from '../../src/domain/certificate-dates';

type Kind = 'htx' | 'to_hop_tac' | 'doanh_nghiep' | 'ho_kinh_doanh';

/** A certificate to seed: its decision, stars and state; `after` re-evaluates an earlier one of the same product. */
export type SeedCertificate = {
  decisionDate: string;
  stars: number;
  status?: 'active' | 'suspended' | 'revoked';
  statusChangedOn?: string;
};

/** A product with its producer's place and kind, and its certificates in order (each later one supersedes the one before). */
export type SeedProduct = {
  provinceCode: string;
  communeCode: string | null;
  kind: Kind;
  groupCode: string;
  certificates: SeedCertificate[];
};

/**
 * Writes products straight into the registry tables (one subject each), as an import or years of
 * console work would have left them. Returns the ids of each product's batch (on its last certificate).
 */
export async function seedRegistry(db: Db, seed: readonly SeedProduct[], tag = 'ST'): Promise<string[]> {
  const subjectRows: (typeof subjects.$inferInsert)[] = [];
  const productRows: (typeof products.$inferInsert)[] = [];
  const certificateRows: (typeof certificates.$inferInsert)[] = [];
  const batchRows: (typeof batches.$inferInsert)[] = [];
  seed.forEach((p, i) => {
    const subjectId = crypto.randomUUID();
    const productId = crypto.randomUUID();
    subjectRows.push({
      id: subjectId,
      kind: p.kind,
      name: `${tag} chủ thể ${i}`,
      registrationNumber: `${tag}-${i}`,
      provinceCode: p.provinceCode,
      communeCode: p.communeCode,
      addressAsIssued: `Xã ${p.communeCode ?? '?'}, tỉnh ${p.provinceCode}`,
    });
    productRows.push({
      id: productId,
      subjectId,
      name: `${tag} sản phẩm ${i}`,
      taxonomyVersion: '2022',
      groupCode: p.groupCode,
      subgroupCode: `${p.groupCode}.1`,
    });
    let previous: string | null = null;
    p.certificates.forEach((c, k) => {
      const id = crypto.randomUUID();
      certificateRows.push({
        id,
        productId,
        number: `${tag}-${i}-${k}`,
        scheme: '148',
        score: c.stars * 20 - 5,
        stars: c.stars,
        issuerName: 'UBND tỉnh',
        issuerLevel: 'province',
        decisionNumber: `${i}${k}/QĐ-UBND`,
        decisionDate: c.decisionDate,
        validFrom: c.decisionDate,
        validUntil: certificateValidUntil(c.decisionDate),
        status: c.status ?? 'active',
        statusChangedOn: c.statusChangedOn ?? null,
        supersedesId: previous,
        createdAt: new Date(`${c.decisionDate}T08:00:00+07:00`),
      });
      previous = id;
    });
    batchRows.push({
      id: crypto.randomUUID(),
      productId,
      certificateId: previous!,
      lot: `${tag}-LOT-${i}`,
      productionDate: p.certificates.at(-1)!.decisionDate,
      quantity: 100,
    });
  });
  for (let i = 0; i < subjectRows.length; i += 1000) {
    await db.insert(subjects).values(subjectRows.slice(i, i + 1000));
    await db.insert(products).values(productRows.slice(i, i + 1000));
  }
  for (let i = 0; i < certificateRows.length; i += 1000)
    await db.insert(certificates).values(certificateRows.slice(i, i + 1000));
  for (let i = 0; i < batchRows.length; i += 1000) await db.insert(batches).values(batchRows.slice(i, i + 1000));
  return batchRows.map((b) => b.id!);
}

/**
 * Two provinces, four communes (one subject without a commune, as older records have), every
 * kind of subject, four groups and every live status; in 2026 one product of each movement.
 * Today is the harness's 23/11/2026.
 */
export const STATISTICS_SCENARIO: SeedProduct[] = [
  {
    provinceCode: '19',
    communeCode: '05001',
    kind: 'htx',
    groupCode: '1',
    certificates: [
      { decisionDate: '2024-03-10', stars: 3 },
      { decisionDate: '2026-02-15', stars: 4 },
    ],
  },
  {
    provinceCode: '19',
    communeCode: '05001',
    kind: 'htx',
    groupCode: '2',
    certificates: [{ decisionDate: '2026-05-01', stars: 4 }],
  },
  {
    provinceCode: '19',
    communeCode: '05002',
    kind: 'doanh_nghiep',
    groupCode: '1',
    certificates: [{ decisionDate: '2023-01-05', stars: 3 }],
  },
  {
    provinceCode: '19',
    communeCode: '05002',
    kind: 'htx',
    groupCode: '2',
    certificates: [
      { decisionDate: '2023-06-01', stars: 3 },
      { decisionDate: '2026-04-01', stars: 3 },
    ],
  },
  {
    provinceCode: '20',
    communeCode: '06001',
    kind: 'ho_kinh_doanh',
    groupCode: '6',
    certificates: [{ decisionDate: '2025-07-01', stars: 3, status: 'revoked', statusChangedOn: '2026-08-20' }],
  },
  {
    provinceCode: '20',
    communeCode: null,
    kind: 'htx',
    groupCode: '1',
    certificates: [{ decisionDate: '2025-12-01', stars: 5, status: 'suspended', statusChangedOn: '2026-10-01' }],
  },
  {
    provinceCode: '20',
    communeCode: '06001',
    kind: 'to_hop_tac',
    groupCode: '3',
    certificates: [{ decisionDate: '2026-09-09', stars: 4 }],
  },
  {
    provinceCode: '20',
    communeCode: '06001',
    kind: 'doanh_nghiep',
    groupCode: '1',
    certificates: [
      { decisionDate: '2023-11-01', stars: 4 },
      { decisionDate: '2026-10-20', stars: 3 },
    ],
  },
];
