import { vietnamToday } from '../../domain/calendar';
import { extractStampCode, parseStampCode, type StampCode } from '../../domain/stamp-codec';
import { ed25519PublicJwk } from '../../keys/key-ring';
import type { ServiceContext } from '../shared/context';
import { logError } from '../shared/log';
import { buildVerdict, withStatus, type VerdictBase } from './build-verdict';
import { loadStampFacts, type StampFactsRow } from './load-stamp-facts';
import { loadStampTexts, type StampTexts } from './stamp-texts';
import type { ForgedReason, Verdict } from './verdict-types';

/**
 * The one verdict function behind the page, the JSON API, bulk verification and the offline
 * status list. Verdicts come back in the order of `inputs`; a bad input is a `forged` verdict,
 * never an exception, so one bad code cannot fail a batch.
 *
 * What may change (key state, void, recall, certificate status and dates, scans) is read from
 * the database for every call, in one query shared with the calls of the same moment
 * (coalesce.ts). What cannot change without its version changing (registry texts) comes from
 * this instance's cache (stamp-texts.ts); a signature already checked against the same public
 * key is not checked again (KeyRing.verifyStamp).
 */
export async function verifyStamps(ctx: ServiceContext, inputs: string[]): Promise<Verdict[]> {
  const checkedAt = ctx.now().toISOString();
  const parsed = inputs.map((input) => {
    const text = extractStampCode(input);
    return text ? { text, code: parseStampCode(text) } : { text: codeAsRecorded(input), code: null };
  });
  const codes = parsed.flatMap((p) => (p.code ? [p.code] : []));
  let rows: (StampFactsRow | undefined)[];
  let texts: (StampTexts | undefined)[];
  try {
    rows = await loadStampFacts(
      ctx.db,
      codes.map(({ kid, serial }) => ({ kid, serial })),
    );
    const known = rows.flatMap((row) =>
      row?.batch_id && row.texts_version ? [{ batchId: row.batch_id, version: row.texts_version }] : [],
    );
    texts = await loadStampTexts(ctx.db, ctx.keys, known);
  } catch (error) {
    // The database is unreachable: answer from the signature alone rather than fail the scanner.
    logError('verification without live status', error);
    return Promise.all(parsed.map(({ text, code }) => signatureOnly(ctx, text, code, checkedAt)));
  }
  // A clock read per request; once every KEY_REFRESH_SECONDS, one small query, so that the copy
  // an outage falls back on holds the compromises other instances made. These facts stand anyway.
  await ctx.keys.refreshIfStale(ctx.db).catch((error: unknown) => logError('signing keys not reloaded', error));
  const textsByBatch = new Map(texts.flatMap((t) => (t ? [[t.batchId, t] as const] : [])));
  const today = vietnamToday(ctx.now());
  let next = 0;
  const rowOf = parsed.map((p) => (p.code ? rows[next++] : undefined));

  return Promise.all(
    parsed.map(async ({ text, code }, idx) => {
      const base = { code: text, serial: code?.serial ?? null, kid: code?.kid ?? null, live: true, checkedAt };
      if (!code) return forged(base, 'malformed');
      const row = rowOf[idx];
      if (!row?.key_state || !row.key_x) return forged(base, 'unknown_key');
      const jwk = ed25519PublicJwk(row.key_x);
      ctx.keys.rememberPublished(code.kid, jwk, row.key_state, row.range_id !== null);
      if (!(await signatureHolds(ctx, code, jwk, text))) return forged(base, 'bad_signature');
      // Read with the stamp, never cached: a compromise wins even over a signature checked before.
      if (row.key_state === 'compromised') return forged(base, 'compromised_key');
      return buildVerdict(ctx.config, base, row, row.batch_id ? textsByBatch.get(row.batch_id) : undefined, today);
    }),
  );
}

/** The code a verdict (and an intake record) carries for an input: the stamp code, or the raw text cut short. */
export function codeAsRecorded(input: string): string {
  return extractStampCode(input) ?? String(input ?? '').slice(0, 200);
}

export async function verifyStamp(ctx: ServiceContext, input: string): Promise<Verdict> {
  const [verdict] = await verifyStamps(ctx, [input]);
  return verdict!;
}

async function signatureHolds(ctx: ServiceContext, code: StampCode, jwk: JsonWebKey, text?: string): Promise<boolean> {
  try {
    return await ctx.keys.verifyStamp(code, jwk, text);
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
async function signatureOnly(
  ctx: ServiceContext,
  text: string,
  code: StampCode | null,
  checkedAt: string,
): Promise<Verdict> {
  const base = { code: text, serial: code?.serial ?? null, kid: code?.kid ?? null, live: false, checkedAt };
  if (!code) return forged(base, 'malformed');
  const jwk = ctx.keys.lastKnownKey(code.kid);
  if (!jwk) return forged(base, 'unknown_key');
  return (await signatureHolds(ctx, code, jwk, text)) ? withStatus(base, 'valid') : forged(base, 'bad_signature');
}

function forged(base: VerdictBase, reason: ForgedReason): Verdict {
  return withStatus(base, 'forged', reason);
}
