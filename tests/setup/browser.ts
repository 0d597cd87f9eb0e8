import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from '../../src/lib/chromium.ts';
import { serve } from '../../src/lib/static-server.ts';

export { serve } from '../../src/lib/static-server.ts';
export { launchChromium as launch } from '../../src/lib/chromium.ts';

/**
 * For a test file that drives Chromium: serves a built site and launches one browser before the
 * tests, closes both after. Read `.browser` and `.origin` inside tests.
 */
export function useBrowser(dir: string): { browser: Browser; origin: string } {
  const handle = {} as { browser: Browser; origin: string };
  let close: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const site = await serve(dir);
    close = site.close;
    handle.origin = site.origin;
    handle.browser = await launchChromium();
  });
  afterAll(async () => {
    await handle.browser?.close();
    await close?.();
  });
  return handle;
}
