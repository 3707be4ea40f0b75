import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeCertificateStatus } from '../../src/services/lifecycle/change-certificate-status';
import type { Verdict } from '../../src/services/verification/verdict-types';
import { listen } from '../support/browser';
import { openHarness, type Harness } from '../support/harness';

/**
 * DESIGN.md: "When a revocation commits, the origin shows it on the next request." Scanners hammer
 * one stamp over HTTP against real PostgreSQL while an inspector's revocation commits; no
 * response to a request that started after the commit may still say `valid`.
 */
describe('revocation under concurrent verification (real PostgreSQL)', () => {
  let h: Harness;
  let server: Awaited<ReturnType<typeof listen>>;
  beforeAll(async () => {
    h = await openHarness('postgres');
    server = await listen(h.app.fetch);
  });
  afterAll(async () => {
    await server?.close();
    await h?.close();
  });

  it('never answers valid to a request that starts after the revocation commits', async () => {
    const valid = (await (await h.request(`/api/v1/verify/${h.codes.valid}`)).json()) as Verdict;
    const samples: { start: number; status: string }[] = [];
    let stop = false;
    const scanner = async (path: string) => {
      while (!stop) {
        const start = performance.now();
        const res = await fetch(`${server.origin}${path}`, { headers: { accept: 'application/json' } });
        samples.push({ start, status: ((await res.json()) as Verdict).status });
      }
    };
    const scanners = Array.from({ length: 8 }, (_, i) =>
      scanner(i % 2 ? `/api/v1/verify/${h.codes.valid}` : `/S/${h.codes.valid}`),
    );
    await new Promise((r) => setTimeout(r, 400));
    await changeCertificateStatus({
      ctx: h.ctx({ kind: 'system', id: 'inspector-20', role: 'inspector', provinceCode: '20', subjectId: null }),
      input: {
        certificateId: valid.certificateId!,
        action: 'revoke',
        grounds: 'violation',
        effectiveOn: '2026-11-23',
        reason: 'Vi phạm an toàn thực phẩm',
        basis: '45/QĐ-UBND',
        decidedBy: 'UBND tỉnh Lạng Sơn',
      },
    });
    const committedAt = performance.now();
    // Enough requests after the commit to mean something, however busy the machine is.
    const startedAfter = () => samples.filter((s) => s.start > committedAt).length;
    while (startedAfter() <= 20 && performance.now() - committedAt < 30_000)
      await new Promise((r) => setTimeout(r, 50));
    stop = true;
    await Promise.all(scanners);

    const before = samples.filter((s) => s.start < committedAt);
    const after = samples.filter((s) => s.start > committedAt);
    expect(before.some((s) => s.status === 'valid')).toBe(true);
    expect(after.length).toBeGreaterThan(20);
    expect(after.filter((s) => s.status !== 'revoked')).toEqual([]);
  });
});
