import { describe, expect, it } from 'vitest';
import { useBrowser } from '../setup/browser.ts';
import { sites } from '../setup/sites.ts';

/** The axe-core audit of every page type in every locale is part of the one crawl in `tests/browser/every-page.test.ts`. */
const chromium = useBrowser(sites.main.out);

describe('keyboard use', () => {
  it('reaches the skip link first, and it moves focus to the main content', async () => {
    const page = await chromium.browser.newPage();
    await page.goto(`${chromium.origin}/ko/cases/subway/`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('skip-link'))).toBe(true);
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
    expect(outline).not.toBe('none');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => location.hash)).toBe('#main');
    await page.close();
  });

  it('opens the language switcher and changes language without a mouse', async () => {
    const page = await chromium.browser.newPage();
    await page.goto(`${chromium.origin}/en/cases/subway/`);
    await page.locator('.language-switcher summary').focus();
    await page.keyboard.press('Enter');
    await page.locator('.language-switcher a[hreflang="ar"]').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/ar\/cases\/subway\//);
    await page.close();
  });
});
