import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { freePort, launchChromium, listen } from './browser';
import { openHarness, type Harness } from './harness';

/**
 * The console in Chromium: the demo on real PostgreSQL, served on http://localhost (a secure
 * context, so passkeys work) at the port the WebAuthn origin names, and one browser.
 */
export function consoleInBrowser() {
  const env = {} as { h: Harness; browser: Browser; server: Awaited<ReturnType<typeof listen>> };
  beforeAll(async () => {
    const port = await freePort();
    env.h = await openHarness('postgres', { env: { CONSOLE_ORIGIN: `http://localhost:${port}` } });
    env.server = await listen(env.h.app.fetch, port);
    env.browser = await launchChromium();
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.server?.close();
    await env.h?.close();
  });
  return env;
}
