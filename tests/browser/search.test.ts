import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { normaliseQuery } from '../../src/search/korean.ts';
import { useBrowser } from '../setup/browser.ts';
import { sites } from '../setup/sites.ts';
import { queries } from '../search/queries.ts';

const chromium = useBrowser(sites.main.out);

/** The case slugs Pagefind returns for a query, best first, through its own JS API in the page. */
async function ranked(page: Page, query: string): Promise<string[]> {
  // A string, so that Vitest's transform leaves the browser's own dynamic import() alone.
  const urls = (await page.evaluate(`(async () => {
    const pagefind = await import('/pagefind/pagefind.js');
    const search = await pagefind.search(${JSON.stringify(query)});
    const data = await Promise.all(search.results.slice(0, 10).map((r) => r.data()));
    return data.map((d) => d.url);
  })()`)) as string[];
  return urls.map((url) => /\/cases\/([^/]+)\//.exec(url)?.[1] ?? url);
}

describe('search quality, query by query, in every locale', () => {
  it.each(Object.entries(queries))('%s: every query finds its case within its rank', async (locale, list) => {
    const page = await chromium.browser.newPage();
    await page.goto(`${chromium.origin}/${locale}/`);
    const misses: string[] = [];
    let raw = 0;
    for (const { q, expect: slug, top } of list) {
      const rank = (await ranked(page, normaliseQuery(q, locale))).indexOf(slug) + 1;
      if (rank < 1 || rank > top) misses.push(`"${q}" → ${slug} at rank ${rank || 'none'} (wanted top ${top})`);
      if (locale === 'ko') {
        const before = (await ranked(page, q)).indexOf(slug) + 1;
        if (before >= 1 && before <= top) raw++;
      }
    }
    const rate = `${list.length - misses.length}/${list.length}`;
    console.log(`[search] ${locale}: hit rate ${rate}${locale === 'ko' ? ` (without Korean normalisation ${raw}/${list.length})` : ''}`);
    expect(misses).toEqual([]);
    await page.close();
  });
});

describe('searching from a case page', () => {
  it('opens with the keyboard, shows results in the page language, follows one, and loads nothing for search before', async () => {
    const page = await chromium.browser.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await page.goto(`${chromium.origin}/fr/cases/subway/`, { waitUntil: 'networkidle' });
    expect(requests.filter((p) => p.startsWith('/pagefind/'))).toEqual([]);

    await page.keyboard.press('/');
    const input = page.locator('dialog[open] input[type=search]');
    await expect.poll(() => input.isVisible()).toBe(true);
    await input.fill('décharge');
    const first = page.locator('dialog[open] .search-result a').first();
    await first.waitFor();
    expect(await page.locator('dialog[open] .search-status').textContent()).toMatch(/résultat/i);
    expect(requests.some((p) => p.startsWith('/pagefind/'))).toBe(true);
    await first.click();
    await page.waitForURL(/\/fr\/cases\/nanjido\//);
    await page.close();
  });

  it('runs a search from ?q= on the search page', async () => {
    const page = await chromium.browser.newPage();
    await page.goto(`${chromium.origin}/en/search/?q=${encodeURIComponent('landfill')}`);
    const first = page.locator('.search-result a').first();
    await first.waitFor();
    expect(await first.getAttribute('href')).toContain('/en/cases/nanjido/');
    await page.close();
  });
});
