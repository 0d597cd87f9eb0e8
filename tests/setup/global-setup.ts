import fs from 'node:fs';
import path from 'node:path';
import { runBuild } from './run-build.ts';
import { copyDir, outRoot, root, sites } from './sites.ts';

/**
 * Builds every site the tests read, one after another (Astro builds share `.astro/`).
 * `SSM_TEST_REUSE=1` keeps builds from a previous run, for quick iterations on tests.
 */
export default function setup(): void {
  fs.mkdirSync(outRoot, { recursive: true });
  const reuse = process.env['SSM_TEST_REUSE'] === '1';
  const koOnly = sites.koOnly.content;
  fs.rmSync(koOnly, { recursive: true, force: true });
  copyDir(sites.main.content, koOnly);
  copyDir(path.join(root, 'tests/fixtures/valid-case/cases'), path.join(koOnly, 'cases'));
  for (const [name, site] of Object.entries(sites)) {
    if (reuse && fs.existsSync(path.join(site.out, 'index.html'))) continue;
    const started = Date.now();
    const result = runBuild(site);
    if (result.status !== 0) throw new Error(`building the ${name} site failed:\n${result.output}`);
    console.log(`[tests] built ${name} site in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}
