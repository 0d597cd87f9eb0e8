import type { Browser } from 'playwright-core';
import { beforeAll } from 'vitest';
import { launchChromium } from '../../src/lib/chromium.ts';
import { serve } from '../../src/lib/static-server.ts';

/** One Chromium per test worker, launched when a file first asks for it. */
let browser: Promise<Browser> | undefined;
/** One static server per built site and worker. */
const servers = new Map<string, Promise<{ origin: string }>>();

/**
 * For a test file that drives Chromium: a served built site and a browser, ready before the tests.
 * Read `.browser` and `.origin` inside tests. Files that run in the same worker share the browser
 * and the server (Vitest runs files without isolation, see `vitest.config.ts`); each file opens
 * and closes its own pages and contexts. Playwright closes the browser when the worker exits.
 */
export function useBrowser(dir: string): { browser: Browser; origin: string } {
  const handle = {} as { browser: Browser; origin: string };
  beforeAll(async () => {
    if (!servers.has(dir)) servers.set(dir, serve(dir));
    browser ??= launchChromium();
    const [site, launched] = await Promise.all([servers.get(dir), browser]);
    handle.origin = site?.origin ?? '';
    handle.browser = launched;
  });
  return handle;
}
