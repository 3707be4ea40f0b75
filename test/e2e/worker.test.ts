import { compactVerify, createLocalJWKSet, type JSONWebKeySet } from 'jose';
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rotateSigningKey } from '../../src/services/keys/rotate-signing-key';
import type { Verdict } from '../../src/services/verification/verdict-types';
import { ADMIN, openHarness, type Harness } from '../support/harness';
import { harnessKek } from '../support/second-runtime';

const WRANGLER = join(process.cwd(), 'node_modules', '.bin', 'wrangler');
const env = { ...process.env, WRANGLER_SEND_METRICS: 'false', CI: 'true' };

async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

describe('Cloudflare Worker', () => {
  it('bundles with wrangler, without PGlite', () => {
    const outdir = mkdtempSync(join(tmpdir(), 'ocop-worker-'));
    execFileSync(WRANGLER, ['deploy', '--dry-run', '--outdir', outdir], { env, stdio: 'pipe' });
    const bundle = readFileSync(join(outdir, 'worker.js'), 'utf8');
    expect(bundle).toContain('/.well-known/jwks.json');
    expect(bundle).not.toMatch(/pglite/i);
  });

  describe('in workerd against the test PostgreSQL', () => {
    let h: Harness;
    let wrangler: ChildProcess;
    let origin: string;
    let output = '';

    beforeAll(async () => {
      h = await openHarness('postgres');
      const port = await freePort();
      origin = `http://127.0.0.1:${port}`;
      wrangler = spawn(
        WRANGLER,
        [
          'dev',
          '--local',
          '--ip',
          '127.0.0.1',
          '--port',
          String(port),
          '--show-interactive-dev-session=false',
          '--var',
          `KEY_ENCRYPTION_KEY:${harnessKek(h)}`,
          '--var',
          'PUBLIC_ORIGIN:https://ocop.example.vn',
          '--var',
          `SESSION_SECRET:${crypto.randomUUID()}${crypto.randomUUID()}`,
          '--var',
          'SCAN_SALT:test-only-salt-not-a-secret',
        ],
        {
          env: { ...env, CLOUDFLARE_HYPERDRIVE_LOCAL_CONNECTION_STRING_HYPERDRIVE: h.databaseUrl! },
          detached: true,
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      wrangler.stdout!.on('data', (d) => (output += d));
      wrangler.stderr!.on('data', (d) => (output += d));
      const deadline = Date.now() + 90_000;
      for (;;) {
        try {
          if ((await fetch(`${origin}/healthz`)).ok) break;
        } catch {
          // not listening yet
        }
        if (Date.now() > deadline || wrangler.exitCode !== null)
          throw new Error(`wrangler dev did not start:\n${output}`);
        await new Promise((r) => setTimeout(r, 500));
      }
    }, 120_000);

    afterAll(async () => {
      if (wrangler?.pid && wrangler.exitCode === null) {
        process.kill(-wrangler.pid, 'SIGTERM'); // the process group we started, and only it
        await new Promise((r) => wrangler.once('exit', r));
      }
      await h?.close();
    });

    it('verifies stamps through Hyperdrive and postgres.js', async () => {
      for (const status of ['valid', 'revoked', 'forged', 'unknown'] as const) {
        const res = await fetch(`${origin}/api/v1/verify/${h.codes[status]}`);
        expect(res.status).toBe(200);
        expect(((await res.json()) as Verdict).status).toBe(status);
      }
      const page = await fetch(`${origin}/S/${h.codes.valid}`);
      expect(await page.text()).toContain('data-status="valid"');
      const jwks = (await (await fetch(`${origin}/.well-known/jwks.json`)).json()) as { keys: { kid: string }[] };
      expect(jwks.keys.map((k) => k.kid)).toEqual(['K1']);
      // Sign-in starts through the same app (a challenge is issued and stored).
      const options = await fetch(`${origin}/api/v1/auth/sign-in/options`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      expect(((await options.json()) as { challenge: string }).challenge).toBeTruthy();
    });

    it('serves the Token Status List gzipped once on the wire, CORS on public paths and /s/ in workerd', async () => {
      const { request } = await import('node:http');
      const raw = await new Promise<{ headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
        request(
          `${origin}/api/v1/status-lists/0`,
          { headers: { 'accept-encoding': 'gzip', origin: 'https://app.example' } },
          (res) => {
            const chunks: Buffer[] = [];
            res
              .on('data', (c: Buffer) => chunks.push(c))
              .on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
          },
        )
          .on('error', reject)
          .end();
      });
      expect(raw.headers['content-encoding']).toBe('gzip');
      expect(raw.headers['access-control-allow-origin']).toBe('*');
      const jwt = gunzipSync(raw.body).toString();
      expect(JSON.parse(Buffer.from(jwt.split('.')[0]!, 'base64url').toString())).toMatchObject({
        typ: 'statuslist+jwt',
      });
      const preflight = await fetch(`${origin}/api/v1/verify`, {
        method: 'OPTIONS',
        headers: {
          origin: 'https://app.example',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      });
      expect([preflight.status, preflight.headers.get('access-control-allow-origin')]).toEqual([204, '*']);
      const lower = await fetch(`${origin}/s/${h.codes.valid.toLowerCase()}`, {
        headers: { accept: 'application/json' },
      });
      expect(((await lower.json()) as Verdict).status).toBe('valid');
    });

    it('prints a label sheet in workerd: bundled font, fontkit and the module font', async () => {
      const valid = (await (await fetch(`${origin}/api/v1/verify/${h.codes.valid}`)).json()) as Verdict;
      const token = await h.token('producer', { subjectId: valid.subjectId! });
      const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
      const job = (await (
        await fetch(`${origin}/api/v1/batches/${valid.batchId}/print`, {
          method: 'POST',
          headers: auth,
          body: JSON.stringify({ quantity: 2, template: 'roll-50x30', idempotencyKey: 'workerd-print-1' }),
        })
      ).json()) as { parts: { url: string }[] };
      const pdf = await fetch(`${origin}${job.parts[0]!.url}`, { headers: auth });
      expect(pdf.headers.get('content-type')).toBe('application/pdf');
      expect(
        Buffer.from(await pdf.arrayBuffer())
          .subarray(0, 5)
          .toString(),
      ).toBe('%PDF-');
    });

    it('records a retailer intake in workerd and signs a receipt the JWKS verifies', async () => {
      const token = await h.token('retailer', { provinceCode: '20' });
      const res = await fetch(`${origin}/api/v1/intakes`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          sessionId: 'workerd-intake-1',
          pointOfSale: 'Kho Workers',
          items: [{ code: h.codes.valid }, { code: h.codes.revoked }],
        }),
      });
      expect(res.status).toBe(201);
      const { receipt, verdicts } = (await res.json()) as { receipt: string; verdicts: Verdict[] };
      expect(verdicts.map((v) => v.status)).toEqual(['valid', 'revoked']);
      const jwks = (await (await fetch(`${origin}/.well-known/jwks.json`)).json()) as JSONWebKeySet;
      await expect(compactVerify(receipt, createLocalJWKSet(jwks))).resolves.toBeTruthy();
    });

    it('writes the scan after the response, in waitUntil', async () => {
      const count = async () =>
        ((await (await fetch(`${origin}/api/v1/verify/${h.codes.expired}`)).json()) as Verdict).scans!.count;
      const before = await count();
      await fetch(`${origin}/S/${h.codes.expired}`);
      let after = before;
      for (let i = 0; i < 20 && after === before; i++) {
        await new Promise((r) => setTimeout(r, 100));
        after = await count();
      }
      expect(after).toBe(before + 1);
    });

    it('signs with a key another instance rotated in, without a restart (keys come from the database)', async () => {
      await rotateSigningKey({ ctx: h.ctx(ADMIN) });
      const valid = (await (await fetch(`${origin}/api/v1/verify/${h.codes.valid}`)).json()) as Verdict;
      expect(valid.status).toBe('valid');
      const token = await h.token('producer', { subjectId: valid.subjectId! });
      const res = await fetch(`${origin}/api/v1/batches/${valid.batchId}/stamps`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ quantity: 1, idempotencyKey: 'workerd-after-rotation' }),
      });
      expect(res.status).toBe(201);
      const issued = (await res.json()) as { range: { kid: string }; firstPage: { stamps: { url: string }[] } };
      expect(issued.range.kid).toBe('K2');
      const code = issued.firstPage.stamps[0]!.url.split('/S/')[1]!;
      expect(((await (await fetch(`${origin}/api/v1/verify/${code}`)).json()) as Verdict).status).toBe('valid');
      const jwks = (await (await fetch(`${origin}/.well-known/jwks.json`)).json()) as {
        keys: { kid: string; status: string }[];
      };
      expect(jwks.keys.map((k) => `${k.kid}:${k.status}`)).toEqual(['K1:retired', 'K2:active']);
    });
  });
});
