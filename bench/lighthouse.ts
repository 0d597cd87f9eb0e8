/**
 * Lighthouse (mobile preset, simulated throttling) on the en, ko and ar case pages of our build and
 * of Starlight's, medians of 3: Performance score and CLS. Lighthouse is not a dependency of the
 * project (it would double what `npm ci` installs); install it anywhere and say where:
 *
 *   npm install --prefix /tmp/lh lighthouse
 *   LIGHTHOUSE=/tmp/lh/node_modules/lighthouse/core/index.js node bench/lighthouse.ts [ours-dir] [starlight-dir]
 *
 * Defaults: `dist/` (after `npm run build`) and `bench/peers/dist/` (after `npm run bench`). Both are
 * served by the project's own static server (no compression), so both are measured alike.
 */
import path from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../src/lib/chromium.ts';
import { projectRoot } from '../src/lib/paths.ts';
import { serve } from '../src/lib/static-server.ts';

type Lighthouse = (
  url: string,
  flags: Record<string, unknown>,
) => Promise<{ lhr: { categories: Record<string, { score: number | null }>; audits: Record<string, { numericValue?: number }> } } | undefined>;

const module = process.env['LIGHTHOUSE'];
if (!module) {
  console.error(
    "bench/lighthouse.ts: set LIGHTHOUSE to Lighthouse's core/index.js (npm install --prefix /tmp/lh lighthouse; LIGHTHOUSE=/tmp/lh/node_modules/lighthouse/core/index.js)",
  );
  process.exit(2);
}
const lighthouse = ((await import(module)) as { default: Lighthouse }).default;
const [ours = path.join(projectRoot, 'dist'), starlight = path.join(projectRoot, 'bench/peers/dist')] = process.argv.slice(2);
const port = 9333;
const browser = await chromium.launch({ executablePath: await chromiumPath(), args: [...chromiumArgs, `--remote-debugging-port=${port}`] });
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
try {
  for (const [name, dir] of [
    ['ours', ours],
    ['Starlight', starlight],
  ] as const) {
    const server = await serve(dir);
    for (const locale of ['en', 'ko', 'ar']) {
      const runs = [];
      for (let i = 0; i < 3; i++) {
        const result = await lighthouse(`${server.origin}/${locale}/cases/water-supply/`, {
          port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['performance'],
        });
        runs.push({
          score: Math.round((result?.lhr.categories['performance']?.score ?? 0) * 100),
          cls: result?.lhr.audits['cumulative-layout-shift']?.numericValue ?? NaN,
        });
      }
      console.log(
        `${name} ${locale}: Performance ${median(runs.map((r) => r.score))} (${runs.map((r) => r.score).join(' / ')}), CLS ${median(runs.map((r) => r.cls)).toFixed(3)}`,
      );
    }
    await server.close();
  }
} finally {
  await browser.close();
}
