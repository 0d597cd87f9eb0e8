import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import type { Browser, Page } from 'playwright-core';
import { chromiumArgs, chromiumPath, launchChromium } from '../lib/chromium.ts';
import { serve } from '../lib/static-server.ts';
import { editionCss, type Edition } from './editions.ts';
import type { PdfJob } from './documents.ts';
import { finishPdf, buildDate, type PdfMeta } from './finish.ts';
import { destinationPages } from './toc.ts';

/** The pipeline's own code: when it changes, cached PDFs are printed again. */
const pipelineVersion = createHash('sha256')
  .update(
    fs
      .globSync('*.ts', { cwd: import.meta.dirname })
      .sort()
      .map((f) => fs.readFileSync(path.join(import.meta.dirname, f), 'utf8'))
      .join('\n'),
  )
  .digest('hex');

/** What one print run did, for the build log and the benchmark. */
export interface PrintReport {
  printed: number;
  reused: number;
  pages: number;
  seconds: number;
  files: { output: string; pages: number; bytes: number; reused: boolean }[];
}

export interface PrintOptions {
  /** Where finished PDFs are kept by content hash, so an unchanged document is not printed again. */
  cacheDir?: string | undefined;
  /** How many tabs print at once (default: the number of CPUs). */
  concurrency?: number | undefined;
  /** Called after each document. */
  onProgress?: ((done: number, total: number, job: PdfJob, seconds: number, reused: boolean) => void) | undefined;
}

/**
 * The printer itself: the Chromium binary (path, size, date) and its flags. A new browser can lay
 * out the same HTML differently, so its PDFs are printed again.
 */
async function printerVersion(): Promise<string> {
  const executable = await chromiumPath();
  const stat = fs.existsSync(executable) ? fs.statSync(executable) : undefined;
  return JSON.stringify([executable, stat?.size, stat?.mtimeMs, chromiumArgs]);
}

/** Hashes of site files by path, computed once per print run (fonts and images recur in every job). */
type FileHashes = Map<string, string>;

/** A site file's hash, and for a stylesheet, the hashes of the fonts and images it points to. */
function siteFileHash(siteDir: string, href: string, seen: FileHashes): string {
  const file = path.join(siteDir, href.replace(/[?#].*$/, ''));
  let known = seen.get(file);
  if (known !== undefined) return known;
  seen.set(file, ''); // a stylesheet that refers to itself does not loop
  const hash = createHash('sha256');
  if (fs.existsSync(file) && fs.statSync(file).isFile()) {
    const bytes = fs.readFileSync(file);
    hash.update(bytes);
    if (file.endsWith('.css')) {
      for (const [, url] of bytes.toString('utf8').matchAll(/url\(["']?([^"')]+)["']?\)/g)) {
        if (url && !url.startsWith('data:'))
          hash.update(siteFileHash(siteDir, url.startsWith('/') ? url : path.posix.join(path.posix.dirname(href), url), seen));
      }
    }
  }
  known = hash.digest('hex');
  seen.set(file, known);
  return known;
}

/**
 * The content hash of a job: everything that changes its bytes — its HTML, the stylesheets it links
 * with the fonts and images they use, the images it shows, the edition, the build date, the
 * pipeline's code and the printer (Chromium and its flags).
 */
function jobHash(siteDir: string, job: PdfJob, printer: string, seen: FileHashes): string {
  const html = fs.readFileSync(path.join(siteDir, job.route, 'index.html'));
  const hash = createHash('sha256')
    .update(pipelineVersion)
    .update(printer)
    .update(job.edition)
    .update(String(buildDate().getTime()))
    .update(JSON.stringify(job.only ?? []))
    .update(html);
  const text = html.toString('utf8');
  for (const [, href] of text.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)) hash.update(siteFileHash(siteDir, href ?? '', seen));
  for (const [, src] of text.matchAll(/<img[^>]*\ssrc="(\/[^"]+)"/g)) hash.update(siteFileHash(siteDir, src ?? '', seen));
  return hash.digest('hex').slice(0, 24);
}

/** Waits until fonts and images are ready, so nothing prints in a fallback font or half-loaded. */
async function settle(page: Page): Promise<void> {
  await page.evaluate(async () => {
    // Lazy images below the fold would never load for print: load them all now.
    for (const img of document.images) img.loading = 'eager';
    await document.fonts.ready;
    await Promise.all(
      [...document.images].map((img) =>
        img.complete
          ? undefined
          : new Promise((resolve) => {
              img.addEventListener('load', resolve, { once: true });
              img.addEventListener('error', resolve, { once: true });
            }),
      ),
    );
  });
}

/** Where a print page finds its edition's stylesheet (served by the printer, never by the site). */
const editionCssPath = '/__ssm/edition/';

/** Prints one job in an open tab: for the manual, twice, to fill in the contents' page numbers. */
async function render(page: Page, origin: string, job: PdfJob): Promise<{ bytes: Uint8Array; meta: PdfMeta }> {
  await page.goto(`${origin}${job.route}`, { waitUntil: 'load' });
  // The edition's sheet size comes as a stylesheet from the page's own origin (served by the
  // route below), so the page's CSP stays on while printing: nothing inline is added.
  await page.evaluate(
    (href) =>
      new Promise<void>((resolve) => {
        const link = document.createElement('link');
        link.rel = 'stylesheet';
        link.href = href;
        link.addEventListener('load', () => resolve(), { once: true });
        link.addEventListener('error', () => resolve(), { once: true });
        document.head.append(link);
      }),
    `${editionCssPath}${job.edition}.css`,
  );
  // Links to web pages lead to the public site, never to the local server the PDF was printed from.
  await page.evaluate(() => {
    const site = document.querySelector<HTMLMetaElement>('meta[name="ssm-site"]')?.content ?? '';
    for (const a of document.querySelectorAll<HTMLAnchorElement>('a[href^="/"]')) a.href = site + (a.getAttribute('href') ?? '');
  });
  if (job.only) {
    await page.evaluate((keep) => {
      for (const el of document.querySelectorAll<HTMLElement>('[data-case]')) if (!keep.includes(el.dataset['case'] ?? '')) el.remove();
      for (const el of document.querySelectorAll<HTMLElement>('.toc [data-toc-for^="case-"]'))
        if (!keep.includes((el.dataset['tocFor'] ?? '').slice(5))) el.closest('li')?.remove();
    }, job.only);
  }
  await settle(page);
  const print = () => page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: job.edition === 'screen', outline: true });
  let bytes = await print();
  const toc = await page.$$eval('[data-toc-for]', (els) => els.map((el) => (el as HTMLElement).dataset['tocFor'] ?? ''));
  if (toc.length) {
    // Chromium has no target-counter(): read where each part landed, write the numbers, print again, check.
    for (let pass = 0; pass < 3; pass++) {
      const where = destinationPages(await PDFDocument.load(bytes));
      const numbers = Object.fromEntries(toc.map((id) => [id, where.get(id)]));
      const missing = toc.filter((id) => numbers[id] === undefined);
      if (missing.length) throw new Error(`${job.route}: contents entries with no destination in the PDF: ${missing.join(', ')}`);
      const changed = await page.evaluate((nums) => {
        let changed = false;
        for (const el of document.querySelectorAll<HTMLElement>('[data-toc-for]')) {
          const text = String(nums[el.dataset['tocFor'] ?? ''] ?? '');
          if (el.textContent !== text) {
            el.textContent = text;
            changed = true;
          }
        }
        return changed;
      }, numbers);
      if (!changed) break;
      bytes = await print();
      if (pass === 2) throw new Error(`${job.route}: contents page numbers did not settle after three passes`);
    }
  }
  const meta = await page.evaluate(() => ({
    title: document.title,
    subject: document.querySelector<HTMLMetaElement>('meta[name=description]')?.content ?? '',
    keywords: (document.querySelector<HTMLMetaElement>('meta[name=keywords]')?.content ?? '').split(', ').filter(Boolean),
    lang: document.documentElement.lang,
    // Headings that are laid out (not display: none), in document order: the bookmarks Chromium makes.
    headings: [...document.querySelectorAll<HTMLElement>('h1, h2, h3, h4, h5, h6')]
      .filter((h) => h.getClientRects().length > 0)
      .map((h) => (h.textContent ?? '').replace(/[ \t\r\n]+/g, ' ').trim()),
  }));
  return { bytes, meta };
}

/**
 * Prints PDFs from a built site: one Chromium, a small pool of tabs, a content-hash cache, each
 * file written under a temporary name and renamed when complete. A crash or timeout is retried
 * once, then fails naming the document.
 */
export async function printJobs(siteDir: string, outDir: string, jobs: PdfJob[], options: PrintOptions = {}): Promise<PrintReport> {
  const started = performance.now();
  const report: PrintReport = { printed: 0, reused: 0, pages: 0, seconds: 0, files: [] };
  const cacheDir = options.cacheDir;
  if (cacheDir) fs.mkdirSync(cacheDir, { recursive: true });
  const printer = await printerVersion();
  const seen: FileHashes = new Map();
  const queue = jobs.map((job) => ({ job, hash: jobHash(siteDir, job, printer, seen) }));
  const todo = queue.filter(({ hash }) => !cacheDir || !fs.existsSync(path.join(cacheDir, `${hash}.pdf`)));
  let browser: Browser | undefined;
  let server: Awaited<ReturnType<typeof serve>> | undefined;
  if (todo.length) {
    server = await serve(siteDir);
    browser = await launchChromium();
  }
  let done = 0;
  const write = (job: PdfJob, bytes: Uint8Array, pages: number, reused: boolean) => {
    const target = path.join(outDir, job.output);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const temp = `${target}.tmp-${process.pid}`;
    fs.writeFileSync(temp, bytes);
    fs.renameSync(temp, target);
    report.files.push({ output: job.output, pages, bytes: bytes.length, reused });
    report.pages += pages;
  };
  try {
    const work = [...queue];
    const workers = Array.from({ length: Math.max(1, Math.min(options.concurrency ?? os.cpus().length, work.length)) }, async () => {
      // Printed under the page's own CSP: the edition CSS is a same-origin stylesheet (routed here).
      const page = browser ? await (await browser.newContext()).newPage() : undefined;
      await page?.route(`**${editionCssPath}*.css`, (route) => {
        const edition = /(\w+)\.css$/.exec(new URL(route.request().url()).pathname)?.[1];
        return edition === 'screen' || edition === 'print'
          ? route.fulfill({ contentType: 'text/css', body: editionCss(edition) })
          : route.fulfill({ status: 404 });
      });
      page?.setDefaultTimeout(120_000);
      try {
        for (let next = work.shift(); next; next = work.shift()) {
          const { job, hash } = next;
          const t0 = performance.now();
          const cached = cacheDir ? path.join(cacheDir, `${hash}.pdf`) : undefined;
          let bytes: Uint8Array;
          let reused = false;
          if (cached && fs.existsSync(cached)) {
            bytes = fs.readFileSync(cached);
            reused = true;
            report.reused++;
          } else {
            if (!page) throw new Error('no browser tab');
            let result;
            try {
              result = await render(page, server?.origin ?? '', job);
            } catch (first) {
              // One retry: a crashed or timed-out tab gets a second chance; a second failure stops the build.
              try {
                result = await render(page, server?.origin ?? '', job);
              } catch (second) {
                throw new Error(
                  `printing ${job.output} failed twice: ${second instanceof Error ? second.message : String(second)} (first: ${first instanceof Error ? first.message : String(first)})`,
                  { cause: second },
                );
              }
            }
            bytes = await finishPdf(result.bytes, job.edition, result.meta);
            if (cached) fs.writeFileSync(cached, bytes);
            report.printed++;
          }
          const pages = (await PDFDocument.load(bytes, { updateMetadata: false })).getPageCount();
          write(job, bytes, pages, reused);
          options.onProgress?.(++done, queue.length, job, (performance.now() - t0) / 1000, reused);
        }
      } finally {
        await page?.close();
      }
    });
    await Promise.all(workers);
  } finally {
    await browser?.close();
    await server?.close();
  }
  report.seconds = (performance.now() - started) / 1000;
  report.files.sort((a, b) => a.output.localeCompare(b.output));
  return report;
}

/** The edition of a job, for callers that only have the output name. */
export function editionOf(output: string): Edition {
  return output.endsWith('-print.pdf') ? 'print' : 'screen';
}
