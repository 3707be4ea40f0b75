import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startService } from '../support/service-process';

const kib = (status: string, field: string) =>
  Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);

/**
 * `npm start` on PGlite as a newcomer runs it (a fresh DATA_DIR: initdb, migrations, demo seed),
 * then 1,000 verifications; the resident memory of the service process, now and at its peak.
 */
export async function embeddedRss() {
  const dataDir = mkdtempSync(join(tmpdir(), 'ocop-bench-rss-'));
  const service = await startService(dataDir);
  try {
    const status = () => readFileSync(`/proc/${service.child.pid}/status`, 'utf8');
    const afterStart = kib(status(), 'VmRSS');
    const codes = [...service.codes.values()];
    for (let i = 0; i < 1000; i++)
      await (await fetch(`${service.origin}/api/v1/verify/${codes[i % codes.length]}`)).arrayBuffer();
    const after = status();
    return {
      bench: 'npm_start_pglite_rss',
      rss_after_start_mb: Math.round(afterStart / 1024),
      rss_after_1000_verifications_mb: Math.round(kib(after, 'VmRSS') / 1024),
      peak_rss_mb: Math.round(kib(after, 'VmHWM') / 1024),
      target_mb: 300,
    };
  } finally {
    await service.stop('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
}
