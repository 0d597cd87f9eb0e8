import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';

/**
 * Three projects. `unit` tests (content check, formats, dictionaries) read files and run in
 * seconds; `build` tests run builds of their own (locks, failures, interruptions); `site` tests read
 * the sites that `tests/setup/global-setup.ts` builds. The global setup starts those builds and
 * returns, so `unit` and `build` files run while the sites build, and each `site` file waits for
 * them (`tests/setup/wait.ts`). `npx vitest run --project unit` gives an author's change a verdict
 * without building anything.
 */

/**
 * Files that need no global build go first, so that they fill the time the builds take: `unit`
 * files (all CPU), then `build` files (their builds queue for the Astro step behind the global
 * ones), then `site` files.
 */
class BuildsLast extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const order = ['unit', 'build', 'site'];
    const rank = (spec: TestSpecification) => order.indexOf(spec.project.name);
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}

export default defineConfig({
  test: {
    // Tests that run a whole build take 30-60 s alone, longer beside another file on 2 cores.
    testTimeout: 180_000,
    // Two files at a time even on a 2-core machine: most tests wait on Chromium or a build's
    // child process, so a second file fills the gaps (measured: 290 s -> 241 s of test files).
    maxWorkers: 2,
    hookTimeout: 300_000,
    // Files share their worker's module cache, Chromium and static servers (`tests/setup/browser.ts`):
    // a fresh worker per file cost about 1 s of CPU each, and a browser launch more.
    isolate: false,
    sequence: { sequencer: BuildsLast },
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/content/**/*.test.ts', 'tests/unit/**/*.test.ts'] } },
      { extends: true, test: { name: 'build', include: ['tests/build/**/*.test.ts'] } },
      {
        extends: true,
        test: {
          name: 'site',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/content/**', 'tests/unit/**', 'tests/build/**'],
          globalSetup: ['tests/setup/global-setup.ts'],
          setupFiles: ['tests/setup/wait.ts'],
        },
      },
    ],
  },
});
