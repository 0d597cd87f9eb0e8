import fs from 'node:fs';
import path from 'node:path';
import axe from 'axe-core';
import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { localeCodes } from '../../src/i18n/locales.ts';
import { useBrowser } from '../setup/browser.ts';
import { sites } from '../setup/sites.ts';

/**
 * One crawl of every page type in every locale, each page loaded once and checked for all that a
 * reader would notice: accessibility (axe-core), horizontal scrolling on a 320 px phone, bold text
 * drawn with a bold face, fonts cut to the site, and privacy (no request to another origin, no
 * Content-Security-Policy violation). The checks share the loads, so adding one costs little.
 */

const chromium = useBrowser(sites.main.out);
const slugs = fs.readdirSync(path.join(sites.main.content, 'cases')).sort();

/** What one page showed, check by check; every list is empty on a good page. */
interface Findings {
  /** The page did not load (a status other than 200). */
  load: string[];
  axe: string[];
  overflow: string[];
  fakeBold: string[];
  slices: string[];
  foreign: string[];
  csp: string[];
}

/** How a page is checked: web pages get every check; the print manual only those that apply to print. */
interface Visit {
  route: string;
  print?: boolean;
  /** Waits for what the page shows after load (search results). */
  ready?: (page: Page) => Promise<void>;
}

/**
 * Characters of bold text (weight 600 and up) that no bold face of their family covers: the
 * browser would draw them by thickening the regular face. The bold faces hold only what the
 * build counted as bold (`src/lib/font-subset.ts`), so this is where a miscount shows.
 */
const fakeBold = () => {
  const ranges = (range: string) =>
    range.split(',').map((part) => {
      const [from = '', to = from] = part.trim().replace(/^U\+/i, '').split('-');
      return [parseInt(from, 16), parseInt(to, 16)] as const;
    });
  const faces = [...document.fonts].map((face) => ({
    family: face.family.replace(/["']/g, ''),
    bold: Number(face.weight) >= 600,
    ranges: ranges(face.unicodeRange),
  }));
  const covers = (face: (typeof faces)[number], cp: number) => face.ranges.some(([from, to]) => cp >= from && cp <= to);
  const missing = new Map<string, string>();
  const seen = new Set<string>();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const element = node.parentElement;
    if (!element || !element.getClientRects().length) continue;
    const style = getComputedStyle(element);
    if (Number(style.fontWeight) < 600 || style.display === 'none' || style.visibility === 'hidden') continue;
    const families = style.fontFamily.split(',').map((f) => f.trim().replace(/^["']|["']$/g, ''));
    for (const char of node.textContent ?? '') {
      const key = `${style.fontFamily}\u0000${char}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const cp = char.codePointAt(0) ?? 0;
      if (cp <= 0x20 || /\p{Default_Ignorable_Code_Point}/u.test(char)) continue;
      // The family that draws it: the first whose faces cover it at any weight.
      const family = families.find((f) => faces.some((face) => face.family === f && covers(face, cp)));
      const bold = faces.some((face) => face.family === family && face.bold && covers(face, cp));
      if (family && !bold) missing.set(char, `${family}: "${(node.textContent ?? '').trim().slice(0, 40)}"`);
    }
  }
  return [...missing].map(([char, where]) => `${char} (${where})`);
};

/**
 * The rules axe runs by default that can report a serious or critical violation (a rule's own
 * impact, else the highest of its checks'; a rule whose impact is unknown is kept), as an
 * expression for the page. The others can only report minor or moderate findings, which this
 * audit does not fail on; leaving them out makes each page's audit about a third faster.
 */
const seriousRules = `(() => {
  const rank = { minor: 1, moderate: 2, serious: 3, critical: 4 };
  return axe._audit.rules
    .filter((rule) => rule.enabled !== false)
    .filter((rule) => {
      if (rule.impact) return rank[rule.impact] >= 3;
      const impacts = [...rule.any, ...rule.all, ...rule.none].map((c) => axe._audit.data.checks[typeof c === 'string' ? c : c.id]?.impact);
      return impacts.length === 0 || impacts.some((impact) => !(impact in rank) || rank[impact] >= 3);
    })
    .map((rule) => rule.id);
})()`;

/** A tab that checks page after page; requests and console messages are told to the page being checked. */
async function inspector(): Promise<{ check: (visit: Visit) => Promise<Findings>; close: () => Promise<void> }> {
  // A phone first: the page is loaded at 320 px, then widened to a desktop for axe and the fonts.
  const context: BrowserContext = await chromium.browser.newContext({ viewport: { width: 320, height: 640 } });
  const page = await context.newPage();
  let current: Findings | undefined;
  page.on('request', (request) => {
    const url = request.url();
    if (!current) return;
    if (!url.startsWith(chromium.origin) && !url.startsWith('data:')) current.foreign.push(url);
    // `/fonts/noto-sans-kr-112-400-normal.woff2` is a slice of the whole font; the site's own
    // subsets are `/fonts/hangul-400-notosanskr.<hash>.woff2` and `/fonts/names-…`.
    if (/\/fonts\/noto-sans[^/]*\.woff2$/.test(url)) current.slices.push(url);
  });
  page.on('console', (message) => {
    if (current && /Content Security Policy/i.test(message.text())) current.csp.push(message.text().slice(0, 160));
  });
  return {
    check: async ({ route, print, ready }) => {
      const found: Findings = { load: [], axe: [], overflow: [], fakeBold: [], slices: [], foreign: [], csp: [] };
      current = found;
      await page.setViewportSize({ width: 320, height: 640 });
      const response = await page.goto(`${chromium.origin}${route}`, { waitUntil: 'load' });
      if (response?.status() !== 200) found.load.push(`status ${response?.status() ?? 'none'}`);
      await ready?.(page);
      await page.evaluate(() => document.fonts.ready);
      if (!print) {
        const extra = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        if (extra > 0) found.overflow.push(`${extra} px too wide at 320 px`);
      }
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.evaluate(() => document.fonts.ready);
      found.fakeBold.push(...(await page.evaluate(fakeBold)));
      if (!print) {
        // axe is evaluated in the page by the browser's debugging protocol, which the page's CSP
        // does not govern, so the page keeps its own policy and a violation still shows.
        await page.evaluate(axe.source);
        const result = (await page.evaluate(
          `axe.run(document, { runOnly: { type: 'rule', values: ${seriousRules} }, resultTypes: ['violations'] })`,
        )) as axe.AxeResults;
        found.axe.push(
          ...result.violations
            .filter((v) => v.impact === 'serious' || v.impact === 'critical')
            .flatMap((v) => v.nodes.slice(0, 3).map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${v.help}`)),
        );
      }
      // Watched until the page has reached network idle (no request for half a second), as the
      // privacy crawl did: a request made while it loads, is checked or settles is seen.
      await page.waitForLoadState('networkidle');
      current = undefined;
      return found;
    },
    close: () => context.close(),
  };
}

/** Checks the visits in two tabs at a time (one loads while the other runs axe): findings by route. */
async function crawl(visits: Visit[]): Promise<Map<string, Findings>> {
  const results = new Map<string, Findings>();
  const queue = [...visits];
  await Promise.all(
    [0, 1].map(async () => {
      const tab = await inspector();
      for (let visit = queue.shift(); visit; visit = queue.shift()) results.set(visit.route, await tab.check(visit));
      await tab.close();
    }),
  );
  return results;
}

/** Every finding of one kind, as `route: finding`. */
const all = (results: Map<string, Findings>, kind: keyof Findings) => [...results].flatMap(([route, f]) => f[kind].map((x) => `${route}: ${x}`));

const searchResults = async (page: Page) => {
  await page.locator('.search-result').first().waitFor();
};

describe('the language chooser', () => {
  let results: Map<string, Findings>;
  beforeAll(async () => {
    results = await crawl([{ route: '/' }]);
  });
  it('is audited with every axe rule that can report a serious or critical violation, and only those', async () => {
    const page = await chromium.browser.newPage();
    await page.goto(`${chromium.origin}/`);
    await page.evaluate(axe.source);
    const rules = (await page.evaluate(seriousRules)) as string[];
    for (const rule of ['color-contrast', 'image-alt', 'button-name', 'link-name', 'label', 'aria-hidden-focus', 'valid-lang', 'nested-interactive'])
      expect(rules).toContain(rule);
    // Rules that can only report minor or moderate findings.
    for (const rule of ['region', 'heading-order', 'landmark-unique', 'meta-viewport']) expect(rules).not.toContain(rule);
    await page.close();
  });
  it.each(['load', 'axe', 'overflow', 'fakeBold', 'slices', 'foreign', 'csp'] as const)('has no %s findings', (kind) => {
    expect(all(results, kind)).toEqual([]);
  });
});

describe.each(localeCodes)('every page type in %s', (locale) => {
  let results: Map<string, Findings>;
  beforeAll(async () => {
    results = await crawl([
      { route: `/${locale}/` },
      { route: `/${locale}/cases/` },
      ...slugs.map((s) => ({ route: `/${locale}/cases/${s}/` })),
      { route: `/${locale}/track-record/` },
      { route: `/${locale}/partner/` },
      { route: `/${locale}/pack/` },
      { route: `/${locale}/search/?q=Seoul`, ready: searchResults },
      { route: `/print/${locale}/manual/`, print: true },
    ]);
  });

  it('loads every page', () => {
    expect(results.size).toBe(slugs.length + 7);
    expect(all(results, 'load')).toEqual([]);
  });

  it('has no serious or critical accessibility violation (axe-core)', () => {
    expect(all(results, 'axe')).toEqual([]);
  });

  it('scrolls only downwards on a 320 px phone', () => {
    expect(all(results, 'overflow')).toEqual([]);
  });

  it('draws every bold character with a bold glyph, on the pages and in the printed manual (no thickened regular)', () => {
    expect(all(results, 'fakeBold')).toEqual([]);
  });

  it('draws every character with a font cut to the site (no unicode-range slice of the whole font fetched)', () => {
    expect(all(results, 'slices')).toEqual([]);
  });

  it('makes no request to another origin, and breaks none of its own Content-Security-Policy', () => {
    expect(all(results, 'foreign')).toEqual([]);
    expect(all(results, 'csp')).toEqual([]);
  });
});
