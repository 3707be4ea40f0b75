import type { Context } from 'hono';
import type { AppEnv } from '../../app-env';
import { sha256Hex } from '../../services/shared/canonical-json';
import type { Verdict } from '../../services/verification/verdict-types';
import { vietnamToday } from '../../domain/calendar';
import { coarseCoordinate, coarseNetwork, coarseTime } from '../../domain/copy-detection';

/**
 * Queues a scan of a genuine stamp; the write happens after the response. Only a coarse place
 * (the edge's country/region and location to half a degree), the time to ten minutes and a
 * salted, daily-rotating hash of the scanner and of its network are kept. The
 * verdict returned counts this scan too, so the first person to scan reads "scanned once"; the
 * copy-detection signals are those of the history before this scan (it is not written yet).
 */
export async function countThisScan(c: Context<AppEnv>, verdict: Verdict): Promise<Verdict> {
  // With the database unreachable a genuine signature is all that is known: the scan is kept
  // (in the sink's buffer until the database returns), and the verdict has no count to add to.
  const signatureOnly = !verdict.live && verdict.status === 'valid';
  if (verdict.serial === null || (!signatureOnly && (!verdict.batchId || !verdict.scans))) return verdict;
  const now = c.get('deps').now();
  const cf = (c.req.raw as { cf?: { country?: string; regionCode?: string; latitude?: string; longitude?: string } })
    .cf;
  const place = cf?.country ? [cf.country, cf.regionCode].filter(Boolean).join('-') : null;
  const lat = coarseCoordinate(cf?.latitude);
  const lon = coarseCoordinate(cf?.longitude);
  const { scannerHash, networkHash } = await scannerHashes(c, now);
  c.get('scanSink').record({
    serial: verdict.serial,
    scannedAt: coarseTime(now),
    place,
    scannerHash,
    networkHash,
    lat,
    lon,
  });
  if (!verdict.scans) return verdict;
  const count = verdict.scans.count + 1;
  return {
    ...verdict,
    scans: {
      ...verdict.scans,
      count,
      firstAt: verdict.scans.firstAt ?? coarseTime(now).toISOString(),
      firstPlace: verdict.scans.firstAt ? verdict.scans.firstPlace : place,
    },
  };
}

/**
 * The scanner (address and User-Agent) and its network (README, "Scanner privacy"), each hashed
 * with the secret SCAN_SALT and the day, so neither can be reversed without the salt nor linked
 * across days. The network lets copy detection see through a phone that changes its User-Agent.
 */
async function scannerHashes(
  c: Context<AppEnv>,
  now: Date,
): Promise<{ scannerHash: string; networkHash: string | null }> {
  const salt = c.get('deps').config.SCAN_SALT;
  if (!salt) throw new Error('SCAN_SALT is not set'); // both runtimes set it at start; never hash with a known salt
  const day = vietnamToday(now);
  const network = coarseNetwork(c.get('clientId'));
  const [scannerHash, networkHash] = await Promise.all([
    sha256Hex(`${salt}|${day}|${c.get('clientId')}|${c.req.header('user-agent') ?? ''}`),
    network ? sha256Hex(`${salt}|${day}|net|${network}`) : null,
  ]);
  return { scannerHash: scannerHash.slice(0, 32), networkHash: networkHash?.slice(0, 32) ?? null };
}
