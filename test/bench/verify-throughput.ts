import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Hono } from 'hono';
import { SEED_ACTOR } from '../../src/seed/seed-demo';
import { issueStamps } from '../../src/services/stamps/issue-stamps';
import { stampPage } from '../../src/services/stamps/stamp-urls';
import { listen } from '../support/browser';
import type { openHarness } from '../support/harness';

type Harness = Awaited<ReturnType<typeof openHarness>>;

/** Asynchronous on purpose: the server under test shares this process's event loop. */
export async function wrkRequestsPerSecond(url: string, seconds = 8, pathsFile?: string): Promise<number> {
  const script = pathsFile ? ['-s', join(import.meta.dirname, 'rotate-paths.lua')] : [];
  const { stdout: out } = await promisify(execFile)('wrk', ['-t2', '-c32', `-d${seconds}s`, ...script, url], {
    encoding: 'utf8',
    env: { ...process.env, WRK_PATHS: pathsFile ?? '' },
  });
  const match = /Requests\/sec:\s+([\d.]+)/.exec(out);
  if (!match) throw new Error(`wrk printed no rate:\n${out}`);
  if (/Non-2xx or 3xx responses/.test(out)) throw new Error(`wrk saw errors:\n${out}`);
  return Number(match[1]);
}

/** Request paths of `count` freshly issued stamps of the demo's valid batch, one a line, in a file for wrk. */
async function distinctStampPaths(h: Harness, count: number): Promise<string> {
  const { range } = await issueStamps({
    ctx: h.ctx(SEED_ACTOR),
    input: { batchId: await h.demoBatchId('valid'), quantity: count, idempotencyKey: `bench-distinct-${count}` },
  });
  const paths: string[] = [];
  for (let offset = 0; offset < count; offset += 1000) {
    const page = await stampPage(h.ctx(SEED_ACTOR), range, offset, Math.min(1000, count - offset));
    paths.push(...page.stamps.map((s) => `/api/v1/verify/${s.url.split('/S/')[1]}`));
  }
  const file = join(mkdtempSync(join(tmpdir(), 'ocop-bench-')), 'paths.txt');
  writeFileSync(file, paths.join('\n'));
  return file;
}

/**
 * `GET /api/v1/verify/{code}` against a bare Hono JSON route, both served by this process: one
 * stamp repeated, then 2,000 distinct stamps (each signature checked, each stamp's facts read).
 * Each side is measured right after the other, and the bare route measured again for the second
 * line, so a neighbour's load on the machine skews both sides of a ratio alike.
 */
export async function verifyVsBare(h: Harness, emit: (record: Record<string, unknown>) => void, seconds = 8) {
  const server = await listen(h.app.fetch);
  const bareServer = await listen(new Hono().get('/bare', (c) => c.json({ ok: true })).fetch);
  try {
    const pathsFile = await distinctStampPaths(h, 2000);
    await wrkRequestsPerSecond(`${server.origin}/api/v1/verify/${h.codes.valid}`, 2); // warm-up: JIT, pools, caches
    await wrkRequestsPerSecond(`${bareServer.origin}/bare`, 2);
    for (const [stamps, target] of [
      ['one stamp, repeated', `${server.origin}/api/v1/verify/${h.codes.valid}`],
      ['2,000 distinct', server.origin],
    ] as const) {
      const bareRps = await wrkRequestsPerSecond(`${bareServer.origin}/bare`, seconds);
      const verifyRps = await wrkRequestsPerSecond(
        target,
        seconds,
        stamps === '2,000 distinct' ? pathsFile : undefined,
      );
      emit({
        bench: 'verify_vs_bare_route',
        stamps,
        database: 'postgresql',
        bare_rps: Math.round(bareRps),
        verify_rps: Math.round(verifyRps),
        ratio: +(verifyRps / bareRps).toFixed(3),
        target: '>= 0.5',
      });
    }
  } finally {
    await server.close();
    await bareServer.close();
  }
}
