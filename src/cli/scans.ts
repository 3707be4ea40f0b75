import { reevaluateSuspectedCopies } from '../services/copy-detection/suspected-copies';
import { listScanMonths, pruneScans } from '../services/scans/prune-scans';
import type { ServiceContext } from '../services/shared/context';

export const SCANS_COMMANDS = ['scans months', 'scans prune', 'copies reevaluate'] as const;
export const SCANS_USAGE = `  scans months                         (the months of raw scans stored, one partition each)
  scans prune --before YYYY-MM         (drop raw scans of the months before; verdict counts and copy signals stay)
  copies reevaluate                    (re-judge suspected copies after changing COPY_* settings)`;

/** Retention and upkeep of scans from the operators' console: the same services, policy and audit as everywhere. */
export async function runScansCommand(
  command: (typeof SCANS_COMMANDS)[number],
  before: unknown,
  ctx: ServiceContext,
): Promise<number> {
  if (command === 'scans months') {
    for (const { month, table } of await listScanMonths(ctx.db)) console.log(`${month}\t${table}`);
    return 0;
  }
  if (command === 'scans prune') {
    const result = await pruneScans({ ctx, input: { before: typeof before === 'string' ? before : '' } });
    console.log(
      `Dropped ${result.scans} scan(s) before ${result.before} (months: ${result.months.join(', ') || 'none'}); ` +
        `${result.scannerRows} per-day scanner row(s). Summaries kept: verdicts still count every scan.`,
    );
    return 0;
  }
  const { stamps, suspected } = await reevaluateSuspectedCopies({ ctx, input: {} });
  console.log(
    `Re-judged ${stamps} stamp(s) with today's thresholds: ${suspected} suspected cop${suspected === 1 ? 'y' : 'ies'}.`,
  );
  return 0;
}
