import { setFlagsFromString } from 'node:v8';

/**
 * The embedded default is held to 300 MB RSS (README, "Memory"); set before anything is loaded:
 * - V8 lets the young generation grow to 3 x 16 MB of mostly empty semi-spaces once startup has
 *   allocated a lot; kept at its initial size it costs about 60 MB less, for a few more
 *   sub-millisecond scavenges.
 * - PGlite is PostgreSQL compiled to 9 MB of WebAssembly. V8 compiles it at once with its baseline
 *   compiler and then again, optimised, where it is hot, keeping both; the baseline code alone
 *   saves about 50 MB, and verification timings did not measurably change.
 * With DATABASE_URL the process is left as Node starts it.
 */
if (!process.env.DATABASE_URL) {
  setFlagsFromString('--semi-space-growth-factor=1');
  setFlagsFromString('--liftoff-only');
}

const { main } = await import('./node/start');
main().catch((error: unknown) => {
  console.error(`Could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
