import { defineConfig } from 'vitest/config';

/**
 * Two projects: `unit` tests (content check, formats, dictionaries) read files and run in seconds;
 * `site` tests assert on the built site and PDFs, which `tests/setup/global-setup.ts` builds once.
 * `npx vitest run --project unit` gives an author's change a verdict without building anything.
 */
export default defineConfig({
  test: {
    // Tests that run a whole build take 30-60 s alone, longer beside another file on 2 cores.
    testTimeout: 180_000,
    // Two files at a time even on a 2-core machine: most tests wait on Chromium or a build's
    // child process, so a second file fills the gaps (measured: 290 s -> 241 s of test files).
    maxWorkers: 2,
    hookTimeout: 300_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/content/**/*.test.ts', 'tests/unit/**/*.test.ts'] } },
      {
        extends: true,
        test: {
          name: 'site',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/content/**', 'tests/unit/**'],
          // Builds the site (and fixture sites) once; test files then read the built HTML.
          globalSetup: ['tests/setup/global-setup.ts'],
        },
      },
    ],
  },
});
