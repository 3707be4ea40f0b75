/**
 * The intake page's service worker: it keeps the page, its scripts, the JWKS, the signed status
 * lists and the province snapshot, so a back room with no signal still gets verdicts. Network
 * first (a fresh status list always wins), the cache when the network fails. It touches nothing
 * else, and never caches a write.
 */

// The few service-worker types used here (the project compiles against the DOM library).
type LifecycleEvent = Event & { waitUntil(work: Promise<unknown>): void };
type RequestEvent = LifecycleEvent & { request: Request; respondWith(response: Promise<Response>): void };
const worker = self as unknown as {
  addEventListener(type: 'install' | 'activate', listener: (event: LifecycleEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: RequestEvent) => void): void;
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  location: WorkerLocation;
};

import { FROM_CACHE_HEADER } from './intake/offline-copy';

const CACHE = 'ocop-intake-v1';
const KEPT = [
  '/console/intake/',
  '/console/intake/app.js',
  '/console/app.js',
  '/.well-known/jwks.json',
  '/api/v1/status-lists',
  '/api/v1/intakes/offline-snapshot',
];
/** One IETF Token Status List per block of 2^20 serials; the aggregation above names them all. */
const STATUS_LIST = /^\/api\/v1\/status-lists\/\d+$/;

worker.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then(async (cache) => {
        await cache.addAll(KEPT);
        const aggregation = (await (await cache.match('/api/v1/status-lists'))!.json()) as { status_lists: string[] };
        await cache.addAll(aggregation.status_lists.map((uri) => new URL(uri).pathname));
      })
      .then(() => worker.skipWaiting()),
  );
});

worker.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name !== CACHE) await caches.delete(name);
      await worker.clients.claim();
    })(),
  );
});

worker.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (
    event.request.method !== 'GET' ||
    url.origin !== worker.location.origin ||
    !(KEPT.includes(url.pathname) || STATUS_LIST.test(url.pathname))
  )
    return;
  event.respondWith(networkFirst(event.request, url.pathname));
});

async function networkFirst(request: Request, key: string): Promise<Response> {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    // Only a real page or document is kept: a redirect to sign-in or an error is not.
    if (response.ok && response.type === 'basic') await cache.put(key, response.clone());
    return response;
  } catch {
    const cached = await cache.match(key);
    if (cached) {
      // Tell the page this came from the cache: the network is down even if the device thinks it is up.
      const headers = new Headers(cached.headers);
      headers.set(FROM_CACHE_HEADER, '1');
      return new Response(cached.body, { status: cached.status, headers });
    }
    return new Response(JSON.stringify({ error: { code: 'offline', message: 'Không có mạng và chưa có bản lưu.' } }), {
      status: 503,
      headers: { 'content-type': 'application/json' },
    });
  }
}
