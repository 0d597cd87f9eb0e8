import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { allJobs } from '../../src/pdf/documents.ts';
import { printJobs } from '../../src/pdf/print.ts';
import { runBuild } from '../setup/run-build.ts';
import { outRoot, root, sites } from '../setup/sites.ts';
import { loadPdf, outlineTitles } from './read.ts';

describe('the PDF pipeline', () => {
  it('prints byte-identical PDFs from the same input', async () => {
    const jobs = allJobs(sites.main.out).filter((j) => j.locale === 'ko' && j.slug === 'transit-card');
    expect(jobs.map((j) => j.edition).sort()).toEqual(['print', 'screen']);
    const a = path.join(outRoot, 'pdf-a');
    const b = path.join(outRoot, 'pdf-b');
    await printJobs(sites.main.out, a, jobs);
    await printJobs(sites.main.out, b, jobs);
    for (const job of jobs) {
      const first = fs.readFileSync(path.join(a, job.output));
      expect(first.equals(fs.readFileSync(path.join(b, job.output))), job.output).toBe(true);
      expect(first.equals(fs.readFileSync(path.join(sites.main.out, job.output))), `${job.output} as in the build`).toBe(true);
    }
  });

  it('prints nothing on a second build with no change, and gives the same files', () => {
    const again = path.join(outRoot, 'site-again');
    const result = runBuild({ content: sites.main.content, out: again, cacheDir: path.join(outRoot, 'site.cache'), pdf: true });
    expect(result.status, result.output).toBe(0);
    expect(result.output).toMatch(/\[pdf\] \d+ PDFs, \d+ pages: 0 printed, \d+ unchanged/);
    // The whole dist/ is reproducible: HTML, assets, search index and PDFs hash the same.
    const hashes = (d: string) => new Map((fs.globSync('**/*', { cwd: d, withFileTypes: false }) as string[]).filter((f) => fs.statSync(path.join(d, f)).isFile()).map((f) => [f, createHash('sha256').update(fs.readFileSync(path.join(d, f))).digest('hex')]));
    const first = hashes(sites.main.out);
    const second = hashes(again);
    expect([...second.keys()].sort()).toEqual([...first.keys()].sort());
    expect([...first].filter(([f, h]) => second.get(f) !== h).map(([f]) => f)).toEqual([]);
  });

  it('makes a custom pack for a delegation: chosen cases, one language, a cover and contents', async () => {
    const out = path.join(outRoot, 'pack.pdf');
    const run = spawnSync(process.execPath, [path.join(root, 'scripts/pdf.ts'), '--site', sites.main.out, '--locale', 'es', '--cases', 'water-supply,transit-card', '--out', out], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const titles = outlineTitles(await loadPdf(out));
    const manual = outlineTitles(await loadPdf(path.join(sites.main.out, 'pdf/es/manual.pdf')));
    const caseTitles = (t: string[]) => t.filter((x) => manual.includes(x));
    expect(titles.some((t) => /Arisu/.test(t))).toBe(true);
    expect(titles.some((t) => /T-money/.test(t))).toBe(true);
    expect(titles.some((t) => /Nanjido/.test(t))).toBe(false);
    expect(caseTitles(titles).length).toBeLessThan(caseTitles(manual).length);
  });

  it('refuses an unknown case and names the ones it has', () => {
    const run = spawnSync(process.execPath, [path.join(root, 'scripts/pdf.ts'), '--site', sites.main.out, '--locale', 'es', '--cases', 'metro', '--out', path.join(outRoot, 'x.pdf')], { encoding: 'utf8' });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('unknown case(s) metro; available: bus-reform');
  });
});
