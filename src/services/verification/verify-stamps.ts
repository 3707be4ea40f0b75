import { vietnamToday } from '../../domain/calendar';
import { certificateTimeState } from '../../domain/certificate-dates';
import { toGtin14 } from '../../domain/gtin';
import { extractStampCode, parseStampCode, type StampCode } from '../../domain/stamp-codec';
import { decideStatus } from '../../domain/verdict';
import { classification } from '../../data/taxonomy';
import { PROVINCES } from '../../data/provinces';
import type { ServiceContext } from '../shared/context';
import { logError } from '../shared/log';
import { signalsFor, suspicion } from '../copy-detection/copy-history';
import { loadStampFacts, type StampFactsRow } from './load-stamp-facts';
import type { ForgedReason, Verdict } from './verdict-types';

/**
 * The one verdict function behind the page, the JSON API, bulk verification and the offline
 * status list. Verdicts come back in the order of `inputs`; a bad input is a `forged` verdict,
 * never an exception, so one bad code cannot fail a batch.
 */
export async function verifyStamps(ctx: ServiceContext, inputs: string[]): Promise<Verdict[]> {
  const checkedAt = ctx.now().toISOString();
  const parsed = inputs.map((input) => {
    const text = extractStampCode(input);
    return { text: codeAsRecorded(input), code: text ? parseStampCode(text) : null };
  });
  const wanted = parsed.flatMap((p, idx) => (p.code ? [{ idx, kid: p.code.kid, serial: p.code.serial }] : []));
  let rows: StampFactsRow[];
  try {
    rows = await loadStampFacts(ctx.db, wanted);
  } catch (error) {
    // The database is unreachable: answer from the signature alone rather than fail the scanner.
    logError('verification without live status', error);
    return Promise.all(parsed.map(({ text, code }) => signatureOnly(ctx, text, code, checkedAt)));
  }
  // A clock read per request; once every KEY_REFRESH_SECONDS, one small query, so that the copy
  // an outage falls back on holds the compromises other instances made. These facts stand anyway.
  await ctx.keys.refreshIfStale(ctx.db).catch((error: unknown) => logError('signing keys not reloaded', error));
  const facts = new Map(rows.map((row) => [row.idx, row]));
  const today = vietnamToday(ctx.now());

  return Promise.all(parsed.map(async ({ text, code }, idx) => {
    const base = { code: text, serial: code?.serial ?? null, kid: code?.kid ?? null, live: true, checkedAt };
    if (!code) return forged(base, 'malformed');
    const row = facts.get(idx);
    if (!row?.key_state || !row.public_jwk) return forged(base, 'unknown_key');
    ctx.keys.rememberPublished(code.kid, row.public_jwk, row.key_state, row.range_id !== null);
    if (!(await signatureHolds(ctx, code, row.public_jwk))) return forged(base, 'bad_signature');
    if (row.key_state === 'compromised') return forged(base, 'compromised_key');
    return buildVerdict(ctx, base, row, today);
  }));
}

/** The code a verdict (and an intake record) carries for an input: the stamp code, or the raw text cut short. */
export function codeAsRecorded(input: string): string {
  return extractStampCode(input) ?? String(input ?? '').slice(0, 200);
}

export async function verifyStamp(ctx: ServiceContext, input: string): Promise<Verdict> {
  const [verdict] = await verifyStamps(ctx, [input]);
  return verdict!;
}

async function signatureHolds(ctx: ServiceContext, code: StampCode, jwk: JsonWebKey): Promise<boolean> {
  try {
    return await ctx.keys.verifyStamp(code, jwk);
  } catch {
    return false;
  }
}

/**
 * With no database, a stamp whose signature checks against a key this instance last saw trusted
 * (active, or retired with issued ranges; never compromised) is `valid` with `live: false`: the
 * signature is genuine, and nothing else was checked. The page says exactly that, amber, with no
 * tick and no claim that the certificate is valid. Any other key reads `forged`.
 */
async function signatureOnly(ctx: ServiceContext, text: string, code: StampCode | null, checkedAt: string): Promise<Verdict> {
  const base = { code: text, serial: code?.serial ?? null, kid: code?.kid ?? null, live: false, checkedAt };
  if (!code) return forged(base, 'malformed');
  const jwk = ctx.keys.lastKnownKey(code.kid);
  if (!jwk) return forged(base, 'unknown_key');
  return (await signatureHolds(ctx, code, jwk)) ? { ...base, status: 'valid' } : forged(base, 'bad_signature');
}

type Base = Pick<Verdict, 'code' | 'serial' | 'kid' | 'live' | 'checkedAt'>;

function forged(base: Base, reason: ForgedReason): Verdict {
  return { ...base, status: 'forged', forgedReason: reason };
}

function buildVerdict(ctx: ServiceContext, base: Base, row: StampFactsRow, today: string): Verdict {
  const { batch, product, subject, certificate } = row;
  if (!row.range_id || !batch || !product || !subject || !certificate) {
    return { ...base, status: 'unknown' };
  }
  const status = decideStatus({
    signatureValid: true,
    keyCompromised: false,
    rangeFound: true,
    voided: row.voided,
    batchRecalled: batch.recalled_on !== null,
    certificateStatus: certificate.status,
    certificateExpired: certificateTimeState(certificate.valid_from, certificate.valid_until, today) === 'expired',
  });
  const group = classification(product.taxonomy_version, product.group_code, product.subgroup_code);
  return {
    ...base,
    status,
    productId: product.id, subjectId: subject.id, batchId: batch.id, certificateId: certificate.id,
    product: {
      name: product.name, stars: certificate.stars, gtin: product.gtin,
      group: group && { taxonomyVersion: group.version, code: group.groupCode, name: group.groupName, nameEn: group.groupNameEn,
        subgroupCode: group.subgroupCode, subgroupName: group.subgroupName },
    },
    subject: {
      name: subject.name, kind: subject.kind, provinceCode: subject.province_code,
      provinceName: PROVINCES[subject.province_code]?.vi ?? null, communeCode: subject.commune_code, address: subject.address_as_issued, demo: subject.demo,
    },
    batch: {
      lot: batch.lot, productionDate: batch.production_date, bestBefore: batch.best_before,
      recall: batch.recalled_on ? { on: batch.recalled_on, reason: batch.recall_reason, basis: batch.recall_basis } : null,
      areas: (row.areas ?? []).map((a) => ({ id: a.id, name: a.name, kind: a.kind, officialCode: a.official_code,
        provinceCode: a.province_code, communeCode: a.commune_code, standards: a.standards ?? [], flags: a.flags ?? [] })),
    },
    certificate: {
      number: certificate.number, scheme: certificate.scheme, score: certificate.score, decisionNumber: certificate.decision_number,
      decisionDate: certificate.decision_date, issuerName: certificate.issuer_name, issuerLevel: certificate.issuer_level,
      validFrom: certificate.valid_from, validUntil: certificate.valid_until, status: certificate.status,
      statusChange: certificate.status_changed_on
        ? { on: certificate.status_changed_on, reason: certificate.status_reason, basis: certificate.status_basis } : null,
    },
    scans: {
      count: row.scan_count, firstAt: row.first_scan_at, firstPlace: row.first_scan_place,
      ...suspicion(signalsFor(row.copy_history, ctx.config)),
    },
    ...(product.gtin ? { digitalLink: digitalLink(ctx.config.PUBLIC_ORIGIN, product.gtin, batch.lot, base.serial!, base.code) } : {}),
  };
}

/** GS1 Digital Link form; the signed code rides along as `stamp` so the link stays verifiable. */
export function digitalLink(origin: string, gtin: string, lot: string, serial: number, code: string): string {
  return `${origin}/01/${toGtin14(gtin)}/10/${encodeURIComponent(lot)}/21/${serial}?stamp=${code}`;
}
