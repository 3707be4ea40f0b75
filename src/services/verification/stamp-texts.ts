import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { executePrepared } from '../../db/prepared';
import { BoundedLru } from '../../domain/bounded-lru';
import { classification } from '../../data/taxonomy';
import { PROVINCES } from '../../data/provinces';
import type { KeyRing } from '../../keys/key-ring';
import { Coalescer } from './coalesce';
import { textsVersionSql } from './texts-version';
import type { AreaFlag, Verdict } from './verdict-types';

/**
 * The parts of a verdict that come from registry texts, built once per batch and version:
 * product, subject, lot and areas, and the certificate's decision (never edited). Frozen, since
 * every verdict of the batch shares them.
 */
export type StampTexts = {
  version: string;
  productId: string;
  subjectId: string;
  batchId: string;
  certificateId: string;
  product: NonNullable<Verdict['product']>;
  subject: NonNullable<Verdict['subject']>;
  batch: Omit<NonNullable<Verdict['batch']>, 'recall'>;
  certificate: Pick<
    NonNullable<Verdict['certificate']>,
    'number' | 'scheme' | 'score' | 'decisionNumber' | 'decisionDate' | 'issuerName' | 'issuerLevel'
  >;
};

type TextsRow = {
  slot: number;
  version: string;
  batch_id: string;
  lot: string;
  production_date: string;
  best_before: string | null;
  product_id: string;
  product_name: string;
  taxonomy_version: string;
  group_code: string;
  subgroup_code: string;
  gtin: string | null;
  subject_id: string;
  subject_name: string;
  subject_kind: string;
  province_code: string;
  commune_code: string | null;
  address_as_issued: string;
  demo: boolean;
  certificate_id: string;
  number: string;
  scheme: string;
  score: number;
  stars: number;
  issuer_name: string;
  issuer_level: string;
  decision_number: string;
  decision_date: string;
  areas:
    | {
        id: string;
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

async function queryTexts(db: Db, batches: { batchId: string }[]): Promise<Map<number, StampTexts>> {
  const wanted = batches.map((b, slot) => ({ slot, batchId: b.batchId }));
  const rows = await executePrepared<TextsRow>(
    db,
    'load_stamp_texts',
    sql`
    select q.slot, ${textsVersionSql} as version, b.id as batch_id, b.lot, b.production_date::text, b.best_before::text,
      p.id as product_id, p.name as product_name, p.taxonomy_version, p.group_code, p.subgroup_code, p.gtin,
      s.id as subject_id, s.name as subject_name, s.kind as subject_kind, s.province_code, s.commune_code, s.address_as_issued, s.demo,
      c.id as certificate_id, c.number, c.scheme, c.score, c.stars, c.issuer_name, c.issuer_level, c.decision_number, c.decision_date::text,
      (select json_agg(json_build_object('id', ra.id, 'name', ra.name, 'kind', ra.kind, 'official_code', ra.official_code,
        'province_code', ra.province_code, 'commune_code', ra.commune_code, 'standards', ra.standards,
        'flags', (select json_agg(json_build_object('standard', f.standard, 'on', f.flagged_on, 'reason', f.reason) order by f.id)
          from area_flags f where f.area_id = ra.id)) order by ra.name)
        from batch_areas ba join raw_material_areas ra on ra.id = ba.area_id where ba.batch_id = b.id) as areas
    from json_to_recordset(${JSON.stringify(wanted)}::json) as q(slot int, "batchId" uuid)
    join batches b on b.id = q."batchId"
    join products p on p.id = b.product_id
    join subjects s on s.id = p.subject_id
    join certificates c on c.id = b.certificate_id
  `,
  );
  return new Map(rows.map((row) => [row.slot, deepFreeze(toTexts(row))]));
}

function toTexts(row: TextsRow): StampTexts {
  const group = classification(row.taxonomy_version, row.group_code, row.subgroup_code);
  return {
    version: row.version,
    productId: row.product_id,
    subjectId: row.subject_id,
    batchId: row.batch_id,
    certificateId: row.certificate_id,
    product: {
      name: row.product_name,
      stars: row.stars,
      gtin: row.gtin,
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
      name: row.subject_name,
      kind: row.subject_kind,
      provinceCode: row.province_code,
      provinceName: PROVINCES[row.province_code]?.vi ?? null,
      communeCode: row.commune_code,
      address: row.address_as_issued,
      demo: row.demo,
    },
    batch: {
      lot: row.lot,
      productionDate: row.production_date,
      bestBefore: row.best_before,
      areas: (row.areas ?? []).map((a) => ({
        id: a.id,
        name: a.name,
        kind: a.kind,
        officialCode: a.official_code,
        provinceCode: a.province_code,
        communeCode: a.commune_code,
        standards: a.standards ?? [],
        flags: a.flags ?? [],
      })),
    },
    certificate: {
      number: row.number,
      scheme: row.scheme,
      score: row.score,
      decisionNumber: row.decision_number,
      decisionDate: row.decision_date,
      issuerName: row.issuer_name,
      issuerLevel: row.issuer_level,
    },
  };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

const coalescer = new Coalescer<{ batchId: string }, StampTexts>(queryTexts, (w) => w.batchId);

/**
 * Batches an instance keeps texts for (measured by `npm run bench`: about 3.3 KB a batch, so
 * some 16 MB when full), and how long an entry may serve before it is read again.
 *
 * Why a version read live rather than invalidation on write: Node processes and Workers isolates
 * cannot hear each other, and psql or the CLI edit rows too, so a writer cannot reach every
 * cache. The version (texts-version.ts) comes in the same query as the live status, so no verdict
 * that starts after an edit commits uses the texts it replaced, on any instance. The TTL lets idle
 * entries go, and rules out a version coming round again (that takes 2^32 transactions).
 */
export const TEXTS_CACHE_BATCHES = 5_000;
const TEXTS_TTL_MS = 10 * 60_000;

/** One cache per runtime instance, hung on its key ring: the one object each runtime makes once. */
const caches = new WeakMap<KeyRing, BoundedLru<string, StampTexts>>();

export function textsCache(keys: KeyRing): BoundedLru<string, StampTexts> {
  let cache = caches.get(keys);
  if (!cache) caches.set(keys, (cache = new BoundedLru(TEXTS_CACHE_BATCHES, TEXTS_TTL_MS)));
  return cache;
}

/**
 * The texts of each batch at the given version, in order: from the cache when it holds that
 * version, else read (one query for all the misses) and kept. A text read newer than asked is
 * kept under its own version, so the next verdict reads it again only if it is newer still.
 */
export async function loadStampTexts(
  db: Db,
  keys: KeyRing,
  wanted: { batchId: string; version: string }[],
): Promise<(StampTexts | undefined)[]> {
  const cache = textsCache(keys);
  const found = wanted.map((w) => {
    const texts = cache.get(w.batchId);
    return texts?.version === w.version ? texts : undefined;
  });
  const missing = wanted.filter((_, i) => !found[i]);
  if (missing.length === 0) return found;
  const loaded = await coalescer.load(
    db,
    missing.map((w) => ({ batchId: w.batchId })),
  );
  let next = 0;
  return found.map((texts) => {
    if (texts) return texts;
    const read = loaded[next++];
    if (read) cache.set(read.batchId, read);
    return read;
  });
}
