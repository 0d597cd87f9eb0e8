/**
 * What the build, the service worker and the page share about offline copies (`docs/offline.md`):
 * the manifest of a locale, what a device has saved, and which files a save or an update fetches
 * and drops. Plain data and functions: no DOM, no Node, so unit tests run it as the worker does.
 */

/** The one cache that holds every saved locale (a file two locales need is stored once). */
export const offlineCache = 'ssm-offline';
/** Where the service worker keeps what is saved, inside its cache (never a file of the site). */
export const stateUrl = '/offline/saved';
/** The service worker's address; its scope is the whole site. */
export const workerUrl = '/sw.js';
/** Where the build writes the manifests. */
export const manifestDir = '/offline/';
/** Where the build writes a locale's manifest. */
export const manifestUrl = (locale: string) => `${manifestDir}${locale}.json`;

/** One file of an offline copy. */
export interface OfflineEntry {
  /** As the browser asks for it: `/es/cases/subway/`, `/_astro/ui.CK5wbu3V.js`. */
  url: string;
  /** A hash of the file's bytes: an update fetches a file again only when it changed. */
  revision: string;
  /** Bytes. */
  size: number;
}

/** What a reader needs to read and search one locale without a connection (`offline/{locale}.json`). */
export interface OfflineManifest {
  locale: string;
  /** How many web pages `entries` holds. */
  pages: number;
  /** Pages, their styles, scripts, fonts and images, the locale's search index and search data. */
  entries: OfflineEntry[];
  /** Saved only on request: the locale's screen PDFs, and what only the pack page needs to use them. */
  pdfs: OfflineEntry[];
}

/** What a device has saved: per locale, with or without its PDFs, and the manifest it was saved from. */
export interface SavedState {
  /** The site version (`sw.js`) that last brought the copies up to date. */
  version: string;
  locales: Record<string, { pdfs: boolean; manifest: OfflineManifest }>;
}

/** How much of a locale is saved, for the reader. */
export interface SavedSummary {
  pages: number;
  pdfs: number;
  bytes: number;
}

/** Messages the page sends the service worker; each is answered once through its port. */
export type OfflineRequest = { type: 'save'; locale: string; pdfs: boolean } | { type: 'remove'; locale: string } | { type: 'status' };
/** The answer: what is saved now, or why it could not be done. */
export type OfflineReply = { ok: true; saved: Record<string, SavedSummary> } | { ok: false; error: string };
/** Sent to every open page while files are fetched. */
export interface OfflineProgress {
  type: 'offline-progress';
  done: number;
  total: number;
}

/** Every file the saved locales need, by URL (a file two locales share appears once). */
export function wantedEntries(state: SavedState): Map<string, OfflineEntry> {
  const wanted = new Map<string, OfflineEntry>();
  for (const { pdfs, manifest } of Object.values(state.locales)) {
    for (const entry of pdfs ? [...manifest.entries, ...manifest.pdfs] : manifest.entries) wanted.set(entry.url, entry);
  }
  return wanted;
}

/**
 * What bringing a device from `saved` to `next` takes: the files to fetch (new, changed, or
 * missing from the cache), pages last so a page is never stored before what it shows; and the
 * cached URLs nothing needs any more.
 */
export function planSync(saved: SavedState, next: SavedState, cached: ReadonlySet<string>): { fetch: OfflineEntry[]; drop: string[] } {
  const had = wantedEntries(saved);
  const wanted = wantedEntries(next);
  const isPage = (url: string) => url.endsWith('/');
  const fetch = [...wanted.values()]
    .filter((entry) => !cached.has(entry.url) || had.get(entry.url)?.revision !== entry.revision)
    .sort((a, b) => Number(isPage(a.url)) - Number(isPage(b.url)) || (a.url < b.url ? -1 : 1));
  const drop = [...cached].filter((url) => url !== stateUrl && !wanted.has(url)).sort();
  return { fetch, drop };
}

/** Pages, PDFs and bytes saved per locale. */
export function summarise(state: SavedState): Record<string, SavedSummary> {
  return Object.fromEntries(
    Object.entries(state.locales).map(([locale, { pdfs, manifest }]) => {
      const files = pdfs ? [...manifest.entries, ...manifest.pdfs] : manifest.entries;
      return [
        locale,
        {
          pages: manifest.pages,
          pdfs: pdfs ? manifest.pdfs.filter((e) => e.url.endsWith('.pdf')).length : 0,
          bytes: files.reduce((sum, e) => sum + e.size, 0),
        },
      ];
    }),
  );
}
