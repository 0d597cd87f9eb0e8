import fs from 'node:fs';
import path from 'node:path';
import { runBuild } from './run-build.ts';
import { copyDir, hostileTitle, outRoot, root, sites } from './sites.ts';

/**
 * Builds every site the tests read, one after another (Astro builds share `.astro/`).
 * `SSM_TEST_REUSE=1` keeps builds from a previous run, for quick iterations on tests.
 */
export default function setup(): void {
  fs.mkdirSync(outRoot, { recursive: true });
  const reuse = process.env['SSM_TEST_REUSE'] === '1';
  const variant = sites.variant.content;
  fs.rmSync(variant, { recursive: true, force: true });
  copyDir(sites.main.content, variant);
  copyDir(path.join(root, 'tests/fixtures/valid-case/cases'), path.join(variant, 'cases'));
  const pilot = path.join(variant, 'cases/pilot-library/ko.mdx');
  fs.writeFileSync(pilot, fs.readFileSync(pilot, 'utf8').replace(/^title: .*$/m, `title: '${hostileTitle}'`));
  fs.appendFileSync(path.join(variant, 'cases/transit-card/ko.mdx'), '\n서울시는 2026년에 이 사례의 내용을 보완했습니다.\n');
  // A translation reviewed by a named person on a given day.
  const reviewed = path.join(variant, 'cases/nanjido/en.mdx');
  fs.writeFileSync(
    reviewed,
    fs.readFileSync(reviewed, 'utf8').replace('  status: draft\n', '  status: reviewed\n  reviewer: Test Reviewer\n  reviewed: 2026-11-30\n'),
  );
  fs.rmSync(path.join(variant, 'cases/dmc/fr.mdx'));
  fs.rmSync(path.join(variant, 'cases/transit-card/es.mdx'));
  for (const [name, site] of Object.entries(sites)) {
    if (reuse && fs.existsSync(path.join(site.out, 'index.html'))) continue;
    const started = Date.now();
    const result = runBuild(site);
    if (result.status !== 0) throw new Error(`building the ${name} site failed:\n${result.output}`);
    console.log(`[tests] built ${name} site in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}
