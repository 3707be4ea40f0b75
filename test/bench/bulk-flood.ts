/**
 * One client flooding bulk verification, in its own process so that its work is not the server's:
 * `tsx bulk-flood.ts <port> <seconds> <codes.json> <requests a minute> [token]` keeps three 1,000-code
 * requests in flight from 127.0.0.2 (one address, as one client is), no more often than the given
 * rate (0: as fast as answers come), and prints how they were answered.
 */
import { readFileSync } from 'node:fs';
import { request } from 'node:http';

const [port, seconds, codesFile, perMinute, token] = process.argv.slice(2) as [
  string,
  string,
  string,
  string,
  string | undefined,
];
const body = JSON.stringify({ codes: JSON.parse(readFileSync(codesFile, 'utf8')) as string[] });
const headers = {
  'content-type': 'application/json',
  'content-length': Buffer.byteLength(body),
  ...(token ? { authorization: `Bearer ${token}` } : {}),
};
const statuses: Record<number, number> = {};
const until = Date.now() + Number(seconds) * 1000;

const post = () =>
  new Promise<number>((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: Number(port),
        path: '/api/v1/verify',
        method: 'POST',
        localAddress: '127.0.0.2',
        headers,
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(body);
  });

const spacingMs = Number(perMinute) > 0 ? (3 * 60_000) / Number(perMinute) : 0; // per loop, three loops
await Promise.all(
  Array.from({ length: 3 }, async (_, loop) => {
    let next = Date.now() + (loop * spacingMs) / 3;
    while (Date.now() < until) {
      await new Promise((r) => setTimeout(r, Math.max(0, next - Date.now())));
      next += spacingMs;
      const status = await post();
      statuses[status] = (statuses[status] ?? 0) + 1;
    }
  }),
);
console.log(JSON.stringify(statuses));
