/**
 * The benchmark's results as a table: printed by `npm run bench` and written between the markers
 * of BENCHMARKS.md, each measure beside its goal.
 */
import fs from 'node:fs';
import type { PageWeight } from './measure.ts';

interface Build {
  seconds: number;
  pages: number;
  peakMb: number;
  runs: number[];
}

export interface Results {
  date: string;
  command: string;
  machine: { cpus: number; cpu: string; memoryGb: number; os: string; node: string };
  versions: { astro: string; pagefind: string; chromium: string; starlight: string; starlightAstro: string; pagedjs: string };
  reps: number;
  builds: Array<{ cases: number; locales: number; ours: Build; starlight: Build }>;
  /** Sizes whose builds failed, with the error. */
  failures: Array<{ cases: number; message: string }>;
  casePage?: { route: string; ours: PageWeight; starlight: PageWeight; oursKo: PageWeight };
  /** Cumulative layout shift of a case page by locale, under mobile throttling (medians). */
  layoutShift?: { ours: Record<string, number>; starlight: Record<string, number> };
  search?: {
    oursIndexBytes: number;
    starlightIndexBytes: number;
    oursFirstQuery: Record<string, number>;
    starlightFirstQuery: Record<string, number>;
    /** Seconds from opening search to the first result on a throttled phone, by locale (medians). */
    latency?: Record<string, { ours: number; starlight: number }>;
  };
  pdf?: Partial<Record<'screen' | 'print', { ours: { pages: number; seconds: number }; pagedjs: { pages: number; seconds: number } }>>;
  warm?: {
    edited: string;
    coldFullSeconds: number;
    coldPdf: { printed: number; reused: number; pages: number; seconds: number };
    warmFullSeconds: number;
    pdfsReprinted: number;
    pdfsExpected: number;
    coldSiteSeconds: number;
    warmSiteSeconds: number;
    starlightColdSeconds: number;
    starlightWarmSeconds: number;
  };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const s = (n: number) => `${n.toFixed(1)} s`;
const x = (n: number) => `${n.toFixed(2)}×`;
const pct = (n: number) => `${(n * 100).toFixed(0)}%`;
const mark = (ok: boolean | undefined) => (ok === undefined ? '' : ok ? '✓' : '✗');

/** The table as Markdown; also written into BENCHMARKS.md between its markers. */
export function writeReport(r: Results, markdownFile: string): string {
  const rows: string[][] = [];
  const row = (measure: string, ours: string, peer: string, ratio: string, goal: string, ok?: boolean) =>
    rows.push([measure, ours, peer, ratio, goal, mark(ok)]);

  for (const b of r.builds) {
    const size = `${b.cases}×${b.locales}`;
    const ratio = b.ours.seconds / b.starlight.seconds;
    row(
      `Cold site build, ${size} (no PDFs)`,
      `${s(b.ours.seconds)} · ${b.ours.pages} pages`,
      `${s(b.starlight.seconds)} · ${b.starlight.pages} pages`,
      x(ratio),
      '≤ 0.7× Starlight',
      ratio <= 0.7,
    );
    const perPage = (v: Build) => (v.seconds / v.pages) * 1000;
    row(`  per page, ${size}`, `${perPage(b.ours).toFixed(0)} ms`, `${perPage(b.starlight).toFixed(0)} ms`, x(perPage(b.ours) / perPage(b.starlight)), '');
    const perK = (v: Build) => (v.peakMb / v.pages) * 1000;
    row(
      `  peak memory, ${size}`,
      `${b.ours.peakMb.toFixed(0)} MB (${perK(b.ours).toFixed(0)} MB/1,000 pages)`,
      `${b.starlight.peakMb.toFixed(0)} MB (${perK(b.starlight).toFixed(0)} MB/1,000 pages)`,
      x(b.ours.peakMb / b.starlight.peakMb),
      '< 300 MB per 1,000 pages',
      b.ours.pages >= 1000 ? perK(b.ours) < 300 : undefined,
    );
  }
  const at = (n: number) => r.builds.find((b) => b.cases === n);
  const [b50, b400] = [at(50), at(400)];
  if (b50 && b400) {
    const g = b400.ours.seconds / b50.ours.seconds;
    row('Growth 50×8 → 400×8 (linear is 8×)', x(g), x(b400.starlight.seconds / b50.starlight.seconds), '', '≤ 8.5×', g <= 8.5);
    row(
      '400×8 within the default Node heap',
      `built, peak ${b400.ours.peakMb.toFixed(0)} MB (no --max-old-space-size)`,
      `built, peak ${b400.starlight.peakMb.toFixed(0)} MB`,
      '',
      'builds',
      true,
    );
  }
  for (const f of r.failures) row(`Build ${f.cases}×8`, `failed: ${f.message.split('\n')[0]?.slice(0, 200) ?? ''}`, '', '', 'builds', false);
  if (r.warm) {
    const w = r.warm;
    const share = w.warmFullSeconds / w.coldFullSeconds;
    row(
      'Warm rebuild after one MDX edit (site + PDFs)',
      `${s(w.warmFullSeconds)} of ${s(w.coldFullSeconds)} cold`,
      `${s(w.starlightWarmSeconds)} of ${s(w.starlightColdSeconds)} cold (no PDFs)`,
      pct(share),
      '< 25% of a cold build',
      share < 0.25,
    );
    row(
      '  PDFs reprinted',
      `${w.pdfsReprinted} of ${w.coldPdf.printed} (expected ${w.pdfsExpected})`,
      '—',
      '',
      'only those that include it',
      w.pdfsReprinted === w.pdfsExpected,
    );
    row(
      '  site only (no PDFs)',
      `${s(w.warmSiteSeconds)} of ${s(w.coldSiteSeconds)} cold`,
      `${s(w.starlightWarmSeconds)} of ${s(w.starlightColdSeconds)}`,
      pct(w.warmSiteSeconds / w.coldSiteSeconds),
      '',
    );
  }
  if (r.casePage) {
    const { ours, starlight } = r.casePage;
    const text = (w: PageWeight) => w.html.brotli + w.css.brotli;
    const all = (w: PageWeight) => text(w) + w.js.brotli + w.font.raw;
    for (const kind of ['html', 'css', 'js'] as const) {
      row(
        `Case page ${kind.toUpperCase()} (gzip / brotli)`,
        `${kb(ours[kind].gzip)} / ${kb(ours[kind].brotli)}`,
        `${kb(starlight[kind].gzip)} / ${kb(starlight[kind].brotli)}`,
        x(ours[kind].brotli / Math.max(1, starlight[kind].brotli)),
        kind === 'js' ? '0 KB until search opens' : '',
        kind === 'js' ? ours.js.raw === 0 : undefined,
      );
    }
    row('Case page fonts (woff2)', kb(ours.font.raw), kb(starlight.font.raw), '', '');
    row('Case page HTML + CSS, brotli', kb(text(ours)), kb(text(starlight)), x(text(ours) / text(starlight)), '< 30 KB', text(ours) < 30 * 1024);
    row(
      'Case page, all bytes (brotli + fonts)',
      kb(all(ours)),
      kb(all(starlight)),
      x(all(ours) / all(starlight)),
      '≤ 1.0× Starlight',
      all(ours) / all(starlight) <= 1,
    );
    row('  Korean case page, all bytes', kb(all(r.casePage.oursKo)), '—', '', '≤ 120 KB', all(r.casePage.oursKo) <= 120 * 1024);
  }
  for (const [locale, ours] of Object.entries(r.layoutShift?.ours ?? {})) {
    const peer = r.layoutShift?.starlight[locale];
    row(
      `Layout shift, ${locale} case page (phone, slow link)`,
      ours.toFixed(3),
      peer === undefined ? '—' : peer.toFixed(3),
      '',
      '≤ 0.01 (Lighthouse mobile throttling; PerformanceObserver)',
      ours <= 0.01,
    );
  }
  if (r.search) {
    const q = r.search;
    row('Search index, all languages', kb(q.oursIndexBytes), kb(q.starlightIndexBytes), x(q.oursIndexBytes / q.starlightIndexBytes), '');
    for (const locale of Object.keys(q.starlightFirstQuery)) {
      const ours = q.oursFirstQuery[locale] ?? 0;
      row(
        `First query transfer (${locale}, compressed)`,
        kb(ours),
        kb(q.starlightFirstQuery[locale] ?? 0),
        x(ours / (q.starlightFirstQuery[locale] ?? 1)),
        '≤ 150 KB',
        ours <= 150 * 1024,
      );
    }
    for (const [locale, t] of Object.entries(q.latency ?? {})) {
      row(
        `Search open → first result (${locale}, phone, slow link)`,
        `${t.ours.toFixed(2)} s`,
        `${t.starlight.toFixed(2)} s`,
        x(t.ours / t.starlight),
        '≤ 1.0× Starlight',
        t.ours <= t.starlight,
      );
    }
    row(
      'First query transfer, other languages',
      Object.entries(q.oursFirstQuery)
        .filter(([l]) => !(l in q.starlightFirstQuery))
        .map(([l, v]) => `${l} ${kb(v)}`)
        .join(', '),
      '—',
      '',
      '',
    );
  }
  for (const [edition, p] of Object.entries(r.pdf ?? {})) {
    if (!p) continue;
    const rate = (v: { pages: number; seconds: number }) => v.pages / v.seconds;
    row(
      `PDF ${edition} edition, en manual`,
      `${p.ours.pages} pages, ${rate(p.ours).toFixed(1)} pages/s`,
      `${p.pagedjs.pages} pages, ${rate(p.pagedjs).toFixed(1)} pages/s (Paged.js)`,
      x(rate(p.ours) / rate(p.pagedjs)),
      '≥ 1.5× Paged.js',
      rate(p.ours) / rate(p.pagedjs) >= 1.5,
    );
  }
  if (r.warm)
    row(
      'PDF, every document of the corpus (cold)',
      `${r.warm.coldPdf.pages} pages in ${s(r.warm.coldPdf.seconds)} = ${(r.warm.coldPdf.pages / r.warm.coldPdf.seconds).toFixed(1)} pages/s`,
      '—',
      '',
      '≥ 15 pages/s',
      r.warm.coldPdf.pages / r.warm.coldPdf.seconds >= 15,
    );

  const head = ['Measure', 'Ours', 'Peer', 'Ours / peer', 'Goal', ''];
  const table = [head, head.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
  const about = [
    `Measured ${r.date.slice(0, 16).replace('T', ' ')} UTC with \`${r.command}\` on ${r.machine.cpus} × ${r.machine.cpu}, ${r.machine.memoryGb} GiB, ${r.machine.os}, Node ${r.machine.node}.`,
    `Ours: Astro ${r.versions.astro}, Pagefind ${r.versions.pagefind}, Chromium ${r.versions.chromium}. Peers: Starlight ${r.versions.starlight} (Astro ${r.versions.starlightAstro}), Paged.js ${r.versions.pagedjs} in the same Chromium.`,
    `Each pair ran A B A B (${r.reps}× each); figures are medians; ✓/✗ against the goal.`,
  ].join('\n');
  const section = `${about}\n\n${table}\n`;
  if (fs.existsSync(markdownFile)) {
    const md = fs.readFileSync(markdownFile, 'utf8');
    const start = '<!-- bench:start -->';
    const end = '<!-- bench:end -->';
    if (md.includes(start) && md.includes(end))
      fs.writeFileSync(markdownFile, `${md.slice(0, md.indexOf(start) + start.length)}\n${section}${md.slice(md.indexOf(end))}`);
  }
  return section;
}
