/**
 * `npm run build`: site (+ search and PDFs as they land) into `dist/`, all or nothing.
 * Everything is written to a staging folder first and swapped in only when every step passed,
 * so a failed or interrupted build leaves the last good `dist/` in place.
 *
 * Options: `--out DIR` writes somewhere other than `dist/` (tests use it).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'astro';
import { projectRoot } from '../src/lib/paths.ts';
import { indexSite } from '../src/search/index-site.ts';
import { writeHeaders } from '../src/lib/headers.ts';

const { values } = parseArgs({ options: { out: { type: 'string', default: 'dist' } } });
const outDir = path.resolve(projectRoot, values.out);
const staging = `${outDir}.staging-${process.pid}`;
const started = performance.now();
const seconds = () => ((performance.now() - started) / 1000).toFixed(1);

/** Replaces `outDir` with `staging` in two renames; the old copy is removed only afterwards. */
function swapIn(): void {
  const previous = `${outDir}.previous-${process.pid}`;
  if (fs.existsSync(outDir)) fs.renameSync(outDir, previous);
  fs.renameSync(staging, outDir);
  fs.rmSync(previous, { recursive: true, force: true });
}

// Leftovers of builds that were killed: never the live output.
for (const name of fs.existsSync(path.dirname(outDir)) ? fs.readdirSync(path.dirname(outDir)) : []) {
  if (name.startsWith(`${path.basename(outDir)}.staging-`)) fs.rmSync(path.join(path.dirname(outDir), name), { recursive: true, force: true });
}

try {
  console.log(`[build] site → ${path.relative(projectRoot, outDir) || outDir} (staging first)`);
  await build({ root: projectRoot, outDir: staging, logLevel: process.env['SSM_LOG_LEVEL'] === 'silent' ? 'error' : 'info' });
  console.log(`[build] site built in ${seconds()} s`);
  writeHeaders(staging);
  if (process.env['SSM_SKIP_PDF'] !== '1') {
    // Loaded only when printing: Chromium's driver and pdf-lib are not needed for the site alone.
    const [{ allJobs }, { fillDownloadInfo }, { printJobs }] = await Promise.all([import('../src/pdf/documents.ts'), import('../src/pdf/downloads.ts'), import('../src/pdf/print.ts')]);
    const jobs = allJobs(staging);
    const report = await printJobs(staging, staging, jobs, {
      cacheDir: path.resolve(projectRoot, process.env['SSM_PDF_CACHE_DIR'] ?? '.build/pdf-cache'),
      onProgress: (done, total, job, secs, reused) => {
        const bar = '█'.repeat(Math.round((done / total) * 20)).padEnd(20, '░');
        console.log(`[pdf] ${bar} ${String(done).padStart(3)}/${total} ${job.output}${reused ? ' (unchanged)' : ` ${secs.toFixed(1)} s`} · ${seconds()} s`);
      },
    });
    fillDownloadInfo(staging, report);
    console.log(`[pdf] ${report.files.length} PDFs, ${report.pages} pages: ${report.printed} printed, ${report.reused} unchanged, ${report.seconds.toFixed(1)} s`);
  }
  console.log(`[build] indexing for search…`);
  const search = await indexSite(staging);
  console.log(`[build] search index: ${search.pages} pages (${seconds()} s)`);
  swapIn();
  console.log(`[build] done in ${seconds()} s`);
} catch (error) {
  fs.rmSync(staging, { recursive: true, force: true });
  const message = error instanceof Error ? error.message : String(error);
  console.error(`\n[build] FAILED after ${seconds()} s: ${fs.existsSync(outDir) ? 'the previous build in ' + path.relative(projectRoot, outDir) + '/ is untouched' : 'nothing was written'}.\n`);
  console.error(message);
  process.exitCode = 1;
}
