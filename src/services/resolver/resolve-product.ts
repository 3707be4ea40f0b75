import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { vietnamToday } from '../../domain/calendar';
import { certificateTimeState } from '../../domain/certificate-dates';
import { classification } from '../../data/taxonomy';
import { PROVINCES } from '../../data/provinces';
import { queryRows } from '../../db/prepared';
import { notFound } from '../shared/errors';
import { service } from '../shared/service';
import type { AreaFlag } from '../verification/verdict-types';
import type { CertificateLiveStatus, ProductInfo } from './product-info';

const input = z.object({
  gtin: z.string().regex(/^\d{14}$/, 'GTIN phải ở dạng 14 chữ số.'),
  lot: z.string().min(1).max(80).optional(),
});

type Row = {
  product: {
    id: string;
    name: string;
    taxonomy_version: string;
    group_code: string;
    subgroup_code: string;
    gtin: string;
  };
  subject: {
    id: string;
    name: string;
    kind: string;
    province_code: string;
    commune_code: string | null;
    address_as_issued: string;
    demo: boolean;
  };
  batch: {
    id: string;
    lot: string;
    production_date: string;
    best_before: string | null;
    recalled_on: string | null;
    recall_reason: string | null;
    recall_basis: string | null;
  } | null;
  certificate: {
    id: string;
    number: string;
    stars: number;
    decision_number: string;
    decision_date: string;
    issuer_name: string;
    issuer_level: string;
    valid_from: string;
    valid_until: string;
    status: 'active' | 'suspended' | 'revoked';
    status_changed_on: string | null;
    status_reason: string | null;
    status_basis: string | null;
  } | null;
  areas:
    | {
        name: string;
        kind: string;
        official_code: string | null;
        province_code: string;
        commune_code: string | null;
        standards: { name: string; certificateNumber?: string; expiresOn: string }[] | null;
        flags: AreaFlag[] | null;
      }[]
    | null;
};

/**
 * The public facts behind a GTIN (and a lot), for the GS1 Digital Link resolver. Public like the
 * verdict page: a barcode is printed for anyone to read, and nothing here is beyond what the
 * verdict of any stamp of the product already shows. Live like the verdict: nothing is cached, so
 * a suspension or a recall shows on the next request.
 *
 * A GTIN is stored as registered (8 to 14 digits) and compared as its GTIN-14. Should two products
 * carry one GTIN, the one holding the asked lot wins, then the newest.
 */
export const resolveProduct = service({
  action: 'public',
  input,
  run: async ({ ctx, input: { gtin, lot } }): Promise<ProductInfo> => {
    const [row] = await queryRows<Row>(
      ctx.db,
      sql`
      select to_jsonb(p) - 'created_at' as product, to_jsonb(s) - 'created_at' - 'registration_number' as subject,
        to_jsonb(b) - 'created_at' as batch, to_jsonb(c) - 'created_at' as certificate, a.areas
      from products p
      join subjects s on s.id = p.subject_id
      left join batches b on b.product_id = p.id and b.lot = ${lot ?? null}::text
      left join lateral (
        -- a lot keeps the certificate it was made under; a product shows its newest standing one
        select * from certificates c0
        where case when b.id is not null then c0.id = b.certificate_id
          else c0.product_id = p.id and not exists (select 1 from certificates n where n.supersedes_id = c0.id) end
        order by c0.decision_date desc, c0.created_at desc limit 1
      ) c on true
      left join lateral (
        select json_agg(json_build_object('name', ra.name, 'kind', ra.kind, 'official_code', ra.official_code,
          'province_code', ra.province_code, 'commune_code', ra.commune_code, 'standards', ra.standards,
          'flags', (select json_agg(json_build_object('standard', f.standard, 'on', f.flagged_on, 'reason', f.reason) order by f.id)
            from area_flags f where f.area_id = ra.id)) order by ra.name) as areas
        from batch_areas ba join raw_material_areas ra on ra.id = ba.area_id where ba.batch_id = b.id
      ) a on true
      where p.gtin is not null and lpad(p.gtin, 14, '0') = ${gtin}
      order by (b.id is not null) desc, p.created_at desc, p.id
      limit 1
    `,
    );
    if (!row) throw notFound(`sản phẩm có mã GTIN ${gtin}`);
    return toProductInfo(row, vietnamToday(ctx.now()));
  },
});

function toProductInfo({ product, subject, batch, certificate, areas }: Row, today: string): ProductInfo {
  const group = classification(product.taxonomy_version, product.group_code, product.subgroup_code);
  return {
    productId: product.id,
    subjectId: subject.id,
    product: {
      name: product.name,
      gtin: product.gtin,
      group: group && {
        taxonomyVersion: group.version,
        code: group.groupCode,
        name: group.groupName,
        nameEn: group.groupNameEn,
        subgroupCode: group.subgroupCode,
        subgroupName: group.subgroupName,
      },
    },
    subject: {
      name: subject.name,
      kind: subject.kind,
      provinceCode: subject.province_code,
      provinceName: PROVINCES[subject.province_code]?.vi ?? null,
      communeCode: subject.commune_code,
      address: subject.address_as_issued,
      demo: subject.demo,
    },
    certificate: certificate && {
      id: certificate.id,
      number: certificate.number,
      stars: certificate.stars,
      decisionNumber: certificate.decision_number,
      decisionDate: certificate.decision_date,
      issuerName: certificate.issuer_name,
      issuerLevel: certificate.issuer_level,
      validFrom: certificate.valid_from,
      validUntil: certificate.valid_until,
      status: liveStatus(certificate, today),
      statusChange: certificate.status_changed_on
        ? { on: certificate.status_changed_on, reason: certificate.status_reason, basis: certificate.status_basis }
        : null,
    },
    batch: batch && {
      id: batch.id,
      lot: batch.lot,
      productionDate: batch.production_date,
      bestBefore: batch.best_before,
      recall: batch.recalled_on
        ? { on: batch.recalled_on, reason: batch.recall_reason, basis: batch.recall_basis }
        : null,
      areas: (areas ?? []).map((a) => ({
        name: a.name,
        kind: a.kind,
        officialCode: a.official_code,
        provinceCode: a.province_code,
        communeCode: a.commune_code,
        standards: a.standards ?? [],
        flags: a.flags ?? [],
      })),
    },
  };
}

/** The same reading as the verdict's: a stored suspension or revocation first, then the calendar. */
function liveStatus(certificate: NonNullable<Row['certificate']>, today: string): CertificateLiveStatus {
  if (certificate.status === 'revoked' || certificate.status === 'suspended') return certificate.status;
  return certificateTimeState(certificate.valid_from, certificate.valid_until, today) === 'expired'
    ? 'expired'
    : 'valid';
}
