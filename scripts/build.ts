/**
 * `npm run build`: site (+ search and PDFs as they land) into `dist/`, all or nothing.
 * Everything is written to a staging folder first and swapped in only when every step passed,
 * so a failed or interrupted build leaves the last good `dist/` in place.
 *
 * One build at a time per output folder: `dist.lock` names the running build, and a second build
 * into the same folder stops at once. Staging and previous folders live in `.build/` beside the
 * output (git-ignored, so Tailwind never reads them). One Astro step at a time per project:
 * Astro keeps files about the content it builds in the project's `.astro/` (which MDX modules to
 * load, for one), so a build of another content folder waits while one runs (`.astro/build.lock`).
 *
 * Options: `--out DIR` writes somewhere other than `dist/` (tests use it).
 * Environment: `SSM_SKIP_PDF=1` builds the site alone; `SSM_DEBUG=1` adds stack traces to errors.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { AstroIntegration } from 'astro';
import {
  acquireBuildLock,
  BuildLockedError,
  cleanLeftovers,
  formatStarted,
  previousDir,
  stagingDir,
  waitForLock,
  workDir,
  type BuildLock,
} from '../src/lib/build-lock.ts';
import type { ContentError } from '../src/lib/check/index.ts';
import { displayPath, projectRoot } from '../src/lib/paths.ts';
import { options } from '../src/lib/options.ts';

let args;
try {
  args = parseArgs({ options: { out: { type: 'string', default: 'dist' } } }).values;
} catch (error) {
  console.error(`npm run build: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
}
const outDir = path.resolve(projectRoot, args.out);
const staging = stagingDir(outDir);
const started = performance.now();
const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
const { debug, quiet, skipPdf, pdfCacheDir, fontCacheDir } = options();
/** Set once the new build replaced the old one. */
let swapped = false;
const untouched = () => (fs.existsSync(outDir) ? `the previous build in ${displayPath(outDir)}/ is untouched` : 'nothing was written');

let lock: BuildLock;
try {
  lock = acquireBuildLock(outDir);
} catch (error) {
  if (!(error instanceof BuildLockedError)) throw error;
  console.error(`[build] ${error.message}`);
  process.exit(1);
}
if (lock.tookOver) {
  console.log(
    `[build] took over ${displayPath(lock.file)} from a build that is no longer running (pid ${lock.tookOver.pid}, started ${formatStarted(lock.tookOver.started)})`,
  );
} else if (lock.tookOver === null) {
  console.log(`[build] replaced ${displayPath(lock.file)}, which named no build`);
}
/** Astro's output while it builds (see `interceptOutput`). */
let output: ReturnType<typeof interceptOutput> | undefined;
/** The project's Astro lock, held while Astro builds (see above). */
let astroLock: BuildLock | undefined;
// The locks go with the process however it ends: success, failure, an uncaught error or a signal.
process.on('exit', () => {
  output?.restore();
  astroLock?.release();
  lock.release();
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    output?.restore();
    try {
      fs.rmSync(staging, { recursive: true, force: true, maxRetries: 3 });
    } catch {
      /* the next build removes what is left */
    }
    astroLock?.release();
    lock.release();
    console.error(`\n[build] stopped by ${signal} after ${seconds()} s: ${swapped ? `the new build is in ${displayPath(outDir)}/` : untouched()}.`);
    process.exit(signal === 'SIGINT' ? 130 : 143);
  });
}

/** Replaces `outDir` with `staging` in two renames; the old copy is removed only afterwards. */
function swapIn(): void {
  const previous = previousDir(outDir);
  if (fs.existsSync(outDir)) fs.renameSync(outDir, previous);
  fs.renameSync(staging, outDir);
  swapped = true;
  fs.rmSync(previous, { recursive: true, force: true });
}

/** One write to stdout or stderr, held back. */
interface Held {
  stream: NodeJS.WriteStream;
  args: unknown[];
}

/**
 * Takes over stdout and stderr while Astro builds. Until `release()`, everything is held back, so
 * when the content check (the first integration) fails, its report can be printed first and alone,
 * without Astro's "An unhandled error occurred…" line or config warnings (`discard()`). Throughout,
 * stack frames (`    at fn (file:…:12:3)`) are left out of what Astro writes unless `SSM_DEBUG=1`.
 * `restore()` puts the streams back.
 */
function interceptOutput() {
  const frame = /^\s+at (?:async )?(?:.*\()?(?:file:|node:|\/|[A-Za-z]:\\|\[|<anonymous>).*(?::\d+:\d+\)?|\))$|^\s+at async Promise\.\w+ \(index \d+\)$/;
  let held: Held[] | undefined = [];
  const streams = [process.stdout, process.stderr] as const;
  const originals = streams.map((stream) => stream.write);
  const writeThrough = ({ stream, args }: Held) => (originals[streams.indexOf(stream as never)] as (...a: unknown[]) => boolean).apply(stream, args);
  streams.forEach((stream) => {
    stream.write = function (this: NodeJS.WriteStream, chunk: unknown, ...rest: unknown[]) {
      if (!debug && typeof chunk === 'string' && chunk.includes('    at '))
        chunk = chunk
          .split('\n')
          .filter((line) => !frame.test(line))
          .join('\n');
      const write: Held = { stream, args: [chunk, ...rest] };
      if (!held) return writeThrough(write);
      held.push(write);
      return true;
    } as typeof stream.write;
  });
  /** Prints `first` (if given) and what was held, then lets writes through. */
  const release = (first?: string) => {
    const pending = held ?? [];
    held = undefined;
    if (first) writeThrough({ stream: process.stdout, args: [first] });
    for (const write of pending) writeThrough(write);
  };
  return {
    release,
    /** Drops what was held, then lets writes through. */
    discard() {
      for (const { args } of held ?? []) if (typeof args.at(-1) === 'function') (args.at(-1) as () => void)();
      held = undefined;
    },
    restore() {
      release();
      streams.forEach((stream, i) => (stream.write = originals[i] as typeof stream.write));
    },
  };
}

/** A content error, also when it comes from the integration's copy of the module (Astro loads its config through Vite). */
const isContentError = (error: unknown): error is ContentError => error instanceof Error && error.name === 'ContentError' && 'problems' in error;

try {
  // Leftovers of builds that were stopped (never a running build's, and we hold the lock).
  for (const line of cleanLeftovers(outDir)) console.log(`[build] ${line}`);
  fs.mkdirSync(workDir(outDir), { recursive: true });
  // Loaded after the lock, so a second build stops at once rather than after loading Astro.
  const [{ build }, { indexSite }, { writeHeaders }, { subsetSiteFonts, preloadFonts }, { writeOffline }] = await Promise.all([
    import('astro'),
    import('../src/search/index-site.ts'),
    import('../src/lib/headers.ts'),
    import('../src/lib/font-subset.ts'),
    import('../src/offline/manifest.ts'),
  ]);
  astroLock = await waitForLock(path.join(projectRoot, '.astro/build.lock'), (holder) =>
    // Unless quiet: the tests read a failed build's output line by line.
    quiet
      ? undefined
      : console.log(
          `[build] waiting for another build of this project (pid ${holder.pid}, started ${formatStarted(holder.started)}) to finish its Astro step…`,
        ),
  );
  output = interceptOutput();
  const { release, discard } = output;
  // Runs after every integration of astro.config.mjs has set up, so after the content check passed.
  const contentChecked: AstroIntegration = {
    name: 'ssm:content-checked',
    hooks: { 'astro:config:setup': () => release(`[build] site → ${displayPath(outDir)} (staging first)\n`) },
  };
  try {
    await build({ root: projectRoot, outDir: staging, logLevel: quiet ? 'error' : 'info', integrations: [contentChecked] });
  } catch (error) {
    if (isContentError(error)) discard();
    throw error;
  } finally {
    output.restore();
    astroLock.release();
  }
  console.log(`[build] site built in ${seconds()} s`);
  // Before printing: the PDFs embed the same subsets the pages use.
  const fonts = await subsetSiteFonts(staging, fontCacheDir);
  const subsets = Object.entries(fonts).map(([script, files]) => `${script} ${files.map((f) => `${Math.round(f.bytes / 1024)} KB`).join(' + ')}`);
  console.log(`[build] fonts cut to the characters the site shows: ${subsets.join(', ')}; preloaded on ${preloadFonts(staging, fonts)} pages (${seconds()} s)`);
  writeHeaders(staging);
  if (!skipPdf) {
    // Loaded only when printing: Chromium's driver and pdf-lib are not needed for the site alone.
    const [{ allJobs }, { fillDownloadInfo }, { printJobs }] = await Promise.all([
      import('../src/pdf/documents.ts'),
      import('../src/pdf/downloads.ts'),
      import('../src/pdf/print.ts'),
    ]);
    const jobs = allJobs(staging);
    const report = await printJobs(staging, staging, jobs, {
      cacheDir: pdfCacheDir,
      onProgress: (done, total, job, secs, reused) => {
        const bar = '█'.repeat(Math.round((done / total) * 20)).padEnd(20, '░');
        console.log(`[pdf] ${bar} ${String(done).padStart(3)}/${total} ${job.output}${reused ? ' (unchanged)' : ` ${secs.toFixed(1)} s`} · ${seconds()} s`);
      },
    });
    fillDownloadInfo(staging, report);
    console.log(
      `[pdf] ${report.files.length} PDFs, ${report.pages} pages: ${report.printed} printed, ${report.reused} unchanged, ${report.seconds.toFixed(1)} s (${report.prints} prints: one per document and both editions, a manual's front again with its contents numbers)`,
    );
  }
  console.log(`[build] indexing for search…`);
  const search = await indexSite(staging);
  console.log(`[build] search index: ${search.pages} pages (${seconds()} s)`);
  // Last: the offline copies list every file a locale's reader needs, as it will be served.
  const offline = await writeOffline(staging);
  console.log(
    `[build] offline copies: ${offline.manifests.map((m) => `${m.locale} ${m.entries.length}+${m.pdfs.length} files`).join(', ')}; sw.js ${Math.round(offline.workerBytes / 1024)} KB`,
  );
  swapIn();
  console.log(`[build] done in ${seconds()} s`);
} catch (error) {
  fs.rmSync(staging, { recursive: true, force: true, maxRetries: 3 });
  const failed = `[build] FAILED after ${seconds()} s: ${untouched()}.`;
  if (isContentError(error)) {
    // The author's report alone, then one line: no stack, nothing about hooks.
    console.error(`${error.message}\n\n${failed}`);
  } else {
    console.error(`\n${failed}\n`);
    console.error(error instanceof Error ? (debug && error.stack ? error.stack : error.message) : String(error));
    if (!debug) console.error('(SSM_DEBUG=1 adds the stack trace.)');
  }
  process.exitCode = 1;
} finally {
  lock.release();
}
