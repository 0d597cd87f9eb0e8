/**
 * `npm run bench` — measures what users feel, on this machine, from a fresh build:
 * cold site build, page weight of a case page, search index size and first-query transfer per
 * locale, and PDF throughput per edition. Prints a table and writes bench/results.json.
 * `-- --quick` skips the slowest measure (the whole PDF set). Not part of `npm test`.
 * The side-by-side comparison with Starlight and Paged.js (issue 8) is not here yet.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import zlib from 'node:zlib';
import { localeCodes } from '../src/i18n/locales.ts';
import { launchChromium } from '../src/lib/chromium.ts';
import { projectRoot } from '../src/lib/paths.ts';
import { serve } from '../src/lib/static-server.ts';
import { allJobs } from '../src/pdf/documents.ts';
import { printJobs } from '../src/pdf/print.ts';

const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false } } });
const out = path.join(projectRoot, '.build/bench-site');
const results: Record<string, unknown> = { machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version }, date: new Date().toISOString() };
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

// 1. Cold site build (no PDFs), from a clean Astro cache.
fs.rmSync(out, { recursive: true, force: true });
fs.rmSync(`${out}.cache`, { recursive: true, force: true });
let t = performance.now();
const build = spawnSync(process.execPath, [path.join(projectRoot, 'scripts/build.ts'), '--out', out], { env: { ...process.env, SSM_SKIP_PDF: '1', SSM_CACHE_DIR: `${out}.cache`, SSM_LOG_LEVEL: 'silent' }, encoding: 'utf8' });
if (build.status !== 0) throw new Error(build.stderr);
const pages = (fs.globSync('**/*.html', { cwd: out }) as string[]).length;
results['build'] = { seconds: (performance.now() - t) / 1000, pages };

// 2. Bytes of a case page, as a browser fetches it (HTML + CSS + JS + fonts), gzip and brotli.
const server = await serve(out);
const browser = await launchChromium();
const weigh = async (route: string) => {
  const page = await browser.newPage();
  const files: string[] = [];
  page.on('requestfinished', (r) => files.push(new URL(r.url()).pathname));
  await page.goto(`${server.origin}${route}`, { waitUntil: 'networkidle' });
  await page.close();
  const sum: Record<'html' | 'css' | 'js' | 'font' | 'image', [number, number, number]> = { html: [0, 0, 0], css: [0, 0, 0], js: [0, 0, 0], font: [0, 0, 0], image: [0, 0, 0] };
  for (const f of files) {
    const file = path.join(out, f.endsWith('/') ? `${f}index.html` : f);
    if (!fs.existsSync(file)) continue;
    const body = fs.readFileSync(file);
    const kind: keyof typeof sum = f.endsWith('/') || f.endsWith('.html') ? 'html' : f.endsWith('.css') ? 'css' : f.endsWith('.js') ? 'js' : f.endsWith('.woff2') ? 'font' : 'image';
    const packed = kind === 'font' || kind === 'image' ? [body.length, body.length] : [zlib.gzipSync(body, { level: 9 }).length, zlib.brotliCompressSync(body).length];
    const total = sum[kind];
    total[0] += body.length;
    total[1] += packed[0] ?? 0;
    total[2] += packed[1] ?? 0;
  }
  return sum;
};
results['casePage'] = { en: await weigh('/en/cases/water-supply/'), ko: await weigh('/ko/cases/water-supply/') };

// 3. Search: index bytes per language and what the first query transfers.
const indexBytes: Record<string, number> = {};
for (const f of fs.globSync('pagefind/**/*', { cwd: out }) as string[]) {
  // en_63e5e8d.pf_index, pagefind.en_3baf663766.pf_meta, wasm.en.pagefind; fragments and JS are shared.
  const lang = /^(?:pagefind\.|wasm\.)?([a-z]{2}(?:-[a-z0-9]+)?)[_.]/i.exec(path.basename(f));
  const key = (lang?.[1] ?? 'shared').toLowerCase();
  if (fs.statSync(path.join(out, f)).isFile()) indexBytes[key] = (indexBytes[key] ?? 0) + fs.statSync(path.join(out, f)).size;
}
const firstQuery: Record<string, number> = {};
const probe: Record<string, string> = { ko: '교통카드', en: 'water leak', es: 'metro', fr: 'décharge', ar: 'المياه', zh: '地铁', vi: 'bãi rác', id: 'kebocoran air' };
for (const locale of localeCodes) {
  const page = await browser.newPage();
  let bytes = 0;
  page.on('requestfinished', (r) => {
    const p = new URL(r.url()).pathname;
    const file = path.join(out, p);
    if ((p.startsWith('/pagefind/') || p.includes('/_astro/')) && fs.existsSync(file)) bytes += fs.statSync(file).size;
  });
  await page.goto(`${server.origin}/${locale}/cases/subway/`, { waitUntil: 'networkidle' });
  bytes = 0;
  await page.keyboard.press('/');
  await page.locator('dialog[open] input').fill(probe[locale] ?? 'Seoul');
  await page.locator('dialog[open] .search-result').first().waitFor();
  await page.waitForLoadState('networkidle');
  firstQuery[locale] = bytes;
  await page.close();
}
results['search'] = { indexBytes, firstQueryBytes: firstQuery };
await browser.close();
await server.close();

// 4. PDFs: pages per second per edition, no cache.
const pdf: Record<string, unknown> = {};
const jobs = allJobs(out).filter((j) => (values.quick ? j.locale === 'en' : true));
for (const edition of ['screen', 'print'] as const) {
  const set = jobs.filter((j) => j.edition === edition);
  const r = await printJobs(out, path.join(out, 'bench-pdf'), set);
  pdf[edition] = { documents: set.length, pages: r.pages, seconds: r.seconds, pagesPerSecond: r.pages / r.seconds };
}
results['pdf'] = pdf;

fs.writeFileSync(path.join(projectRoot, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);
const b = results['build'] as { seconds: number; pages: number };
const w = (results['casePage'] as { en: Record<string, number[]> }).en;
console.log(`\nBenchmark (${os.cpus().length} cores, ${process.version})${values.quick ? ' — quick' : ''}`);
console.log(`cold site build (no PDFs)   ${b.seconds.toFixed(1)} s for ${b.pages} pages (${((b.seconds / b.pages) * 1000).toFixed(0)} ms/page)`);
console.log(`case page (en) gzip/brotli  HTML ${kb(w['html']?.[1] ?? 0)}/${kb(w['html']?.[2] ?? 0)}, CSS ${kb(w['css']?.[1] ?? 0)}/${kb(w['css']?.[2] ?? 0)}, JS ${kb(w['js']?.[1] ?? 0)}/${kb(w['js']?.[2] ?? 0)}, fonts ${kb(w['font']?.[0] ?? 0)}`);
console.log(`search index per language   ${Object.entries(indexBytes).map(([k, v]) => `${k} ${kb(v)}`).join(', ')}`);
console.log(`first query transfer        ${Object.entries(firstQuery).map(([k, v]) => `${k} ${kb(v)}`).join(', ')}`);
for (const [edition, r] of Object.entries(pdf) as [string, { documents: number; pages: number; seconds: number; pagesPerSecond: number }][]) {
  console.log(`PDF ${edition.padEnd(6)}                 ${r.documents} documents, ${r.pages} pages in ${r.seconds.toFixed(1)} s = ${r.pagesPerSecond.toFixed(1)} pages/s`);
}
console.log('written bench/results.json');
