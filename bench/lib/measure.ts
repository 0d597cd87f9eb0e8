/**
 * How the benchmark measures: commands timed with their peak memory, runs alternated A B A B,
 * medians, and the bytes a browser fetches for a page or a search.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Browser } from 'playwright-core';

export interface Run {
  seconds: number;
  /** Peak resident memory of the largest Node process of the command, in MB. */
  peakMb: number;
  stdout: string;
}

const rssHook = path.join(import.meta.dirname, 'peak-rss.mjs');

/** Runs a Node script to completion; throws with its output when it fails. */
export function runNode(args: string[], options: { cwd: string; env?: Record<string, string> }): Run {
  const rssFile = path.join(os.tmpdir(), `bench-rss-${process.pid}-${Date.now()}`);
  const started = performance.now();
  const result = spawnSync(process.execPath, args, {
    cwd: options.cwd,
    encoding: 'utf8',
    maxBuffer: 256 * 2 ** 20,
    env: { ...process.env, ...options.env, NODE_OPTIONS: `--import=${rssHook}`, BENCH_RSS_FILE: rssFile },
  });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed (exit ${result.status}):\n${result.stdout.slice(-3000)}\n${result.stderr.slice(-3000)}`);
  const kbs = fs.existsSync(rssFile) ? fs.readFileSync(rssFile, 'utf8').trim().split('\n').map(Number) : [0];
  fs.rmSync(rssFile, { force: true });
  return { seconds, peakMb: Math.max(...kbs) / 1024, stdout: result.stdout };
}

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** Runs `a` and `b` alternately, `reps` times each (A B A B…), so drift on a busy machine hits both. */
export async function alternate<T>(
  reps: number,
  a: () => T | Promise<T>,
  b: () => T | Promise<T>,
  onRun?: (which: 'A' | 'B', i: number, r: T) => void,
): Promise<{ a: T[]; b: T[] }> {
  const out: { a: T[]; b: T[] } = { a: [], b: [] };
  for (let i = 0; i < reps; i++) {
    const ra = await a();
    onRun?.('A', i, ra);
    out.a.push(ra);
    const rb = await b();
    onRun?.('B', i, rb);
    out.b.push(rb);
  }
  return out;
}

export const htmlPages = (dir: string): number => (fs.globSync('**/*.html', { cwd: dir }) as string[]).length;

/** Raw, gzip and brotli bytes of one kind of file. */
export type Sizes = { raw: number; gzip: number; brotli: number };
export type PageWeight = Record<'html' | 'css' | 'js' | 'font' | 'image', Sizes>;

function packed(file: string, compress: boolean): Sizes {
  const body = fs.readFileSync(file);
  if (!compress) return { raw: body.length, gzip: body.length, brotli: body.length };
  return { raw: body.length, gzip: zlib.gzipSync(body, { level: 9 }).length, brotli: zlib.brotliCompressSync(body).length };
}

const kindOf = (file: string): keyof PageWeight =>
  file.endsWith('.html') ? 'html' : file.endsWith('.css') ? 'css' : /\.m?js$/.test(file) ? 'js' : /\.(woff2?|ttf|otf)$/.test(file) ? 'font' : 'image';

/** Files of `siteDir` a browser fetched while `during` ran on a page of `origin`. */
async function fetched(
  browser: Browser,
  origin: string,
  route: string,
  siteDir: string,
  during?: (page: import('playwright-core').Page) => Promise<void>,
): Promise<string[]> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  let files: string[] = [];
  let inflight = 0;
  let last = performance.now();
  page.on('request', () => {
    inflight++;
    last = performance.now();
  });
  const settled = () => {
    inflight--;
    last = performance.now();
  };
  page.on('requestfailed', settled);
  page.on('requestfinished', (r) => {
    settled();
    const p = decodeURIComponent(new URL(r.url()).pathname);
    const file = path.join(siteDir, p.endsWith('/') ? `${p}index.html` : p);
    if (fs.existsSync(file) && fs.statSync(file).isFile()) files.push(file);
  });
  // Quiet for a second: what a page (or a query) loads late, on idle or after its first results,
  // counts too. Network idle alone (500 ms) let a peer's script loaded on idle in or out by chance
  // (Starlight's JavaScript: 29.8 KB in one run, 4.0 KB in the next), and after a query it returned
  // at once, the page having been idle before.
  const quiet = async () => {
    // At most 30 s: a page that never stops requesting must not hang the bench (its bytes so far count).
    const deadline = performance.now() + 30_000;
    while ((inflight > 0 || performance.now() - last < 1000) && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  };
  await page.goto(`${origin}${route}`, { waitUntil: 'networkidle' });
  await quiet();
  if (during) {
    files = [];
    await during(page);
    await quiet();
  }
  await context.close();
  return files;
}

/** Bytes of a page as a browser first loads it, by kind; text kinds also gzip and brotli. */
export async function weighPage(browser: Browser, origin: string, route: string, siteDir: string): Promise<PageWeight> {
  const weight: PageWeight = { html: zero(), css: zero(), js: zero(), font: zero(), image: zero() };
  for (const file of await fetched(browser, origin, route, siteDir)) {
    const kind = kindOf(file);
    const s = packed(file, kind === 'html' || kind === 'css' || kind === 'js');
    weight[kind].raw += s.raw;
    weight[kind].gzip += s.gzip;
    weight[kind].brotli += s.brotli;
  }
  return weight;
}

/**
 * Bytes fetched by one search, from opening search to the first results, as a host with
 * compression serves them: text and WebAssembly with brotli, Pagefind's index and fragment files
 * (already gzip-compressed) and fonts as stored.
 */
export async function searchTransfer(
  browser: Browser,
  origin: string,
  route: string,
  siteDir: string,
  search: (page: import('playwright-core').Page) => Promise<void>,
): Promise<number> {
  const files = await fetched(browser, origin, route, siteDir, search);
  return files.reduce((sum, f) => sum + packed(f, /\.(html|css|m?js|json|wasm)$/.test(f)).brotli, 0);
}

export const zero = (): Sizes => ({ raw: 0, gzip: 0, brotli: 0 });

/** Bytes of every file under `dir`. */
export const folderBytes = (dir: string): number =>
  fs.existsSync(dir)
    ? (fs.globSync('**/*', { cwd: dir }) as string[]).reduce(
        (sum, f) => sum + (fs.statSync(path.join(dir, f)).isFile() ? fs.statSync(path.join(dir, f)).size : 0),
        0,
      )
    : 0;

/**
 * Cumulative layout shift of a page as a phone on a slow link first loads it: Lighthouse's mobile
 * throttling (150 ms round trip, 1.6 Mbps down, 4× slower CPU, a 412 px screen), the shifts a
 * `PerformanceObserver` sees until the page has been still for a second. Median of `runs`. Not
 * Lighthouse itself (not installed here), but the same signal its CLS is computed from.
 */
export async function layoutShift(browser: Browser, origin: string, route: string, runs = 3): Promise<number> {
  const values: number[] = [];
  for (let i = 0; i < runs; i++) {
    const { context, page } = await throttledPhone(browser);
    await page.addInitScript(() => {
      const w = window as unknown as { __cls: number };
      w.__cls = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[])
          if (!entry.hadRecentInput) w.__cls += entry.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(`${origin}${route}`, { waitUntil: 'networkidle', timeout: 120_000 });
    await page.waitForTimeout(1000);
    values.push(await page.evaluate(() => (window as unknown as { __cls: number }).__cls));
    await context.close();
  }
  return median(values);
}

/** A phone on a slow link: Lighthouse's mobile throttling (150 ms, 1.6 Mbps, 4× slower CPU, 412 px). */
async function throttledPhone(browser: Browser) {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 150,
    downloadThroughput: (1.6 * 1024 * 1024) / 8,
    uploadThroughput: (750 * 1024) / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  return { context, page };
}

/**
 * Seconds from opening search to the first result on the screen, on a throttled phone (as for
 * layout shift), after the page has loaded; `search` opens search, types and waits for a result.
 * Median of `runs`, each in a fresh context (nothing cached).
 */
export async function searchLatency(
  browser: Browser,
  origin: string,
  route: string,
  search: (page: import('playwright-core').Page) => Promise<void>,
  runs = 3,
): Promise<number> {
  const values: number[] = [];
  for (let i = 0; i < runs; i++) {
    const { context, page } = await throttledPhone(browser);
    await page.goto(`${origin}${route}`, { waitUntil: 'networkidle', timeout: 120_000 });
    const started = performance.now();
    await search(page);
    values.push((performance.now() - started) / 1000);
    await context.close();
  }
  return median(values);
}
