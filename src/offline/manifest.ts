import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { Parser } from 'htmlparser2';
import { localeCodes, localeInfo, type LocaleCode } from '../i18n/locales.ts';
import { editions } from '../pdf/editions.ts';
import { projectRoot } from '../lib/paths.ts';
import { localePath } from '../lib/urls.ts';
import { searchDataDir } from '../search/vocabulary.ts';
import { manifestDir, manifestUrl, workerUrl, type OfflineEntry, type OfflineManifest } from './plan.ts';

/** Relations of `<link>` whose target a page needs to show (not `canonical`, `alternate`, `sitemap`). */
const neededLinks = /\b(?:stylesheet|preload|modulepreload|icon)\b/;
/** A file a script names in a string: a chunk it imports, a stylesheet, an image. */
const scriptRef = /["'`]((?:\.{0,2}\/)?[\w@%.~/-]+\.(?:m?js|css|json|svg|png|webp|avif|woff2))["'`]/g;
const cssRef = /url\(\s*["']?([^"')]+)["']?\s*\)|@import\s+["']([^"']+)["']/g;

/** Site-relative path → URL the browser asks for (`es/index.html` → `/es/`). */
const urlOf = (file: string) => `/${file.replace(/(^|\/)index\.html$/, '$1')}`;

/**
 * The site file `ref` (as written in `from`) points at, if it exists. Another origin, `data:` and
 * fragments are not files; a script's string may be relative to itself or to the site
 * (`__vite__mapDeps` lists `_astro/…`), so `alsoFromRoot` tries both.
 */
function resolveRef(siteDir: string, from: string, ref: string, alsoFromRoot = false): string | undefined {
  if (/^(?:[a-z][a-z\d+.-]*:|\/\/|#)/i.test(ref)) return undefined;
  const clean = decodeURIComponent(ref.split(/[?#]/)[0] ?? '');
  const candidates = clean.startsWith('/') ? [clean.slice(1)] : [path.posix.join(path.posix.dirname(from), clean), ...(alsoFromRoot ? [clean] : [])];
  return candidates
    .map((c) => path.posix.normalize(c))
    .find((c) => !c.startsWith('..') && fs.statSync(path.join(siteDir, c), { throwIfNoEntry: false })?.isFile());
}

/** The files one file needs to be shown or run: what an HTML page loads, a stylesheet's `url()`s, a script's chunks. */
function referencesOf(siteDir: string, file: string): string[] {
  const text = fs.readFileSync(path.join(siteDir, file), 'utf8');
  const found: (string | undefined)[] = [];
  const fromScript = (js: string) => {
    for (const [, ref = ''] of js.matchAll(scriptRef)) found.push(resolveRef(siteDir, file, ref, true));
  };
  const fromCss = (css: string) => {
    for (const [, url, imported] of css.matchAll(cssRef)) found.push(resolveRef(siteDir, file, url ?? imported ?? ''));
  };
  if (file.endsWith('.css')) fromCss(text);
  else if (/\.m?js$/.test(file)) fromScript(text);
  else if (file.endsWith('.html')) {
    let inside = '';
    const parser = new Parser({
      onopentag(name, a) {
        inside = name;
        const refs = [
          name === 'link' && neededLinks.test(a['rel'] ?? '') ? a['href'] : undefined,
          a['src'],
          a['poster'],
          name === 'image' || name === 'use' ? (a['href'] ?? a['xlink:href']) : undefined,
          ...(a['srcset'] ?? '').split(',').map((candidate) => candidate.trim().split(/\s+/)[0]),
        ];
        for (const ref of refs) if (ref) found.push(resolveRef(siteDir, file, ref));
      },
      ontext(chunk) {
        if (inside === 'script') fromScript(chunk);
        else if (inside === 'style') fromCss(chunk);
      },
      onclosetag() {
        inside = '';
      },
    });
    parser.write(text);
    parser.end();
  }
  return found.filter((f): f is string => Boolean(f));
}

/** What a copy never holds: the worker (the browser keeps it) and the manifests (the worker fetches them fresh). */
const notCopied = (file: string) => `/${file}` === workerUrl || `/${file}`.startsWith(manifestDir);

/** `start` and every file it needs, transitively. */
function closure(siteDir: string, start: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const queue = [...start];
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    if (seen.has(file) || notCopied(file)) continue;
    seen.add(file);
    queue.push(...referencesOf(siteDir, file));
  }
  return seen;
}

/**
 * Pagefind's files for one language: its script and worker, the entry file, the language's
 * WebAssembly (`unknown` for languages without a stemmer), metadata, index chunks, fragments and
 * filters. Pagefind chooses the language by `<html lang>`, so nothing else is needed.
 */
function searchFiles(siteDir: string, locale: LocaleCode): string[] {
  const entryFile = path.join(siteDir, 'pagefind/pagefind-entry.json');
  if (!fs.existsSync(entryFile)) return [];
  const entry = JSON.parse(fs.readFileSync(entryFile, 'utf8')) as { languages: Record<string, { hash: string; wasm: string | null }> };
  const language = entry.languages[locale];
  if (!language) return [];
  const chunks = fs.globSync(`pagefind/{index,fragment,filter}/${locale}_*`, { cwd: siteDir }) as string[];
  const data = [`${locale}.json`, `${locale}-words.json`].map((name) => `${searchDataDir}/${name}`);
  return [
    'pagefind/pagefind.js',
    'pagefind/pagefind-worker.js',
    'pagefind/pagefind-entry.json',
    `pagefind/wasm.${language.wasm ?? 'unknown'}.pagefind`,
    `pagefind/pagefind.${language.hash}.pf_meta`,
    ...chunks,
    ...data,
  ].filter((f) => fs.existsSync(path.join(siteDir, f)));
}

/**
 * The files of one locale's offline copy, as site paths. Pages: every web page of the locale with
 * all it loads, and its search. PDFs: the screen edition of the manual and of every brochure (the
 * print edition is for print shops), and what only the pack page loads (its PDF maker is of no use
 * without the PDFs).
 */
export function offlineFiles(siteDir: string, locale: LocaleCode): { pages: string[]; files: string[]; pdfs: string[] } {
  const pages = (fs.globSync(`${locale}/**/index.html`, { cwd: siteDir }) as string[]).sort();
  const packPage = `${localePath(locale, 'pack').slice(1)}index.html`;
  const files = closure(siteDir, [...pages.filter((p) => p !== packPage), ...searchFiles(siteDir, locale)]);
  const packOnly = [...closure(siteDir, pages.includes(packPage) ? [packPage] : [])].filter((f) => !files.has(f) && f !== packPage);
  const screenPdfs = (fs.globSync(`pdf/${locale}/*.pdf`, { cwd: siteDir }) as string[]).filter((f) => !f.endsWith(`${editions.print.suffix}.pdf`));
  if (pages.includes(packPage)) files.add(packPage);
  return { pages, files: [...files].sort(), pdfs: screenPdfs.length ? [...screenPdfs, ...packOnly].sort() : [] };
}

/** A file as an entry of a manifest: its URL, a hash of its bytes and its size. */
function entryOf(siteDir: string, file: string): OfflineEntry {
  const bytes = fs.readFileSync(path.join(siteDir, file));
  return { url: urlOf(file), revision: createHash('sha256').update(bytes).digest('hex').slice(0, 16), size: bytes.length };
}

/** Bytes of some site files. */
const bytesOf = (siteDir: string, files: readonly string[]) => files.reduce((sum, f) => sum + fs.statSync(path.join(siteDir, f)).size, 0);

/**
 * Writes the size of the offline copy into the locale's pages, in the page's language
 * (`<span data-offline-size="pages"></span>`, `…="pdfs"`); a size stays empty when there is
 * nothing to save (no PDFs in a build without them), and the page hides its line.
 */
function fillSizes(siteDir: string, locale: LocaleCode, sizes: { pages: number; pdfs: number }): void {
  const megabytes = new Intl.NumberFormat(localeInfo(locale).bcp47, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 });
  const text = (bytes: number) => (bytes ? megabytes.format(Math.max(0.1, bytes / 1024 / 1024)) : '');
  for (const file of fs.globSync(`${locale}/**/index.html`, { cwd: siteDir }) as string[]) {
    const full = path.join(siteDir, file);
    const html = fs.readFileSync(full, 'utf8');
    const filled = html.replace(
      /<span data-offline-size="(pages|pdfs)"><\/span>/g,
      (_, kind: 'pages' | 'pdfs') => `<span data-offline-size="${kind}">${text(sizes[kind])}</span>`,
    );
    if (filled !== html) fs.writeFileSync(full, filled);
  }
}

/**
 * After the search index: writes each locale's manifest (`offline/{locale}.json`) and the service
 * worker (`sw.js`, bundled from `sw.ts`), and the size of each copy into the pages that offer it.
 * The worker carries a version, a hash of every manifest, so a browser that saved a copy sees a
 * new worker exactly when something it saved changed. Same site, same bytes: no dates anywhere.
 */
export async function writeOffline(siteDir: string): Promise<{ manifests: OfflineManifest[]; workerBytes: number }> {
  const manifests: OfflineManifest[] = [];
  for (const locale of localeCodes) {
    const { pages, files, pdfs } = offlineFiles(siteDir, locale);
    // Sizes first: they change the pages by a few bytes, which the manifest's hashes must see.
    fillSizes(siteDir, locale, { pages: bytesOf(siteDir, files), pdfs: bytesOf(siteDir, pdfs) });
    const manifest: OfflineManifest = {
      locale,
      pages: pages.length,
      entries: files.map((f) => entryOf(siteDir, f)),
      pdfs: pdfs.map((f) => entryOf(siteDir, f)),
    };
    const file = path.join(siteDir, manifestUrl(locale).slice(1));
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(manifest));
    manifests.push(manifest);
  }
  const version = createHash('sha256').update(JSON.stringify(manifests)).digest('hex').slice(0, 16);
  const worker = await build({
    entryPoints: [path.join(projectRoot, 'src/offline/sw.ts')],
    bundle: true,
    write: false,
    minify: true,
    format: 'iife',
    target: 'es2022',
    // Workbox logs only when NODE_ENV is not production.
    define: { 'process.env.NODE_ENV': '"production"', OFFLINE_VERSION: JSON.stringify(version) },
    logLevel: 'silent',
  });
  const code = worker.outputFiles[0]?.contents ?? new Uint8Array();
  fs.writeFileSync(path.join(siteDir, workerUrl.slice(1)), code);
  return { manifests, workerBytes: code.length };
}
