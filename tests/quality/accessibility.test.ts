import fs from 'node:fs';
import path from 'node:path';
import axe from 'axe-core';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { localeCodes } from '../../src/i18n/locales.ts';
import { useBrowser } from '../setup/browser.ts';
import { sites } from '../setup/sites.ts';

const chromium = useBrowser(sites.main.out);

const slugs = fs.readdirSync(path.join(sites.main.content, 'cases')).sort();

/** Serious and critical axe violations on the page as it stands, one line each. */
async function violations(page: Page): Promise<string[]> {
  // axe is served as a cacheable script (compiled once per tab, not once per page) and injected
  // past the page's own CSP, which would rightly refuse it.
  await page.addScriptTag({ url: '/__axe.js' });
  const result = (await page.evaluate(`axe.run(document, { resultTypes: ['violations'] })`)) as axe.AxeResults;
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.slice(0, 3).map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${v.help}`));
}

/** A tab that audits page after page. */
async function auditor(): Promise<{ audit: (route: string, prepare?: (page: Page) => Promise<void>) => Promise<string[]>; close: () => Promise<void> }> {
  const context = await chromium.browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
  await context.route('**/__axe.js', (route) =>
    route.fulfill({ body: axe.source, contentType: 'text/javascript', headers: { 'cache-control': 'max-age=3600' } }),
  );
  const page = await context.newPage();
  return {
    audit: async (route, prepare) => {
      await page.goto(`${chromium.origin}${route}`, { waitUntil: 'load' });
      await prepare?.(page);
      return (await violations(page)).map((v) => `${route}: ${v}`);
    },
    close: () => context.close(),
  };
}

/** Audits routes in two tabs at a time: one loads while axe runs in the other. */
async function auditAll(routes: string[]): Promise<string[]> {
  const found: string[] = [];
  const queue = [...routes];
  await Promise.all(
    [0, 1].map(async () => {
      const tab = await auditor();
      for (let route = queue.shift(); route; route = queue.shift()) found.push(...(await tab.audit(route)));
      await tab.close();
    }),
  );
  return found;
}

describe('accessibility (axe-core, no serious or critical violations)', () => {
  it('on the language chooser', async () => {
    expect(await auditAll(['/'])).toEqual([]);
  });

  it.each(localeCodes)('on every page type in %s', { timeout: 240_000 }, async (locale) => {
    const found = await auditAll([
      `/${locale}/`,
      `/${locale}/cases/`,
      `/${locale}/track-record/`,
      `/${locale}/partner/`,
      `/${locale}/pack/`,
      ...slugs.map((s) => `/${locale}/cases/${s}/`),
    ]);
    const tab = await auditor();
    found.push(
      ...(await tab.audit(`/${locale}/search/?q=Seoul`, async (page) => {
        await page.locator('.search-result').first().waitFor();
      })),
    );
    await tab.close();
    expect(found).toEqual([]);
  });
});

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
