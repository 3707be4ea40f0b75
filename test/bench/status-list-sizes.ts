import { gzipSync } from 'node:zlib';
import { base64url } from 'jose';
import { mergeSpans, type RangeStatus, type StatusListContent } from '../../src/domain/status-list';
import {
  BLOCK_SIZE,
  buildBlock,
  type BlockRange,
  type BlockSpan,
  zlibDeflate,
} from '../../src/domain/token-status-list';

/**
 * The two status-list forms for a national-scale register, built in memory (no database): batches
 * of 500 to 50,000 stamps one after another, a key rotation every 30 million serials, some batches
 * recalled, revoked, suspended or expired, and 0.5% of serials voided, mostly one misprint at a
 * time, some as a destroyed sheet. Sizes are of the signed documents as served (a 64-byte EdDSA
 * signature), before and after gzip on the wire.
 */
export async function statusListSizes(totalSerials: number, seed = 2026) {
  const random = mulberry32(seed);
  const first = 1_000_000;
  const ranges: (BlockRange & { kid: string })[] = [];
  for (let at = first; at < first + totalSerials; ) {
    const size = Math.min(Math.round(500 * 100 ** random()), first + totalSerials - at);
    const roll = random();
    const status: RangeStatus | null =
      roll < 0.01 ? 'recalled' : roll < 0.03 ? 'revoked' : roll < 0.04 ? 'suspended' : roll < 0.09 ? 'expired' : null;
    ranges.push({ kid: `K${1 + Math.floor((at - first) / 30_000_000)}`, first: at, last: at + size - 1, status });
    at += size;
  }
  const voids: BlockSpan[] = [];
  for (let voided = 0; voided < totalSerials * 0.005; ) {
    const at = first + Math.floor(random() * totalSerials);
    const length = random() < 0.02 ? 20 + Math.floor(random() * 80) : 1;
    voids.push({ first: at, last: Math.min(at + length - 1, first + totalSerials - 1) });
    voided += length;
  }
  voids.sort((a, b) => a.first - b.first);

  const content: StatusListContent = {
    issued: mergeSpans(ranges, (a, b) => a.kid === b.kid).map((r) => [r.kid, r.first, r.last]),
    void: mergeSpans(voids, () => true).map((v) => [v.first, v.last]),
    ranges: mergeSpans(
      ranges.filter((r) => r.status !== null),
      (a, b) => a.status === b.status,
    ).map((r) => [r.first, r.last, r.status!]),
  };
  const rangeJws = jws(
    { alg: 'EdDSA', kid: 'K1', typ: 'ocop-status-list+jwt' },
    { iss: 'https://ocop.example.vn', version: 1, iat: 1_795_400_000, ttl: 300, ...content },
  );

  const blocks = Math.floor((first + totalSerials - 1) / BLOCK_SIZE) + 1;
  let jwtBytes = 0;
  let gzipBytes = 0;
  let reasonsBytes = 0;
  let largest = 0;
  let buildMs = 0;
  let rangeAt = 0;
  let voidAt = 0;
  for (let n = 0; n < blocks; n++) {
    const hi = (n + 1) * BLOCK_SIZE - 1;
    while (rangeAt < ranges.length && ranges[rangeAt]!.last < n * BLOCK_SIZE) rangeAt++;
    while (voidAt < voids.length && voids[voidAt]!.last < n * BLOCK_SIZE) voidAt++;
    const inBlock = <T extends BlockSpan>(spans: T[], from: number) => {
      const out: T[] = [];
      for (let i = from; i < spans.length && spans[i]!.first <= hi; i++) out.push(spans[i]!);
      return out;
    };
    const started = performance.now();
    const { statuses, reasons } = buildBlock(n, inBlock(ranges, rangeAt), inBlock(voids, voidAt));
    const [lst, why] = await Promise.all([zlibDeflate(statuses), zlibDeflate(reasons)]);
    buildMs += performance.now() - started;
    const token = jws(
      { alg: 'EdDSA', kid: 'K1', typ: 'statuslist+jwt' },
      {
        iss: 'https://ocop.example.vn',
        sub: `https://ocop.example.vn/api/v1/status-lists/${n}`,
        iat: 1_795_400_000,
        exp: 1_796_004_800,
        ttl: 300,
        status_list: {
          bits: 2,
          lst: base64url.encode(lst),
          aggregation_uri: 'https://ocop.example.vn/api/v1/status-lists',
        },
        ocop_invalid_reasons: { bits: 2, lst: base64url.encode(why) },
      },
    );
    jwtBytes += token.length;
    gzipBytes += gzipSync(token).length;
    reasonsBytes += base64url.encode(why).length;
    largest = Math.max(largest, token.length);
  }
  return {
    serials: totalSerials,
    batches: ranges.length,
    voided_spans: voids.length,
    range_document: { bytes: rangeJws.length, gzip_bytes: gzipSync(rangeJws).length },
    ietf_lists: {
      lists: blocks,
      bytes: jwtBytes,
      gzip_bytes: gzipBytes,
      largest_list_bytes: largest,
      reasons_claim_bytes: reasonsBytes,
      build_and_compress_ms_per_list: +(buildMs / blocks).toFixed(1),
    },
  };
}

function jws(header: object, payload: object): string {
  return `${base64url.encode(JSON.stringify(header))}.${base64url.encode(JSON.stringify(payload))}.${'A'.repeat(86)}`;
}

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
