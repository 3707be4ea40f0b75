import { spawn, type ChildProcess } from 'node:child_process';

export type ServiceProcess = {
  port: number;
  origin: string;
  child: ChildProcess;
  /** Everything it printed so far. */
  output: () => string;
  /** Demo stamp codes by status, as `npm start` printed them. */
  codes: Map<string, string>;
  stop: (signal: NodeJS.Signals) => Promise<number | null>;
};

export const freePort = () => 20000 + Math.floor(Math.random() * 20000);

/**
 * `npm start` for real: src/node.ts through tsx, as one child process on the given DATA_DIR (the
 * tsx command would add a parent process, and a SIGKILL of it would leave the service running).
 */
export async function startService(dataDir: string, env: Record<string, string> = {}): Promise<ServiceProcess> {
  const port = freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/node.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      VERIFY_RATE_PER_MINUTE: '100000000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const deadline = Date.now() + 170_000;
  while (!output.includes('OCOP stamp service on')) {
    if (Date.now() > deadline || child.exitCode !== null || child.signalCode !== null) {
      child.kill('SIGKILL');
      throw new Error(`npm start did not come up:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const codes = new Map<string, string>();
  for (const match of output.matchAll(/^\s+(\w+)\s+http\S+\/S\/(\S+)$/gm)) codes.set(match[1]!, match[2]!);
  return {
    port,
    origin: `http://127.0.0.1:${port}`,
    child,
    output: () => output,
    codes,
    stop: async (signal) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** Verification requests from two concurrent clients until stopped; scans make the service write. */
export function verificationTraffic(origin: () => string, codes: string[]) {
  const stats = { answered: 0, serverErrors: 0, unreachable: 0 };
  let running = true;
  const client = async () => {
    for (let i = 0; running; i++) {
      try {
        const res = await fetch(`${origin()}/api/v1/verify/${codes[i % codes.length]}`);
        await res.arrayBuffer();
        if (res.status >= 500) stats.serverErrors++;
        else stats.answered++;
      } catch {
        stats.unreachable++; // the service is down between a kill and its restart
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  };
  const clients = [client(), client()];
  return {
    stats,
    stop: async () => {
      running = false;
      await Promise.all(clients);
      return stats;
    },
  };
}
