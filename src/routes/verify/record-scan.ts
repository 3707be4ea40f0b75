import type { Context } from 'hono';
import type { AppEnv } from '../../app-env';
import { sha256Hex } from '../../services/shared/canonical-json';
import type { Verdict } from '../../services/verification/verdict-types';
import { vietnamToday } from '../../domain/calendar';

/**
 * Queues a scan of a genuine stamp; the write happens after the response. Only a coarse place
 * (the edge's country/region) and a salted, daily-rotating hash of the scanner are kept.
 */
export async function recordScan(c: Context<AppEnv>, verdict: Verdict): Promise<void> {
  if (verdict.serial === null || !verdict.batchId) return;
  const now = c.var.deps.now();
  const cf = (c.req.raw as { cf?: { country?: string; regionCode?: string } }).cf;
  const place = cf?.country ? [cf.country, cf.regionCode].filter(Boolean).join('-') : null;
  const who = `${c.var.deps.config.SCAN_SALT}|${vietnamToday(now)}|${c.var.clientId}|${c.req.header('user-agent') ?? ''}`;
  c.var.scanSink.record({ serial: verdict.serial, scannedAt: now, place, scannerHash: (await sha256Hex(who)).slice(0, 32) });
}
