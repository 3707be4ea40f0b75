import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const WRANGLER = join(process.cwd(), 'node_modules', '.bin', 'wrangler');

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

it('a Worker without SCAN_SALT refuses every request and says why', async () => {
  const port = await freePort();
  const wrangler = spawn(
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
      `SESSION_SECRET:${crypto.randomUUID()}${crypto.randomUUID()}`,
    ],
    {
      // No database is reached: the Worker stops before it opens one.
      env: {
        ...process.env,
        WRANGLER_SEND_METRICS: 'false',
        CI: 'true',
        CLOUDFLARE_HYPERDRIVE_LOCAL_CONNECTION_STRING_HYPERDRIVE: 'postgres://nobody:none@127.0.0.1:9/none',
      },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  wrangler.stdout!.on('data', (d) => (output += d));
  wrangler.stderr!.on('data', (d) => (output += d));
  try {
    let res: Response | null = null;
    for (const deadline = Date.now() + 90_000; !res; ) {
      res = await fetch(`http://127.0.0.1:${port}/api/v1/verify/X`).catch(() => null);
      if (!res && (Date.now() > deadline || wrangler.exitCode !== null))
        throw new Error(`wrangler dev did not start:\n${output}`);
      if (!res) await new Promise((r) => setTimeout(r, 500));
    }
    expect(res.status).toBe(500);
    for (let i = 0; i < 20 && !output.includes('SCAN_SALT is not set'); i++)
      await new Promise((r) => setTimeout(r, 250));
    expect(output).toContain('SCAN_SALT is not set: run `wrangler secret put SCAN_SALT`');
  } finally {
    if (wrangler.pid && wrangler.exitCode === null) {
      process.kill(-wrangler.pid, 'SIGTERM'); // the process group we started, and only it
      await new Promise((r) => wrangler.once('exit', r));
    }
  }
}, 120_000);
