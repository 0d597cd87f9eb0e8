import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { buildArgs } from './run-build.ts';
import { copyDir, hostileTitle, markerOf, outRoot, root, sites } from './sites.ts';

/**
 * Starts a build of every site the tests read and returns at once: the `unit` and `build` projects
 * run meanwhile, and each `site` test file waits for the builds it reads (`tests/setup/wait.ts`).
 * A finished build leaves a marker beside its output with its exit status and what it printed.
 * Builds take Astro's step one at a time (`.astro/build.lock`): the main site first.
 * `SSM_TEST_REUSE=1` keeps builds from a previous run, for quick iterations on tests.
 */
export default function setup(): () => void {
  fs.mkdirSync(outRoot, { recursive: true });
  const reuse = process.env['SSM_TEST_REUSE'] === '1';
  for (const site of Object.values(sites)) fs.rmSync(markerOf(site), { force: true });
  writeVariantContent();
  const running: ChildProcess[] = [];
  /** Starts a site's build; `then` runs once its Astro step has begun (it holds `.astro/build.lock`) or it ended. */
  const start = (name: keyof typeof sites, then?: () => void) => {
    const site = sites[name];
    if (reuse && fs.existsSync(path.join(site.out, 'index.html'))) {
      fs.writeFileSync(markerOf(site), JSON.stringify({ status: 0, output: '', seconds: 0 }));
      return then?.();
    }
    const started = Date.now();
    const { command, args, env } = buildArgs(site);
    const child = spawn(command, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    running.push(child);
    let output = '';
    let next = then;
    const proceed = () => {
      next?.();
      next = undefined;
    };
    child.stdout.on('data', (d: Buffer) => {
      output += d.toString();
      if (output.includes('[build] site →')) proceed();
    });
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('close', (code, signal) => {
      const seconds = (Date.now() - started) / 1000;
      fs.writeFileSync(markerOf(site), JSON.stringify({ status: code ?? signal, output, seconds }));
      console.log(`[tests] built the ${name} site in ${seconds.toFixed(1)} s${code === 0 ? '' : ' (FAILED)'}`);
      proceed();
    });
  };
  // The main site (with its PDFs) is the longer build, so it takes the Astro step first.
  start('main', () => start('variant'));
  return () => {
    for (const child of running) if (child.exitCode === null) child.kill('SIGTERM');
  };
}

/**
 * The real content changed the way staff change it (see `sites.variant`): a Korean-only case with
 * a hostile title, a Korean source edited after its translations, a reviewed translation, and two
 * translations removed.
 */
function writeVariantContent(): void {
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
}
