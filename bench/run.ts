/**
 * `npm run bench`: this project against what a team would pick instead (Starlight for the site,
 * Paged.js for the PDFs), side by side on one machine in one run. Every pair runs A B A B…;
 * the table shows medians and ratios (ours / peer). Writes bench/results.json and the figures
 * section of BENCHMARKS.md. Not part of `npm test`.
 *
 *   npm run bench                  8×8, 50×8 and 400×8 cases × locales (about an hour on 2 cores)
 *   npm run bench -- --quick       8×8 only (under 10 minutes)
 *   npm run bench -- --sizes 8,50 --reps 3
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { localeCodes } from '../src/i18n/locales.ts';
import { launchChromium } from '../src/lib/chromium.ts';
import { projectRoot } from '../src/lib/paths.ts';
import { serve } from '../src/lib/static-server.ts';
import { printJobs } from '../src/pdf/print.ts';
import type { Edition } from '../src/pdf/editions.ts';
import { makeCorpus, slugOf, type Corpus } from './lib/corpus.ts';
import { alternate, folderBytes, htmlPages, layoutShift, median, runNode, searchLatency, searchTransfer, weighPage, type Run } from './lib/measure.ts';
import { pagedJsPolyfill, printWithPagedJs } from './lib/pagedjs.ts';
import { writeReport, type Results } from './lib/report.ts';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    sizes: { type: 'string' },
    reps: { type: 'string', default: '2' },
  },
});
const sizes = (values.sizes ?? (values.quick ? '8' : '8,50,400')).split(',').map(Number);
const reps = Math.max(1, Number(values.reps));
const peers = path.join(projectRoot, 'bench/peers');
const work = path.join(projectRoot, '.build/bench');
const log = (line: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);

// The peers live in bench/peers with their own lock file, never in the project's dependencies.
if (!fs.existsSync(path.join(peers, 'node_modules/@astrojs/starlight')) || !fs.existsSync(path.join(peers, 'node_modules/pagedjs'))) {
  log('installing the peers (Starlight, Paged.js) into bench/peers …');
  const install = spawnSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: peers, stdio: 'inherit' });
  if (install.status !== 0) throw new Error('npm install in bench/peers failed');
}
const version = (pkg: string, from: string) =>
  (JSON.parse(fs.readFileSync(path.join(from, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;

const results: Results = {
  date: new Date().toISOString(),
  command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
  machine: {
    cpus: os.cpus().length,
    cpu: os.cpus()[0]?.model ?? '?',
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
  },
  versions: {
    astro: version('astro', projectRoot),
    pagefind: version('pagefind', projectRoot),
    chromium: '',
    starlight: version('@astrojs/starlight', peers),
    starlightAstro: version('astro', peers),
    pagedjs: version('pagedjs', peers),
  },
  reps,
  builds: [],
  failures: [],
};

/** Our build of a corpus into `out`; `cold` empties the output and every cache first. */
function ours(
  corpus: Corpus,
  dir: string,
  opts: { cold: boolean; pdf: boolean },
): Run & { pages: number; pdf?: { printed: number; reused: number; pages: number; seconds: number } } {
  const out = path.join(dir, 'ours');
  const cache = { SSM_CACHE_DIR: path.join(dir, 'cache'), SSM_PDF_CACHE_DIR: path.join(dir, 'pdf-cache'), SSM_FONT_CACHE_DIR: path.join(dir, 'font-cache') };
  if (opts.cold) for (const d of [out, ...Object.values(cache)]) fs.rmSync(d, { recursive: true, force: true });
  const run = runNode([path.join(projectRoot, 'scripts/build.ts'), '--out', out], {
    cwd: projectRoot,
    env: { ...cache, SSM_CONTENT_DIR: corpus.content, SSM_SKIP_PDF: opts.pdf ? '0' : '1', SSM_LOG_LEVEL: 'silent' },
  });
  // "[pdf] 144 PDFs, 1234 pages: 140 printed, 4 unchanged, 80.1 s"
  const m = /\[pdf\] \d+ PDFs, (\d+) pages: (\d+) printed, (\d+) unchanged, ([\d.]+) s/.exec(run.stdout);
  const pdf = m ? { pages: Number(m[1]), printed: Number(m[2]), reused: Number(m[3]), seconds: Number(m[4]) } : undefined;
  return { ...run, pages: htmlPages(out), ...(pdf ? { pdf } : {}) };
}

/** Starlight's build of the same pages; `cold` empties its output and caches first. */
function starlight(opts: { cold: boolean }): Run & { pages: number } {
  if (opts.cold)
    for (const d of ['dist', '.astro', 'node_modules/.astro', 'node_modules/.vite']) fs.rmSync(path.join(peers, d), { recursive: true, force: true });
  const run = runNode([path.join(peers, 'node_modules/astro/bin/astro.mjs'), 'build', '--silent'], { cwd: peers });
  return { ...run, pages: htmlPages(path.join(peers, 'dist')) };
}

const perPage = (r: { seconds: number; pages: number }) => (r.seconds / r.pages) * 1000;

for (const size of sizes) {
  const dir = path.join(work, `c${size}`);
  log(`corpus ${size}×8: writing our content and the Starlight docs …`);
  const corpus = makeCorpus(size, dir, path.join(peers, 'src/content/docs'));
  log(`cold site builds, ours (A) and Starlight (B), ${reps}× each, alternating …`);
  let runs;
  try {
    runs = await alternate(
      reps,
      () => ours(corpus, dir, { cold: true, pdf: false }),
      () => starlight({ cold: true }),
      (which, i, r) => log(`  ${which}${i + 1}: ${r.seconds.toFixed(1)} s, ${r.pages} pages, peak ${r.peakMb.toFixed(0)} MB`),
    );
  } catch (error) {
    // A build that fails at this size (out of memory, say) is a result too.
    const message = (error instanceof Error ? error.message : String(error)).slice(0, 2000);
    log(`  FAILED: ${message}`);
    results.failures.push({ cases: size, message });
    continue;
  }
  const entry: Results['builds'][number] = {
    cases: size,
    locales: localeCodes.length,
    ours: {
      seconds: median(runs.a.map((r) => r.seconds)),
      pages: runs.a[0]!.pages,
      peakMb: Math.max(...runs.a.map((r) => r.peakMb)),
      runs: runs.a.map((r) => r.seconds),
    },
    starlight: {
      seconds: median(runs.b.map((r) => r.seconds)),
      pages: runs.b[0]!.pages,
      peakMb: Math.max(...runs.b.map((r) => r.peakMb)),
      runs: runs.b.map((r) => r.seconds),
    },
  };
  results.builds.push(entry);
  log(
    `  median: ours ${entry.ours.seconds.toFixed(1)} s (${perPage(entry.ours).toFixed(0)} ms/page), Starlight ${entry.starlight.seconds.toFixed(1)} s (${perPage(entry.starlight).toFixed(0)} ms/page)`,
  );

  if (size !== 8) continue;
  // Everything below runs once, on the 8×8 corpus (the real manual's size).
  const site = path.join(dir, 'ours');
  const peerSite = path.join(peers, 'dist');
  const browser = await launchChromium();
  results.versions.chromium = browser.version();
  const server = await serve(site);
  const peerServer = await serve(peerSite);
  try {
    // Bytes of one case page, as a browser first loads it.
    log('page weight of a case page …');
    const route = `/en/cases/${slugOf(7)}/`;
    results.casePage = {
      route,
      ours: await weighPage(browser, server.origin, route, site),
      starlight: await weighPage(browser, peerServer.origin, route, peerSite),
      oursKo: await weighPage(browser, server.origin, `/ko/cases/${slugOf(7)}/`, site),
    };

    // Layout shift as a phone on a slow link loads a case page (fonts arriving after the text).
    log('layout shift of case pages (throttled) …');
    const shift: { ours: Record<string, number>; starlight: Record<string, number> } = { ours: {}, starlight: {} };
    for (const locale of ['en', 'ko', 'ar'] as const) {
      shift.ours[locale] = await layoutShift(browser, server.origin, `/${locale}/cases/${slugOf(7)}/`);
      shift.starlight[locale] = await layoutShift(browser, peerServer.origin, `/${locale}/cases/${slugOf(7)}/`);
    }
    results.layoutShift = shift;

    // Search: index bytes and what the first query transfers.
    log('search index and first query …');
    const probe: Record<string, string> = {
      ko: '교통카드',
      en: 'water leak',
      es: 'metro',
      fr: 'décharge',
      ar: 'المياه',
      zh: '地铁',
      vi: 'bãi rác',
      id: 'kebocoran air',
    };
    const ourSearch = (locale: string) => async (page: import('playwright-core').Page) => {
      await page.keyboard.press('/');
      await page.locator('dialog[open] input').fill(probe[locale] ?? 'Seoul');
      await page.locator('dialog[open] .search-result').first().waitFor({ timeout: 60_000 });
    };
    const peerSearch = (locale: string) => async (page: import('playwright-core').Page) => {
      await page.locator('button[data-open-modal]').first().click();
      await page.locator('dialog[open] input').fill(probe[locale] ?? 'Seoul');
      await page.locator('dialog[open] .pagefind-ui__result').first().waitFor({ timeout: 60_000 });
    };
    const firstQuery: Record<string, number> = {};
    for (const locale of localeCodes)
      firstQuery[locale] = await searchTransfer(browser, server.origin, `/${locale}/cases/${slugOf(0)}/`, site, ourSearch(locale));
    const peerFirstQuery: Record<string, number> = {};
    const latency: Record<string, { ours: number; starlight: number }> = {};
    for (const locale of ['en', 'ko'] as const) {
      peerFirstQuery[locale] = await searchTransfer(browser, peerServer.origin, `/${locale}/cases/${slugOf(0)}/`, peerSite, peerSearch(locale));
      // Alternating, 5 runs each: a single throttled run varies by more than the two sites differ.
      const runs = await alternate(
        5,
        () => searchLatency(browser, server.origin, `/${locale}/cases/${slugOf(0)}/`, ourSearch(locale), 1),
        () => searchLatency(browser, peerServer.origin, `/${locale}/cases/${slugOf(0)}/`, peerSearch(locale), 1),
      );
      latency[locale] = { ours: median(runs.a), starlight: median(runs.b) };
    }
    results.search = {
      oursIndexBytes: folderBytes(path.join(site, 'pagefind')),
      starlightIndexBytes: folderBytes(path.join(peerSite, 'pagefind')),
      oursFirstQuery: firstQuery,
      starlightFirstQuery: peerFirstQuery,
      latency,
    };
  } finally {
    await browser.close();
    await server.close();
    await peerServer.close();
  }

  // PDFs: the English manual, ours (A) and Paged.js (B) on the same print route and edition CSS.
  results.pdf = {};
  for (const edition of ['screen', 'print'] as const satisfies Edition[]) {
    log(`PDF ${edition} edition, en manual: ours (A) and Paged.js (B), ${reps}× each …`);
    const job = {
      locale: 'en' as const,
      kind: 'manual' as const,
      edition,
      route: '/print/en/manual/',
      output: `pdf/en/manual${edition === 'print' ? '-print' : ''}.pdf`,
    };
    const pdfRuns = await alternate(
      reps,
      async () => {
        const r = await printJobs(site, path.join(dir, 'bench-pdf'), [job]);
        return { pages: r.pages, seconds: r.seconds };
      },
      () => printWithPagedJs(site, job.route, edition, pagedJsPolyfill(peers)),
      (which, i, r) => log(`  ${which}${i + 1}: ${r.pages} pages in ${r.seconds.toFixed(1)} s`),
    );
    results.pdf[edition] = {
      ours: { pages: pdfRuns.a[0]!.pages, seconds: median(pdfRuns.a.map((r) => r.seconds)) },
      pagedjs: { pages: pdfRuns.b[0]!.pages, seconds: median(pdfRuns.b.map((r) => r.seconds)) },
    };
  }

  // Warm rebuild after one edit: a full build (site + every PDF) from cold, one sentence added to
  // one case in English, built again. Only that case's two brochures and the two English manuals
  // should print again. Starlight's warm rebuild of the same edit beside it.
  log('full cold build with every PDF (the base for the warm rebuild) …');
  const cold = ours(corpus, dir, { cold: true, pdf: true });
  log(`  ${cold.seconds.toFixed(1)} s, ${cold.pdf?.printed ?? 0} PDFs printed, ${cold.pdf?.pages ?? 0} pages`);
  const sentence = '\n\nThis sentence was added by the benchmark to measure a warm rebuild.\n';
  fs.appendFileSync(corpus.editable.ours, sentence);
  fs.appendFileSync(corpus.editable.starlight, sentence);
  log('warm rebuild after one edit, ours then Starlight …');
  const warm = ours(corpus, dir, { cold: false, pdf: true });
  const warmSiteOnly = ours(corpus, dir, { cold: false, pdf: false });
  const peerWarm = starlight({ cold: false });
  log(
    `  ours ${warm.seconds.toFixed(1)} s (${warm.pdf?.printed ?? 0} PDFs printed), site only ${warmSiteOnly.seconds.toFixed(1)} s; Starlight ${peerWarm.seconds.toFixed(1)} s`,
  );
  results.warm = {
    edited: path.relative(dir, corpus.editable.ours),
    coldFullSeconds: cold.seconds,
    coldPdf: cold.pdf ?? { printed: 0, reused: 0, pages: 0, seconds: 0 },
    warmFullSeconds: warm.seconds,
    pdfsReprinted: warm.pdf?.printed ?? 0,
    pdfsExpected: 4,
    coldSiteSeconds: entry.ours.seconds,
    warmSiteSeconds: warmSiteOnly.seconds,
    starlightColdSeconds: entry.starlight.seconds,
    starlightWarmSeconds: peerWarm.seconds,
  };
}

fs.writeFileSync(path.join(projectRoot, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log(`\n${writeReport(results, path.join(projectRoot, 'BENCHMARKS.md'))}`);
log('written bench/results.json and the figures in BENCHMARKS.md');
