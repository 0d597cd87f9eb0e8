/**
 * The service worker of offline copies (`docs/offline.md`), bundled into `/sw.js` by the build.
 * A browser gets it only when its reader saves a language. It saves what the reader asked for,
 * answers from the saved copy (Workbox routes: pages from the network first, from the copy when
 * the network fails or is slow; everything else from the copy first), and when the site changes
 * (a new `sw.js`, whose version is a hash of every manifest) brings the copies up to date before
 * it takes over, fetching only files whose hash changed; it drops files no copy needs any more.
 */
import { registerRoute, setCatchHandler } from 'workbox-routing';
import { CacheFirst, NetworkFirst } from 'workbox-strategies';
import {
  manifestUrl,
  offlineCache,
  planSync,
  stateUrl,
  summarise,
  type OfflineManifest,
  type OfflineProgress,
  type OfflineReply,
  type OfflineRequest,
  type SavedState,
} from './plan.ts';

/** A hash of every manifest, written in by the build (`manifest.ts`). */
declare const OFFLINE_VERSION: string;

// The few service worker types used here (the project's TypeScript library is the DOM's).
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface ExtendableMessageEvent extends ExtendableEvent {
  data: OfflineRequest;
  ports: readonly MessagePort[];
}
interface WorkerScope {
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void>; matchAll(options: { type: 'window'; includeUncontrolled: boolean }): Promise<{ postMessage(message: unknown): void }[]> };
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'message', listener: (event: ExtendableMessageEvent) => void): void;
}
const worker = self as unknown as WorkerScope;

/** Files fetched at once while saving: enough to hide a far connection's latency, few enough for a phone. */
const parallel = 6;

const emptyState = (): SavedState => ({ version: OFFLINE_VERSION, locales: {} });

async function readState(cache: Cache): Promise<SavedState> {
  const response = await cache.match(stateUrl);
  return response ? ((await response.json()) as SavedState) : emptyState();
}

async function writeState(cache: Cache, state: SavedState): Promise<void> {
  await cache.put(stateUrl, new Response(JSON.stringify(state), { headers: { 'content-type': 'application/json' } }));
}

/** The URLs the cache holds (paths: the site is one origin). */
async function cachedUrls(cache: Cache): Promise<Set<string>> {
  return new Set((await cache.keys()).map((request) => new URL(request.url).pathname));
}

/** A locale's manifest as the site has it now; undefined when the site no longer has the locale. */
async function fetchManifest(locale: string): Promise<OfflineManifest | undefined> {
  const response = await fetch(manifestUrl(locale), { cache: 'no-cache' });
  if (response.status === 404) return undefined;
  if (!response.ok) throw new Error(`${manifestUrl(locale)}: HTTP ${response.status}`);
  return (await response.json()) as OfflineManifest;
}

/** Tells every open page how far a save or an update is. */
async function report(done: number, total: number): Promise<void> {
  const message: OfflineProgress = { type: 'offline-progress', done, total };
  for (const client of await worker.clients.matchAll({ type: 'window', includeUncontrolled: true })) client.postMessage(message);
}

/**
 * Saves `locales` (with or without PDFs) as the site has them now, beside what is already saved:
 * fetches the current manifests, then only the files that are new, changed or missing, a few at a
 * time, and stores them once all have arrived (an interrupted save changes nothing). With `prune`,
 * files no saved locale needs are removed at once; an update leaves that to `activate`, while the
 * worker it replaces may still be answering.
 */
async function sync(locales: Record<string, boolean>, prune: boolean): Promise<SavedState> {
  const cache = await caches.open(offlineCache);
  const saved = await readState(cache);
  const next = emptyState();
  for (const [locale, pdfs] of Object.entries(locales)) {
    const manifest = await fetchManifest(locale);
    if (manifest) next.locales[locale] = { pdfs, manifest };
  }
  const { fetch: missing, drop } = planSync(saved, next, await cachedUrls(cache));
  const fetched: [string, Response][] = [];
  let done = 0;
  void report(done, missing.length);
  const queue = [...missing];
  const fetchOne = async (): Promise<void> => {
    for (let entry = queue.shift(); entry; entry = queue.shift()) {
      const response = await fetch(entry.url, { cache: 'no-cache' });
      if (!response.ok) throw new Error(`${entry.url}: HTTP ${response.status}`);
      // A fresh response, not the fetched one: no redirect flag, no transfer encoding headers.
      const body = await response.arrayBuffer();
      fetched.push([entry.url, new Response(body, { headers: { 'content-type': response.headers.get('content-type') ?? '' } })]);
      void report(++done, missing.length);
    }
  };
  await Promise.all(Array.from({ length: parallel }, fetchOne));
  await Promise.all(fetched.map(([url, response]) => cache.put(url, response)));
  await writeState(cache, next);
  if (prune) await Promise.all(drop.map((url) => cache.delete(url)));
  return next;
}

/** Brings every saved locale up to date (a new worker does this while installing). */
async function refresh(): Promise<void> {
  const saved = await readState(await caches.open(offlineCache));
  const locales = Object.entries(saved.locales);
  if (locales.length) await sync(Object.fromEntries(locales.map(([locale, { pdfs }]) => [locale, pdfs])), false);
}

/** Removes what no saved locale needs; with nothing saved, the whole cache. */
async function prune(): Promise<SavedState> {
  const cache = await caches.open(offlineCache);
  const state = await readState(cache);
  if (!Object.keys(state.locales).length) {
    await caches.delete(offlineCache);
    return state;
  }
  const { drop } = planSync(state, state, await cachedUrls(cache));
  await Promise.all(drop.map((url) => cache.delete(url)));
  return state;
}

let running: Promise<unknown> = Promise.resolve();
/** Runs `task` after the ones before it: two pages saving at once must not interleave their states. */
function inTurn<T>(task: () => Promise<T>): Promise<T> {
  const run = running.then(task, task);
  running = run.catch(() => undefined);
  return run;
}

/** Does what a page asked and says what is saved now. */
async function answer(request: OfflineRequest): Promise<OfflineReply> {
  try {
    const cache = await caches.open(offlineCache);
    const saved = await readState(cache);
    const wanted = Object.fromEntries(Object.entries(saved.locales).map(([locale, { pdfs }]) => [locale, pdfs]));
    if (request.type === 'save') {
      const next = await sync({ ...wanted, [request.locale]: request.pdfs }, true);
      if (!next.locales[request.locale]) throw new Error(`${manifestUrl(request.locale)}: HTTP 404`);
      return { ok: true, saved: summarise(next) };
    }
    if (request.type === 'remove') {
      delete saved.locales[request.locale];
      await writeState(cache, saved);
      return { ok: true, saved: summarise(await prune()) };
    }
    return { ok: true, saved: summarise(saved) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

worker.addEventListener('install', (event) => event.waitUntil(refresh().then(() => worker.skipWaiting())));
worker.addEventListener('activate', (event) => event.waitUntil(prune().then(() => worker.clients.claim())));
worker.addEventListener('message', (event) => {
  const port = event.ports[0];
  event.waitUntil(inTurn(() => answer(event.data)).then((reply) => port?.postMessage(reply)));
});

// The copy is written only by `sync`: what the reader reads online is not kept.
const plugins = [{ cacheWillUpdate: async () => null }];
// Pagefind asks for its entry file with `?ts=…`; a host may vary responses by headers the copy lacks.
const matchOptions = { ignoreSearch: true, ignoreVary: true };
registerRoute(
  ({ request, sameOrigin }) => sameOrigin && request.mode === 'navigate',
  new NetworkFirst({ cacheName: offlineCache, networkTimeoutSeconds: 3, plugins, matchOptions }),
);
registerRoute(({ sameOrigin }) => sameOrigin, new CacheFirst({ cacheName: offlineCache, plugins, matchOptions }));

// A page that was not saved, opened offline: the home page of its language if that was saved
// (the site's root: the first saved language's).
setCatchHandler(async ({ request, url }) => {
  if (request.mode !== 'navigate') return Response.error();
  const cache = await caches.open(offlineCache);
  const saved = Object.keys((await readState(cache)).locales);
  const locale = saved.find((code) => url.pathname.startsWith(`/${code}/`)) ?? (url.pathname === '/' ? saved[0] : undefined);
  return (locale && (await cache.match(`/${locale}/`))) || Response.error();
});
