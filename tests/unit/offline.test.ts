import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { offlineFiles, writeOffline } from '../../src/offline/manifest.ts';
import { planSync, summarise, type OfflineEntry, type SavedState } from '../../src/offline/plan.ts';
import { outRoot } from '../setup/sites.ts';

/** A built site in miniature: two Spanish pages, a pack page, their files, search for es and fr, PDFs. */
function miniSite(name: string): string {
  const dir = path.join(outRoot, name);
  fs.rmSync(dir, { recursive: true, force: true });
  const files: Record<string, string> = {
    'es/index.html': `<html lang="es"><head><link rel="stylesheet" href="/fonts/latin.css"><link rel="alternate" href="/fr/"><link rel="canonical" href="https://example.org/es/">
      <script type="module" src="/_astro/loader.js"></script></head><body><img src="/_astro/hero.svg" alt=""><a href="/es/cases/">cases</a>
      <span data-offline-size="pages"></span><span data-offline-size="pdfs"></span></body></html>`,
    'es/cases/index.html': `<html lang="es"><head><link rel="stylesheet" href="/fonts/latin.css"><style>.a{background:url("../../_astro/bg.svg")}</style></head><body></body></html>`,
    'es/pack/index.html': `<html lang="es"><head><script type="module" src="/_astro/pack.js"></script><script type="module" src="/_astro/loader.js"></script></head></html>`,
    'fr/index.html': '<html lang="fr"></html>',
    'fonts/latin.css': "@font-face{src:url(/fonts/latin-400.woff2) format('woff2')}",
    'fonts/latin-400.woff2': 'font',
    'fonts/latin-all.css': '@font-face{src:url(/fonts/slice.woff2)}',
    '_astro/loader.js': 'const d=["_astro/dialog.js"];import("./ui.js");import("/pagefind/pagefind.js")',
    '_astro/dialog.js': 'export const dialog=1',
    '_astro/ui.js': 'export const worker="/sw.js"',
    // What an earlier build left: never part of a copy.
    'sw.js': '',
    'offline/es.json': '{}',
    '_astro/pack.js': 'import("./pdf-lib.js")',
    '_astro/pdf-lib.js': 'export const lib=1',
    '_astro/hero.svg': '<svg/>',
    '_astro/bg.svg': '<svg/>',
    '_astro/unused.js': '',
    'pagefind/pagefind.js': 'pagefind',
    'pagefind/pagefind-worker.js': 'worker',
    'pagefind/pagefind-entry.json': JSON.stringify({ languages: { es: { hash: 'es_1a', wasm: 'es' }, fr: { hash: 'fr_2b', wasm: null } } }),
    'pagefind/wasm.es.pagefind': 'wasm',
    'pagefind/wasm.unknown.pagefind': 'wasm',
    'pagefind/pagefind.es_1a.pf_meta': 'meta',
    'pagefind/pagefind.fr_2b.pf_meta': 'meta',
    'pagefind/index/es_a1.pf_index': 'index',
    'pagefind/index/fr_b2.pf_index': 'index',
    'pagefind/fragment/es_c3.pf_fragment': 'fragment',
    'search-data/es.json': '{}',
    'search-data/es-words.json': '{}',
    'search-data/fr.json': '{}',
    'pdf/es/manual.pdf': '%PDF-',
    'pdf/es/manual-print.pdf': '%PDF-',
    'pdf/es/subway.pdf': '%PDF-',
    'pdf/fr/manual.pdf': '%PDF-',
  };
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

describe('the offline copy of a locale', () => {
  it('holds its pages with what they load, its search, and on request its screen PDFs with what only the pack page needs', () => {
    const { files, pdfs } = offlineFiles(miniSite('offline-mini'), 'es');
    expect(files).toEqual([
      '_astro/bg.svg',
      '_astro/dialog.js',
      '_astro/hero.svg',
      '_astro/loader.js',
      '_astro/ui.js',
      'es/cases/index.html',
      'es/index.html',
      'es/pack/index.html',
      'fonts/latin-400.woff2',
      'fonts/latin.css',
      'pagefind/fragment/es_c3.pf_fragment',
      'pagefind/index/es_a1.pf_index',
      'pagefind/pagefind-entry.json',
      'pagefind/pagefind-worker.js',
      'pagefind/pagefind.es_1a.pf_meta',
      'pagefind/pagefind.js',
      'pagefind/wasm.es.pagefind',
      'search-data/es-words.json',
      'search-data/es.json',
    ]);
    expect(pdfs).toEqual(['_astro/pack.js', '_astro/pdf-lib.js', 'pdf/es/manual.pdf', 'pdf/es/subway.pdf']);
  });

  it('uses the search files of its own language only, and Pagefind’s language-neutral WebAssembly when it has no stemmer', () => {
    const { files } = offlineFiles(miniSite('offline-mini'), 'fr');
    expect(files.filter((f) => f.startsWith('pagefind/'))).toEqual([
      'pagefind/index/fr_b2.pf_index',
      'pagefind/pagefind-entry.json',
      'pagefind/pagefind-worker.js',
      'pagefind/pagefind.fr_2b.pf_meta',
      'pagefind/pagefind.js',
      'pagefind/wasm.unknown.pagefind',
    ]);
  });

  it('writes the same manifests and service worker for the same site, and the sizes into the pages', async () => {
    const [a, b] = [miniSite('offline-mini-a'), miniSite('offline-mini-b')];
    const first = await writeOffline(a);
    await writeOffline(b);
    for (const file of ['sw.js', 'offline/es.json', 'offline/fr.json', 'es/index.html']) {
      expect(fs.readFileSync(path.join(a, file)).equals(fs.readFileSync(path.join(b, file))), file).toBe(true);
    }
    const es = first.manifests.find((m) => m.locale === 'es');
    expect(es?.pages).toBe(3);
    expect(es?.entries.find((e) => e.url === '/es/')).toMatchObject({ revision: expect.stringMatching(/^[0-9a-f]{16}$/) });
    expect(fs.readFileSync(path.join(a, 'es/index.html'), 'utf8')).toMatch(
      /<span data-offline-size="pages">0\.1 MB<\/span><span data-offline-size="pdfs">0\.1 MB<\/span>/,
    );
    // The worker changes with the site.
    fs.appendFileSync(path.join(b, 'es/cases/index.html'), ' ');
    await writeOffline(b);
    expect(fs.readFileSync(path.join(a, 'sw.js')).equals(fs.readFileSync(path.join(b, 'sw.js')))).toBe(false);
  });
});

const entry = (url: string, revision = 'r1', size = 10): OfflineEntry => ({ url, revision, size });
const state = (locales: Record<string, { entries: OfflineEntry[]; pdfs?: OfflineEntry[]; withPdfs?: boolean }>): SavedState => ({
  version: 'v',
  locales: Object.fromEntries(
    Object.entries(locales).map(([locale, m]) => [
      locale,
      { pdfs: m.withPdfs ?? false, manifest: { locale, pages: m.entries.filter((e) => e.url.endsWith('/')).length, entries: m.entries, pdfs: m.pdfs ?? [] } },
    ]),
  ),
});

describe('bringing a device’s copies up to date', () => {
  const es = [entry('/es/'), entry('/fonts/latin.css'), entry('/pagefind/pagefind.js')];
  const cachedOf = (s: SavedState) => new Set(summariseUrls(s));
  const summariseUrls = (s: SavedState) =>
    Object.values(s.locales).flatMap((l) => [...l.manifest.entries, ...(l.pdfs ? l.manifest.pdfs : [])].map((e) => e.url));

  it('fetches nothing and drops nothing when the site has not changed', () => {
    const saved = state({ es: { entries: es } });
    expect(planSync(saved, saved, cachedOf(saved))).toEqual({ fetch: [], drop: [] });
  });

  it('fetches what changed or is missing, pages last, and drops what no copy needs', () => {
    const saved = state({ es: { entries: [...es, entry('/es/partner/')] } });
    const next = state({ es: { entries: [entry('/es/', 'r2'), entry('/fonts/latin.css', 'r2'), entry('/pagefind/pagefind.js'), entry('/es/new/')] } });
    const cached = new Set(['/es/', '/fonts/latin.css', '/es/partner/', '/offline/saved']);
    const { fetch, drop } = planSync(saved, next, cached);
    expect(fetch.map((e) => e.url)).toEqual(['/fonts/latin.css', '/pagefind/pagefind.js', '/es/', '/es/new/']);
    expect(drop).toEqual(['/es/partner/']);
  });

  it('fetches a second locale’s own files only: what two locales share is stored once', () => {
    const saved = state({ es: { entries: es } });
    const next = state({ es: { entries: es }, fr: { entries: [entry('/fr/'), entry('/fonts/latin.css'), entry('/pagefind/pagefind.js')] } });
    expect(planSync(saved, next, cachedOf(saved)).fetch.map((e) => e.url)).toEqual(['/fr/']);
    // Removing one keeps what the other needs.
    expect(planSync(next, saved, cachedOf(next)).drop).toEqual(['/fr/']);
  });

  it('saves PDFs only when asked, and counts them for the reader', () => {
    const pdfs = [entry('/pdf/es/manual.pdf', 'r1', 1000), entry('/_astro/pack.js', 'r1', 50)];
    const without = state({ es: { entries: es, pdfs } });
    const withPdfs = state({ es: { entries: es, pdfs, withPdfs: true } });
    expect(planSync(without, withPdfs, cachedOf(without)).fetch.map((e) => e.url)).toEqual(['/_astro/pack.js', '/pdf/es/manual.pdf']);
    expect(summarise(without)['es']).toEqual({ pages: 1, pdfs: 0, bytes: 30 });
    expect(summarise(withPdfs)['es']).toEqual({ pages: 1, pdfs: 1, bytes: 1080 });
  });
});
