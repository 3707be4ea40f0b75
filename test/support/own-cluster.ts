import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

/**
 * A throwaway PostgreSQL cluster that one test may stop and start again (the way
 * test/support/provision.sh starts the shared one, which no test may stop): a temporary folder,
 * a free loopback port, its own socket folder, run as `nobody` when the tests run as root.
 */
export async function startOwnCluster() {
  const versions = readdirSync('/usr/lib/postgresql').sort((a, b) => Number(a) - Number(b));
  if (versions.length === 0)
    throw new Error('No PostgreSQL in /usr/lib/postgresql: run the suite with `npm test`, which installs it.');
  const bin = `/usr/lib/postgresql/${versions.at(-1)}/bin`;
  const root = mkdtempSync('/tmp/ocop-own-pg-');
  const data = join(root, 'data');
  mkdirSync(join(root, 'sock'));
  const asPostgres = process.getuid?.() === 0 ? ['runuser', '-u', 'nobody', '--'] : [];
  if (asPostgres.length > 0) {
    execFileSync('chown', ['-R', 'nobody', root]);
    chmodSync(root, 0o755);
  }
  const run = (tool: string, args: string[]) => {
    const [command, ...rest] = [...asPostgres, join(bin, tool), ...args];
    execFileSync(command!, rest, { stdio: 'pipe' });
  };
  const port = await freePort();
  run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--no-locale', '-E', 'UTF8']);
  const start = () =>
    run('pg_ctl', [
      '-D',
      data,
      '-l',
      join(root, 'server.log'),
      '-w',
      '-o',
      `-p ${port} -k ${join(root, 'sock')} -c listen_addresses=127.0.0.1 -c fsync=off`,
      'start',
    ]);
  const stop = () => run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
  start();
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    /** Fast shutdown: open connections are cut, new ones refused, as in a real outage. */
    stop,
    start,
    destroy: () => {
      try {
        stop();
      } catch {
        // already stopped
      }
      rmSync(root, { recursive: true, force: true });
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
