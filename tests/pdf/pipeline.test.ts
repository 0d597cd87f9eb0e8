import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { allJobs } from '../../src/pdf/documents.ts';
import { printJobs } from '../../src/pdf/print.ts';
import { runBuild } from '../setup/run-build.ts';
import { outRoot, root, sites } from '../setup/sites.ts';
import { box, loadPdf, outlineTitles, pageText, renderPage } from './read.ts';

describe('the PDF pipeline', () => {
  it('prints byte-identical PDFs from the same input, a manual with its contents page included', async () => {
    const jobs = allJobs(sites.main.out).filter((j) => j.locale === 'ko' && (j.slug === 'transit-card' || j.kind === 'manual'));
    expect(jobs.map((j) => `${j.kind} ${j.edition}`).sort()).toEqual(['brochure print', 'brochure screen', 'manual print', 'manual screen']);
    // Printed again here, in this process and its own Chromium, they match the build's bytes.
    const again = path.join(outRoot, 'pdf-again');
    fs.rmSync(again, { recursive: true, force: true });
    await printJobs(sites.main.out, again, jobs);
    for (const job of jobs) {
      const built = fs.readFileSync(path.join(sites.main.out, job.output));
      expect(built.length, job.output).toBeGreaterThan(10_000);
      expect(fs.readFileSync(path.join(again, job.output)).equals(built), `${job.output} as in the build`).toBe(true);
    }
  });

  it('prints nothing on a second build with no change, and gives the same files', () => {
    const again = path.join(outRoot, 'site-again');
    const result = runBuild({ content: sites.main.content, out: again, cacheDir: path.join(outRoot, 'site.cache'), pdf: true });
    expect(result.status, result.output).toBe(0);
    expect(result.output).toMatch(/\[pdf\] \d+ PDFs, \d+ pages: 0 printed, \d+ unchanged/);
    // The whole dist/ is reproducible: HTML, assets, search index and PDFs hash the same.
    const hashes = (d: string) =>
      new Map(
        (fs.globSync('**/*', { cwd: d, withFileTypes: false }) as string[])
          .filter((f) => fs.statSync(path.join(d, f)).isFile())
          .map((f) => [
            f,
            createHash('sha256')
              .update(fs.readFileSync(path.join(d, f)))
              .digest('hex'),
          ]),
      );
    const first = hashes(sites.main.out);
    const second = hashes(again);
    expect([...second.keys()].sort()).toEqual([...first.keys()].sort());
    expect([...first].filter(([f, h]) => second.get(f) !== h).map(([f]) => f)).toEqual([]);
  });

  it('makes a custom pack for a delegation: chosen cases, one language, a cover and contents', async () => {
    const out = path.join(outRoot, 'pack.pdf');
    const run = spawnSync(
      process.execPath,
      [path.join(root, 'scripts/pdf.ts'), '--site', sites.main.out, '--locale', 'es', '--cases', 'water-supply,transit-card', '--out', out],
      { encoding: 'utf8' },
    );
    expect(run.status, run.stderr).toBe(0);
    const titles = outlineTitles(await loadPdf(out));
    const manual = outlineTitles(await loadPdf(path.join(sites.main.out, 'pdf/es/manual.pdf')));
    const caseTitles = (t: string[]) => t.filter((x) => manual.includes(x));
    expect(titles.some((t) => /Arisu/.test(t))).toBe(true);
    expect(titles.some((t) => /T-money/.test(t))).toBe(true);
    expect(titles.some((t) => /Nanjido/.test(t))).toBe(false);
    expect(caseTitles(titles).length).toBeLessThan(caseTitles(manual).length);
    // The cover lists the pack's cases only.
    expect(pageText(path.join(sites.main.out, 'pdf/es/manual.pdf'), 1)).toMatch(/Nanjido/);
    expect(pageText(out, 1)).toMatch(/Arisu/);
    expect(pageText(out, 1)).not.toMatch(/Nanjido/);
  });

  it('adds crop marks outside the bleed on request, leaving trim and bleed where they were', async () => {
    const out = path.join(outRoot, 'pack-marks.pdf');
    const args = [path.join(root, 'scripts/pdf.ts'), '--site', sites.main.out, '--locale', 'en', '--cases', 'subway', '--edition', 'print', '--out', out];
    const refused = spawnSync(process.execPath, [...args.filter((a) => a !== '--edition' && a !== 'print'), '--marks'], { encoding: 'utf8' });
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toContain('--marks needs --edition print');
    const run = spawnSync(process.execPath, [...args, '--marks'], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const page = (await loadPdf(out)).getPages()[1];
    if (!page) throw new Error('no second page');
    const [mx = 0, my = 0, mw = 0] = box(page, 'MediaBox');
    const [tx = 0, ty = 0, tw = 0, th = 0] = box(page, 'TrimBox');
    expect([tx, ty, tw, th].map(Math.round)).toEqual([9, 9, 595, 842]);
    expect(box(page, 'BleedBox').map(Math.round)).toEqual([0, 0, 612, 859]);
    expect(tx - mx).toBeCloseTo(10 * (72 / 25.4), 0);
    expect(mw).toBeCloseTo(tw + 20 * (72 / 25.4), 0);
    // Rendered, the marks are dark lines in the white margin beyond the bleed, in line with the trim.
    const png = renderPage(out, 2, 72);
    const dark = (x: number, y: number) => {
      const i = (png.width * y + x) * 4;
      return (png.data[i] ?? 255) < 128;
    };
    const left = Math.round(tx - mx);
    const top = Math.round(my + png.height - (ty + th));
    const inMargin = Array.from({ length: 8 }, (_, k) => left - 12 - k);
    expect(inMargin.some((x) => dark(x, top) || dark(x, top - 1) || dark(x, top + 1))).toBe(true);
    expect(dark(Math.round(left / 2), Math.round(png.height / 2))).toBe(false);
  });

  it('refuses an unknown case and names the ones it has', () => {
    const run = spawnSync(
      process.execPath,
      [path.join(root, 'scripts/pdf.ts'), '--site', sites.main.out, '--locale', 'es', '--cases', 'metro', '--out', path.join(outRoot, 'x.pdf')],
      { encoding: 'utf8' },
    );
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('unknown case(s) metro; available: bus-reform');
  });
});
