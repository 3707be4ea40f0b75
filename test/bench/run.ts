import { execFile } from 'node:child_process';
import { request } from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { stampUrl } from '../../src/domain/stamp-codec';
import { VERDICT_STATUSES } from '../../src/domain/verdict';
import { SEED_ACTOR } from '../../src/seed/seed-demo';
import { textsCache } from '../../src/services/verification/stamp-texts';
import { verifyStamp } from '../../src/services/verification/verify-stamps';
import { launchChromium, listen } from '../support/browser';
import { embeddedRss } from './embedded-rss';
import { cacheMemory } from './cache-memory';
import { statusListSizes } from './status-list-sizes';
import { statisticsAtNationalSize } from './statistics-page';
import { verifyVsBare } from './verify-throughput';
import { loadConfig } from '../../src/env';
import { openHarness, TEST_ORIGIN } from '../support/harness';

/** Ratios are what to quote: both sides are measured in the same run on the same machine. */
const emit = (record: Record<string, unknown>) => console.log(JSON.stringify(record));
const progress = (message: string) => console.error(`… ${message}`);

/** Runs one label benchmark in a child process (its own peak RSS) and returns its JSON line. */
async function labelBench(mode: 'ours' | 'qrcode' | 'naive', labels: number) {
  const { stdout } = await promisify(execFile)(
    join(process.cwd(), 'node_modules', '.bin', 'tsx'),
    [join(import.meta.dirname, 'labels.ts'), mode, String(labels)],
    { encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  return JSON.parse(stdout.trim().split('\n').pop()!) as {
    seconds: number;
    sign_seconds: number;
    qr_seconds?: number;
    pdf_seconds?: number;
    bytes_per_label: number;
    peak_rss_mb: number;
    labels: number;
  };
}

/** One GET from a given loopback address (127/8 is all loopback on Linux): many consumers, one machine. */
function timedGet(port: number, path: string, localAddress: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = request({ host: '127.0.0.1', port, path, localAddress }, (res) => {
      res.resume();
      res.on('end', () =>
        res.statusCode === 200 ? resolve(performance.now() - started) : reject(new Error(`${path}: ${res.statusCode}`)),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

/** p50 and p95 of the consumer page, four consumers at a time, each load from its own address. */
async function pageLatency(port: number, path: string, seconds: number) {
  const samples: number[] = [];
  const until = performance.now() + seconds * 1000;
  let next = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (performance.now() < until) {
        const n = next++;
        samples.push(await timedGet(port, path, `127.0.${1 + ((n >> 8) % 250)}.${1 + (n % 250)}`));
      }
    }),
  );
  samples.sort((a, b) => a - b);
  const at = (q: number) => +samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!.toFixed(1);
  return { p50: at(0.5), p95: at(0.95), loads: samples.length };
}

/**
 * The consumer page idle, then while one client (its own process, one address) keeps three
 * 1,000-code bulk requests in flight: anonymously within its 600 requests a minute (the review's
 * case), anonymously as fast as answers come, and with a retailer token. The service runs with its
 * default limits: bulk is priced per code (README, "Rate limits").
 */
async function pageUnderBulkFlood() {
  const defaults = loadConfig({});
  const h = await openHarness('postgres', {
    env: {
      VERIFY_RATE_PER_MINUTE: String(defaults.VERIFY_RATE_PER_MINUTE),
      BULK_CODES_PER_MINUTE: String(defaults.BULK_CODES_PER_MINUTE),
      ANON_BULK_CODES_PER_MINUTE: String(defaults.ANON_BULK_CODES_PER_MINUTE),
    },
  });
  const server = await listen(h.app.fetch);
  const port = Number(new URL(server.origin).port);
  const codesFile = join(mkdtempSync(join(tmpdir(), 'ocop-bench-')), 'codes.json');
  writeFileSync(
    codesFile,
    JSON.stringify(Array.from({ length: 1000 }, (_, i) => h.codes[VERDICT_STATUSES[i % VERDICT_STATUSES.length]!])),
  );
  const page = `/S/${h.codes.valid}`;
  try {
    await pageLatency(port, page, 2); // warm-up
    const idle = await pageLatency(port, page, 8);
    const retailer = await h.token('retailer', { provinceCode: '20' });
    const flooders = [
      ['anonymous, 600 requests a minute', 600, undefined],
      ['anonymous, unpaced', 0, undefined],
      ['retailer token, 600 requests a minute', 600, retailer],
    ] as const;
    for (const [flooder, perMinute, token] of flooders) {
      const flood = promisify(execFile)(
        join(process.cwd(), 'node_modules', '.bin', 'tsx'),
        [
          join(import.meta.dirname, 'bulk-flood.ts'),
          String(port),
          '11',
          codesFile,
          String(perMinute),
          ...(token ? [token] : []),
        ],
        { encoding: 'utf8' },
      );
      await new Promise((r) => setTimeout(r, 2000)); // tsx starts, the flood ramps up
      const flooded = await pageLatency(port, page, 8);
      const statuses = JSON.parse((await flood).stdout.trim()) as Record<string, number>;
      emit({
        bench: 'consumer_page_under_bulk_flood',
        flooder: `${flooder}, three 1,000-code requests in flight`,
        bulk_answers: statuses,
        idle_p50_ms: idle.p50,
        idle_p95_ms: idle.p95,
        flood_p50_ms: flooded.p50,
        flood_p95_ms: flooded.p95,
        p50_ratio: +(flooded.p50 / idle.p50).toFixed(2),
        p95_ratio: +(flooded.p95 / idle.p95).toFixed(2),
        target: '<= 2',
      });
    }
  } finally {
    await server.close();
    await h.close();
  }
}

/** `npm run bench -- verify` (or `npx tsx test/bench/run.ts verify`): the verification throughput lines alone. */
async function verifyOnly() {
  const h = await openHarness('postgres', { env: { VERIFY_RATE_PER_MINUTE: '100000000' } });
  try {
    await verifyVsBare(h, emit);
    emit(await cacheMemory(await realTexts(h)));
  } finally {
    await h.close();
  }
}

/** One registry-texts cache entry as verification made it, for the memory line. */
async function realTexts(h: Awaited<ReturnType<typeof openHarness>>) {
  const texts = textsCache(h.keys).get((await verifyStamp(h.ctx(SEED_ACTOR), h.codes.valid)).batchId!);
  if (!texts) throw new Error('verification kept no texts for the demo batch');
  return texts;
}

async function main() {
  if (process.argv[2] === 'verify') return verifyOnly();
  if (process.argv[2] === 'statistics') return statisticsAtNationalSize(emit);

  // 10^8 serials by default, the national scale; BENCH_STATUS_LIST_SERIALS sets another size.
  const serials = Number(process.env.BENCH_STATUS_LIST_SERIALS ?? 1e8);
  progress(`status lists: both forms for ${serials.toLocaleString('en')} serials with 0.5% voided, in memory`);
  emit({ bench: 'status_list_sizes', ...(await statusListSizes(serials)) });

  progress(
    'label sheets: 10,000 labels with the service renderer, again with the qrcode library as its QR encoder, then the naive way on 500 (it takes ~25 ms a label)',
  );
  const ours = await labelBench('ours', 10_000);
  emit({ bench: 'labels_10000', ...ours, target: { seconds: 2, bytes_per_label: 250, peak_rss_mb: 300 } });
  // src/labels/qr-encoder.ts stays only while the whole job is at least twice as fast with it.
  const library = await labelBench('qrcode', 10_000);
  emit({ bench: 'labels_10000_qrcode_create', ...library });
  emit({
    bench: 'labels_ratio_qrcode_over_own_encoder',
    whole_job: +(library.seconds / ours.seconds).toFixed(1),
    qr_encoding: +(library.qr_seconds! / ours.qr_seconds!).toFixed(1),
    keep_own_encoder_if: 'whole_job >= 2',
  });
  const naive = await labelBench('naive', 500);
  emit({ bench: 'labels_naive', ...naive });
  emit({
    bench: 'labels_ratio_naive_over_ours',
    per_label_time: +(naive.seconds / naive.labels / (ours.seconds / ours.labels)).toFixed(1),
    bytes_per_label: +(naive.bytes_per_label / ours.bytes_per_label).toFixed(1),
  });

  progress('npm start on PGlite: resident memory after the demo seed and 1,000 verifications');
  emit(await embeddedRss());

  progress('booting the Node runtime on PostgreSQL with the demo data');
  const h = await openHarness('postgres', { env: { VERIFY_RATE_PER_MINUTE: '100000000' } });
  const server = await listen(h.app.fetch);
  try {
    progress(
      'verification vs a bare Hono JSON route (wrk, loopback, same process): one stamp, then 2,000 distinct stamps',
    );
    await verifyVsBare(h, emit);
    progress('memory of the verification caches, filled past their bounds');
    emit(await cacheMemory(await realTexts(h)));

    progress('1,000 codes in one request vs 1,000 single requests');
    const codes = Array.from({ length: 1000 }, (_, i) => h.codes[VERDICT_STATUSES[i % VERDICT_STATUSES.length]!]);
    const singleStart = performance.now();
    for (const code of codes) await (await fetch(`${server.origin}/api/v1/verify/${code}`)).arrayBuffer();
    const singleMs = performance.now() - singleStart;
    const bulkStart = performance.now();
    const bulk = await fetch(`${server.origin}/api/v1/verify`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ codes: codes.map((c) => stampUrl(TEST_ORIGIN, c)) }),
    });
    const body = (await bulk.json()) as { count: number };
    const bulkMs = performance.now() - bulkStart;
    if (body.count !== 1000) throw new Error('bulk verification did not return 1,000 verdicts');
    // The same 1,000 codes recorded as a retailer's intake: verdicts, items, audit and a signed receipt.
    const retailer = await h.token('retailer', { provinceCode: '20' });
    const recordStart = performance.now();
    const recorded = await fetch(`${server.origin}/api/v1/verify`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${retailer}` },
      body: JSON.stringify({ codes, record: { sessionId: 'bench-intake-1000', pointOfSale: 'Kho bench' } }),
    });
    const recordedBody = (await recorded.json()) as { intake?: { itemCount: number } };
    const recordedMs = performance.now() - recordStart;
    if (recordedBody.intake?.itemCount !== 1000)
      throw new Error('bulk verification did not record a 1,000-code intake');
    emit({
      bench: 'bulk_1000_vs_single_1000',
      single_ms: Math.round(singleMs),
      bulk_ms: Math.round(bulkMs),
      speedup: +(singleMs / bulkMs).toFixed(1),
      bulk_recorded_ms: Math.round(recordedMs),
      speedup_recorded: +(singleMs / recordedMs).toFixed(1),
      target: '>= 10',
    });

    progress('verification page on emulated slow 3G (400 kbps, 400 ms RTT) in Chromium');
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 400,
        downloadThroughput: 400_000 / 8,
        uploadThroughput: 400_000 / 8,
      });
      for (const status of ['valid', 'revoked'] as const) {
        const started = Date.now();
        await page.goto(`${server.origin.replace('127.0.0.1', 'localhost')}/S/${h.codes[status]}`, {
          waitUntil: 'domcontentloaded',
        });
        await page.locator('[role="status"] h1').waitFor();
        const paint = await page.evaluate(
          () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
        );
        emit({
          bench: 'verify_page_slow_3g',
          status,
          readable_ms: Date.now() - started,
          first_contentful_paint_ms: paint && Math.round(paint),
          target_ms: 1000,
        });
      }
    } finally {
      await browser.close();
    }

    progress('verification page weight');
    for (const status of ['valid', 'forged'] as const) {
      const html = await (await fetch(`${server.origin}/S/${h.codes[status]}`)).text();
      emit({
        bench: 'verify_page_first_view',
        status,
        html_bytes: Buffer.byteLength(html),
        gzip_bytes: gzipSync(html).length,
        external_requests: (html.match(/<(script|link|img)\b/g) ?? []).length,
        target_gzip_bytes: 14 * 1024,
      });
    }
  } finally {
    await server.close();
    await h.close();
  }

  progress('the consumer page idle and while one client floods bulk verification (default limits)');
  await pageUnderBulkFlood();

  progress('statistics at national size: 20,000 certificates over 34 provinces, 200,000 scans, on PostgreSQL');
  await statisticsAtNationalSize(emit);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
