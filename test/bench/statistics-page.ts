import { sql } from 'drizzle-orm';
import { PROVINCES } from '../../src/data/provinces';
import { addDays } from '../../src/domain/calendar';
import { readStatistics } from '../../src/services/statistics/read-statistics';
import type { ServiceContext } from '../../src/services/shared/context';
import { ADMIN, openHarness } from '../support/harness';
import { statisticsView } from '../../web/console/statistics-view';
import { vi } from '../../web/words/vi';
import { seedRegistry, type SeedProduct } from '../support/statistics-registry';

const KINDS = ['htx', 'htx', 'doanh_nghiep', 'ho_kinh_doanh', 'to_hop_tac'] as const;

/** A fixed pseudo-random sequence, so every run seeds the same registry. */
function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

/**
 * The national registry at the end of 2025 (DOMAIN.md): 15,000 products over the 34 provinces and
 * ~3,300 communes, 5,000 of them re-evaluated once, so 20,000 certificates; 76% 3★, 23% 4★, 1% 5★;
 * a few revoked and suspended. Decisions spread over 2022–2026.
 */
export function nationalRegistry(products = 15_000, reevaluated = 5_000): SeedProduct[] {
  const next = random(19_2025);
  const provinces = Object.keys(PROVINCES);
  const stars = () => {
    const r = next();
    return r < 0.76 ? 3 : r < 0.99 ? 4 : 5;
  };
  return Array.from({ length: products }, (_, i) => {
    const provinceCode = provinces[i % provinces.length]!;
    const first = addDays('2022-01-01', Math.floor(next() * 1_400));
    const certificates = [{ decisionDate: first, stars: stars() }] as SeedProduct['certificates'];
    if (i < reevaluated)
      certificates.push({ decisionDate: addDays(first, 900 + Math.floor(next() * 200)), stars: stars() });
    const fate = next();
    if (fate < 0.03) Object.assign(certificates.at(-1)!, { status: 'revoked', statusChangedOn: '2026-06-15' });
    else if (fate < 0.05) Object.assign(certificates.at(-1)!, { status: 'suspended', statusChangedOn: '2026-09-01' });
    return {
      provinceCode,
      communeCode: `${provinceCode}${String(Math.floor(next() * 98)).padStart(3, '0')}`,
      kind: KINDS[Math.floor(next() * KINDS.length)]!,
      groupCode: String(1 + Math.floor(next() * 6)),
      certificates,
    };
  });
}

async function timed(ctx: ServiceContext, province: string | undefined, runs: number) {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await readStatistics({ ctx, input: { granularity: 'quarter', from: '2026-01-01', to: '2026-12-31', province } });
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return { median_ms: +samples[Math.floor(runs / 2)]!.toFixed(1), max_ms: +samples.at(-1)!.toFixed(1) };
}

/**
 * The statistics page's data at national size on PostgreSQL: the registry above, a stamp range
 * for every product, `scans` scans in 2026 and a year of intakes, reports and inspections. Timed
 * as the service answers (what the page, the API and the exports all wait for), nationally and for
 * one province, and the page itself over HTTP.
 */
export async function statisticsAtNationalSize(emit: (record: Record<string, unknown>) => void, scans = 200_000) {
  const h = await openHarness('postgres', { seed: false });
  try {
    const registry = nationalRegistry();
    const batchIds = await seedRegistry(h.db, registry, 'NAT');
    await h.db.execute(sql`insert into stamp_ranges (id, batch_id, kid, first_serial, last_serial, idempotency_key, created_by, created_at)
      select gen_random_uuid(), b.id, 'K1', 10000000 + n * 1000, 10000000 + n * 1000 + 999, 'bench', 'bench',
        timestamptz '2026-01-01 08:00+07' + (n % 330) * interval '1 day'
      from unnest(${`{${batchIds.join(',')}}`}::uuid[]) with ordinality as b(id, n)`);
    await h.db.execute(sql`insert into scans (serial, scanned_at)
      select 10000000 + (g * 7919 % ${batchIds.length}) * 1000 + g % 1000,
        timestamptz '2026-01-01 00:00+07' + (g % 320) * interval '1 day' + (g % 86400) * interval '1 second'
      from generate_series(1, ${scans}) g`);
    await h.db.execute(sql`insert into intakes (id, retailer_id, retailer_name, province_code, point_of_sale, session_id,
        started_at, finished_at, recorded_at, item_count, summary)
      select gen_random_uuid(), 'r' || g % 500, 'Cửa hàng', (array[${sql.raw(
        Object.keys(PROVINCES)
          .map((p) => `'${p}'`)
          .join(','),
      )}])[1 + g % 34],
        'Quầy', 's' || g, now(), now(), timestamptz '2026-01-01 08:00+07' + (g % 320) * interval '1 day', 10, '{}'
      from generate_series(1, 20000) g`);
    await h.db.execute(sql`analyze`);
    const ctx = h.ctx(ADMIN);
    await timed(ctx, undefined, 2); // warm-up
    const national = await timed(ctx, undefined, 7);
    const province = await timed(ctx, '01', 7);
    // The console page is the service's answer drawn as HTML (charts, tables): the drawing alone.
    const answer = await readStatistics({
      ctx,
      input: { granularity: 'quarter', from: '2026-01-01', to: '2026-12-31' },
    });
    const drawing = performance.now();
    const html = statisticsView(answer, vi, {
      filter: { granularity: 'quarter' },
      central: true,
      mayRecordTargets: false,
    });
    const renderMs = performance.now() - drawing;
    const token = await h.token('authority', { provinceCode: 'central' });
    const started = performance.now();
    const res = await h.request('/api/v1/statistics?granularity=quarter&from=2026-01-01&to=2026-12-31', {
      headers: { authorization: `Bearer ${token}` },
    });
    await res.arrayBuffer();
    emit({
      bench: 'statistics_national_size',
      certificates: registry.reduce((n, p) => n + p.certificates.length, 0),
      products: registry.length,
      provinces: Object.keys(PROVINCES).length,
      scans,
      national,
      province,
      api_ms: +(performance.now() - started).toFixed(1),
      page_render_ms: +renderMs.toFixed(1),
      page_bytes: html.toString().length,
      target_ms: 200,
    });
  } finally {
    await h.close();
  }
}
