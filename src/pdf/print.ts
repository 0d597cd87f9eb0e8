import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ParseSpeeds, PDFDocument } from 'pdf-lib';
import type { Browser, Page } from 'playwright-core';
import { chromiumArgs, chromiumPath, launchChromium } from '../lib/chromium.ts';
import { serve } from '../lib/static-server.ts';
import { editionCss, type Edition } from './editions.ts';
import type { PdfJob } from './documents.ts';
import { finishPdf, buildDate, type PdfMeta } from './finish.ts';
import { iccFiles } from './standards.ts';
import { destinationPages, graftPages } from './toc.ts';

/** The pipeline's own code and the colour profiles it embeds: when they change, cached PDFs are printed again. */
const pipelineVersion = createHash('sha256')
  .update(
    fs
      .globSync('*.ts', { cwd: import.meta.dirname })
      .sort()
      .map((f) => fs.readFileSync(path.join(import.meta.dirname, f), 'utf8'))
      .join('\n'),
  )
  .update(Buffer.concat(iccFiles.map((f) => fs.readFileSync(f))))
  .digest('hex');

/** What one print run did, for the build log and the benchmark. */
export interface PrintReport {
  /** PDFs written from a new print (each print gives both editions). */
  printed: number;
  /** Times Chromium printed (a document with a contents page prints its front pages a second time). */
  prints: number;
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
 * The content hash of a document: everything that changes its bytes — its HTML, the stylesheets it
 * links with the fonts and images they use, the images it shows, the build date, the pipeline's
 * code and the printer (Chromium and its flags). Both editions come from the same print.
 */
function documentHash(siteDir: string, doc: PrintDocument, printer: string, seen: FileHashes): string {
  const html = fs.readFileSync(path.join(siteDir, doc.route, 'index.html'));
  const hash = createHash('sha256')
    .update(pipelineVersion)
    .update(printer)
    .update(String(buildDate().getTime()))
    .update(JSON.stringify(doc.only ?? []))
    .update(html);
  const text = html.toString('utf8');
  for (const [, href] of text.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)) hash.update(siteFileHash(siteDir, href ?? '', seen));
  for (const [, src] of text.matchAll(/<img[^>]*\ssrc="(\/[^"]+)"/g)) hash.update(siteFileHash(siteDir, src ?? '', seen));
  return hash.digest('hex').slice(0, 24);
}

/** One print of a route: the jobs (editions) it gives. */
interface PrintDocument {
  route: string;
  only?: string[] | undefined;
  jobs: PdfJob[];
  hash: string;
}

/** Waits until fonts and images are ready, so nothing prints in a fallback font or half-loaded. */
async function settle(page: Page): Promise<void> {
  await page.evaluate(async () => {
    // Print routes write every image eager (ResponsiveImage); switching a lazy one here would
    // make Chromium wait 2 s in page.pdf.
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

/** Contents page numbers by part id (`case-subway` → 7). */
type TocNumbers = Record<string, number>;

/** Writes contents page numbers into the page; true when any number changed. */
function fillToc(page: Page, numbers: TocNumbers): Promise<boolean> {
  return page.evaluate((nums) => {
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
}

/**
 * Prints only the front of the document: everything up to and including the contents (the parts
 * after it are taken out of the page for this print and put back after).
 */
async function printFront(page: Page, print: () => Promise<Uint8Array>): Promise<Uint8Array> {
  await page.evaluate(() => {
    const removed: [ParentNode, ChildNode, ChildNode | null][] = [];
    for (let node: Node | null = document.querySelector('.toc'); node && node !== document.body; node = node.parentNode) {
      for (let sibling = node.nextSibling; sibling;) {
        const next: ChildNode | null = sibling.nextSibling;
        removed.push([node.parentNode as ParentNode, sibling, next]);
        sibling.remove();
        sibling = next;
      }
    }
    (window as unknown as { ssmRemoved: typeof removed }).ssmRemoved = removed;
  });
  try {
    return await print();
  } finally {
    await page.evaluate(() => {
      const removed = (window as unknown as { ssmRemoved: [ParentNode, ChildNode, ChildNode | null][] }).ssmRemoved;
      for (const [parent, node, next] of removed.reverse()) parent.insertBefore(node, next);
    });
  }
}

/**
 * Prints one document in an open tab, on the print edition's sheet (both editions are cut from
 * it). A document with a contents page is printed with 0 in every number slot, then its front
 * again with the real numbers (see below): always the same two steps, so the bytes depend on the
 * document alone, never on what a machine printed before.
 */
async function render(
  page: Page,
  origin: string,
  job: { route: string; only?: string[] | undefined },
): Promise<{ bytes: Uint8Array | PDFDocument; meta: PdfMeta; prints: number }> {
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
    `${editionCssPath}print.css`,
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
  const toc = await page.$$eval('[data-toc-for]', (els) => els.map((el) => (el as HTMLElement).dataset['tocFor'] ?? ''));
  // Every number slot holds a number when printed (0), so contents pages printed again with the
  // right numbers carry the same tags as the first print's.
  if (toc.length) await fillToc(page, Object.fromEntries(toc.map((id) => [id, 0])));
  await settle(page);
  const meta = await page.evaluate(() => ({
    title: document.title,
    subject: document.querySelector<HTMLMetaElement>('meta[name=description]')?.content ?? '',
    keywords: (document.querySelector<HTMLMetaElement>('meta[name=keywords]')?.content ?? '').split(', ').filter(Boolean),
    lang: document.documentElement.lang,
    // Headings that are laid out (not display: none), in document order: the bookmarks Chromium makes.
    headings: [...document.querySelectorAll<HTMLElement>('h1, h2, h3, h4, h5, h6')]
      .filter((h) => h.getClientRects().length > 0)
      .map((h) => (h.textContent ?? '').replace(/[ \t\r\n]+/g, ' ').trim()),
    // What each internal link leads to: the target's heading (a part's first heading), else the link's words.
    targets: Object.fromEntries(
      [...document.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')].map((a) => {
        const id = decodeURIComponent(a.hash.slice(1));
        const target = document.getElementById(id);
        const heading = target?.matches('h1, h2, h3, h4, h5, h6') ? target : target?.querySelector('h1, h2, h3, h4');
        return [id, ((heading ?? a).textContent ?? '').replace(/[ \t\r\n]+/g, ' ').trim()];
      }),
    ),
  }));
  const print = () => page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true });
  // Chromium's print, or the document it became once its front was grafted (handed on as it is:
  // saving it to load it again would cost a manual about half a second).
  let bytes: Uint8Array | PDFDocument = await print();
  let prints = 1;
  if (toc.length) {
    // Chromium has no target-counter(): read where each part landed; only the pages up to the
    // contents are printed again, with the right numbers, and their drawing replaces the first
    // one (graftPages): every other page is printed once. Should that not fit, the whole
    // document is printed again until the numbers hold.
    for (let pass = 0; ; pass++) {
      const doc = bytes instanceof PDFDocument ? bytes : await PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
      const where = destinationPages(doc);
      const missing = toc.filter((id) => where.get(id) === undefined);
      if (missing.length) throw new Error(`${job.route}: contents entries with no destination in the PDF: ${missing.join(', ')}`);
      const numbers = Object.fromEntries(toc.map((id) => [id, where.get(id) ?? 0]));
      if (!(await fillToc(page, numbers))) break;
      if (pass === 0) {
        const front = await printFront(page, print);
        prints++;
        if (graftPages(doc, await PDFDocument.load(front, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest }), Math.min(...where.values()) - 1)) {
          bytes = doc;
          break;
        }
      }
      if (pass === 2) throw new Error(`${job.route}: contents page numbers did not settle after three passes`);
      bytes = await print();
      prints++;
    }
  }
  return { bytes, meta, prints };
}

/**
 * Prints PDFs from a built site: one Chromium, a small pool of tabs, a content-hash cache, each
 * file written under a temporary name and renamed when complete. A crash or timeout is retried
 * once, then fails naming the document.
 */
export async function printJobs(siteDir: string, outDir: string, jobs: PdfJob[], options: PrintOptions = {}): Promise<PrintReport> {
  const started = performance.now();
  const report: PrintReport = { printed: 0, prints: 0, reused: 0, pages: 0, seconds: 0, files: [] };
  const cacheDir = options.cacheDir;
  if (cacheDir) fs.mkdirSync(cacheDir, { recursive: true });
  const printer = await printerVersion();
  const seen: FileHashes = new Map();
  // Jobs that differ only in edition share one print.
  const documents = new Map<string, PrintDocument>();
  for (const job of jobs) {
    const key = JSON.stringify([job.route, job.only ?? []]);
    const found = documents.get(key) ?? { route: job.route, only: job.only, jobs: [], hash: '' };
    found.jobs.push(job);
    documents.set(key, found);
  }
  for (const doc of documents.values()) doc.hash = documentHash(siteDir, doc, printer, seen);
  const cached = (doc: PrintDocument, job: PdfJob) => (cacheDir ? path.join(cacheDir, `${doc.hash}-${job.edition}.pdf`) : undefined);
  const isCached = (doc: PrintDocument) => doc.jobs.every((job) => fs.existsSync(cached(doc, job) ?? ''));
  const todo = [...documents.values()].filter((doc) => !isCached(doc));
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
    // Longest first (manuals before brochures), so no tab is left with a manual at the end.
    const work = [...documents.values()].sort((a, b) => Number(b.route.includes('/manual/')) - Number(a.route.includes('/manual/')));
    const workers = Array.from({ length: Math.max(1, Math.min(options.concurrency ?? os.cpus().length, work.length)) }, async () => {
      // Printed under the page's own CSP: the edition CSS is a same-origin stylesheet (routed here).
      const page = browser ? await (await browser.newContext()).newPage() : undefined;
      await page?.route(`**${editionCssPath}*.css`, (route) => route.fulfill({ contentType: 'text/css', body: editionCss('print') }));
      page?.setDefaultTimeout(120_000);
      try {
        for (let next = work.shift(); next; next = work.shift()) {
          const doc = next;
          const t0 = performance.now();
          let finished: Map<Edition, Uint8Array>;
          let pages: number | undefined;
          const reused = isCached(doc);
          if (reused) {
            finished = new Map(doc.jobs.map((job) => [job.edition, fs.readFileSync(cached(doc, job) ?? '')]));
            report.reused += doc.jobs.length;
          } else {
            if (!page) throw new Error('no browser tab');
            let result;
            try {
              result = await render(page, server?.origin ?? '', doc);
            } catch (first) {
              // One retry: a crashed or timed-out tab gets a second chance; a second failure stops the build.
              try {
                result = await render(page, server?.origin ?? '', doc);
              } catch (second) {
                const outputs = doc.jobs.map((job) => job.output).join(', ');
                throw new Error(
                  `printing ${outputs} failed twice: ${second instanceof Error ? second.message : String(second)} (first: ${first instanceof Error ? first.message : String(first)})`,
                  { cause: second },
                );
              }
            }
            report.prints += result.prints;
            const made = await finishPdf(
              result.bytes,
              doc.jobs.map((job) => job.edition),
              result.meta,
            );
            finished = made.editions;
            pages = made.pages;
            for (const job of doc.jobs) {
              const file = cached(doc, job);
              if (file) fs.writeFileSync(file, finished.get(job.edition) ?? new Uint8Array());
            }
            report.printed += doc.jobs.length;
          }
          pages ??= (
            await PDFDocument.load(finished.values().next().value ?? new Uint8Array(), { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest })
          ).getPageCount();
          for (const job of doc.jobs) {
            write(job, finished.get(job.edition) ?? new Uint8Array(), pages, reused);
            options.onProgress?.(++done, jobs.length, job, (performance.now() - t0) / 1000, reused);
          }
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
