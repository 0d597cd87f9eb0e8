import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser } from '../setup/browser.ts';
import { sites } from '../setup/sites.ts';

const chromium = useBrowser(sites.main.out);

interface Request {
  url: string;
  status: number;
  type: string;
}

/** Opens a page at a width and records every request it makes (until the network is idle, if asked). */
async function open(route: string, width = 360, until: 'load' | 'networkidle' = 'load'): Promise<{ page: Page; requests: Request[] }> {
  const page = await chromium.browser.newPage({ viewport: { width, height: 800 } });
  const requests: Request[] = [];
  page.on('requestfinished', async (req) => requests.push({ url: req.url(), status: (await req.response())?.status() ?? 0, type: req.resourceType() }));
  page.on('requestfailed', (req) => requests.push({ url: req.url(), status: 0, type: req.resourceType() }));
  await page.goto(`${chromium.origin}/${route}`, { waitUntil: until });
  await page.evaluate(() => document.fonts.ready);
  return { page, requests };
}

describe('right-to-left Arabic', () => {
  it('lays an Arabic case page out from the right, and nothing overflows at 360 px', async () => {
    const { page } = await open('ar/cases/transit-card/');
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    // The header starts on the right: the site name touches the right margin, and the menu reads right to left.
    const name = await page.locator('header a').first().boundingBox();
    const links = await page.locator('header nav a').evaluateAll((as) => as.map((a) => a.getBoundingClientRect().x));
    if (!name) throw new Error('site name not found');
    expect(360 - (name.x + name.width)).toBeLessThan(24);
    expect(name.x).toBeGreaterThan(24);
    expect(links[0]).toBeGreaterThan(links[1] ?? Infinity);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.close();
  });
});

describe.each(['vi', 'zh', 'ko', 'ar', 'en'])('a %s case page on a 360 px phone', (locale) => {
  it('has no element wider than the screen', async () => {
    const { page } = await open(`${locale}/cases/water-supply/`);
    const overflow = await page.evaluate(() =>
      [...document.querySelectorAll('body *')]
        .filter((el) => {
          const r = el.getBoundingClientRect();
          return r.width > 0 && (r.right > window.innerWidth + 1 || r.left < -1) && !el.closest('.overflow-x-auto, .sr-only, details:not([open])');
        })
        .map((el) => `${el.tagName.toLowerCase()}.${String(el.className)}`.slice(0, 80)),
    );
    expect(overflow).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.close();
  });
});

const scripts = [
  { route: 'ko/cases/subway/', family: 'Noto Sans KR', sample: '서울' },
  { route: 'zh/cases/subway/', family: 'Noto Sans SC', sample: '首尔' },
  { route: 'ar/cases/subway/', family: 'Noto Sans Arabic', sample: 'سيول' },
  { route: 'vi/cases/subway/', family: 'Noto Sans', sample: 'Tiếng Việt' },
];
describe.each(scripts)('fonts on $route', ({ route, family, sample }) => {
  it(`renders with ${family} served from the site itself, and no font request fails`, async () => {
    const { page, requests } = await open(route, 1280, 'networkidle');
    const fonts = requests.filter((r) => r.type === 'font' || r.url.endsWith('.woff2'));
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) {
      expect(new URL(f.url).origin, f.url).toBe(chromium.origin);
      expect(f.status, f.url).toBe(200);
    }
    // Every character of the sample lies in a face of that family that has loaded. (A face that
    // also covers it but was declared earlier, like the language names' in latin.css, is never used.)
    const loaded = await page.evaluate(
      ([fam, text]) => {
        const covers = (range: string, cp: number) =>
          range.split(',').some((part) => {
            const [from = '', to = from] = part.trim().replace(/^U\+/i, '').split('-');
            return cp >= parseInt(from, 16) && cp <= parseInt(to, 16);
          });
        return [...text]
          .filter((c) => c.trim())
          .every((c) =>
            [...document.fonts].some((f) => f.family.replaceAll('"', '') === fam && f.status === 'loaded' && covers(f.unicodeRange, c.codePointAt(0) ?? 0)),
          );
      },
      [family, sample] as const,
    );
    expect(loaded).toBe(true);
    expect(requests.filter((r) => new URL(r.url).origin !== chromium.origin)).toEqual([]);
    await page.close();
  });
});

// Every page type in every locale at 320 px (no horizontal scroll, no slice of a whole font
// fetched) is part of the one crawl in `tests/browser/every-page.test.ts`.
describe('a character the site never shows', () => {
  it('fetches a slice of the whole font for a character typed into search that the site never shows', async () => {
    const page = await chromium.browser.newPage();
    const slices: string[] = [];
    page.on('request', (req) => /\/fonts\/noto-sans-kr-[^/]*\.woff2$/.test(req.url()) && slices.push(req.url()));
    await page.goto(`${chromium.origin}/ko/search/`, { waitUntil: 'load' });
    expect(slices).toEqual([]);
    // 똠 (as in 똠얌꿍) is in no page of the manual.
    await page.locator('input[type=search]').fill('똠');
    await expect.poll(() => slices.length, { timeout: 10_000 }).toBeGreaterThan(0);
    // The slice is requested first and loaded a moment later.
    await expect.poll(() => page.evaluate(() => document.fonts.check('16px "Noto Sans KR"', '똠')), { timeout: 10_000 }).toBe(true);
    await page.close();
  });
});

describe('readable on a phone in the field (360 px)', () => {
  it('draws chart labels at 12 px or more, in every case that has a chart', async () => {
    const small: string[] = [];
    for (const slug of ['subway', 'e-government', 'water-supply', 'nanjido', 'dmc', 'bus-reform', 'governance']) {
      const { page } = await open(`en/cases/${slug}/`);
      const sizes = await page.$$eval('figure.chart svg', (svgs) =>
        svgs
          .filter((svg) => svg.getClientRects().length > 0)
          .map((svg) => (svg.getBoundingClientRect().width / (svg as SVGSVGElement).viewBox.baseVal.width) * Number(svg.getAttribute('font-size'))),
      );
      if (!sizes.length) small.push(`${slug}: no chart shown`);
      for (const px of sizes) if (px < 12) small.push(`${slug}: labels at ${px.toFixed(1)} px`);
      await page.close();
    }
    expect(small).toEqual([]);
  });

  it('draws map markers 8 px or more across, at 3:1 against the land, and a keyboard reaches a city’s row from its marker', async () => {
    const { page } = await open('en/track-record/');
    const markers = await page.$$eval('.world-map .markers circle', (circles) =>
      circles.map((c) => ({
        width: c.getBoundingClientRect().width,
        fill: getComputedStyle(c).fill,
        stroke: getComputedStyle(c).stroke,
        city: c.dataset['city'],
      })),
    );
    expect(markers.length).toBeGreaterThan(5);
    const luminance = (rgb: string) => {
      const [r = 0, g = 0, b = 0] = (rgb.match(/\d+/g) ?? []).map((v) => {
        const c = Number(v) / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const land = luminance(await page.$eval('.world-map svg path:nth-of-type(2)', (p) => getComputedStyle(p).fill));
    for (const m of markers) {
      expect(m.width, m.city).toBeGreaterThanOrEqual(8);
      // A ring (unconfirmed city) is drawn by its stroke, a dot by its fill.
      const ink = m.fill === 'rgb(255, 255, 255)' ? m.stroke : m.fill;
      const [hi, lo] = [Math.max(luminance(ink), land), Math.min(luminance(ink), land)];
      expect((hi + 0.05) / (lo + 0.05), `${m.city} ${ink}`).toBeGreaterThanOrEqual(3);
    }
    let focused: string | null = null;
    for (let i = 0; i < 80 && !focused; i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() =>
        document.activeElement?.closest('.world-map .markers a') ? (document.activeElement?.getAttribute('href') ?? null) : null,
      );
    }
    expect(focused).toMatch(/^#city-/);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => decodeURIComponent(location.hash))).toBe(decodeURIComponent(focused ?? ''));
    const row = await page.evaluate(() => document.querySelector(':target')?.textContent ?? '');
    const city = await page.$eval(`.world-map .markers a[href="${focused}"] circle`, (c) => (c as SVGElement).dataset['city'] ?? '');
    expect(row).toContain(city);
    await page.close();
  });
});

describe('asking Seoul about a case', () => {
  it('composes an e-mail in the reader’s language to the case’s desk, from a short form', async () => {
    const { page } = await open('ar/cases/water-supply/');
    await page.locator('details.inquiry summary').click();
    const form = page.locator('form[data-inquiry]');
    await form.getByLabel('المدينة').fill('Lima');
    await form.getByLabel('البلد').fill('Peru');
    await form.getByLabel('التدريب').check();
    await form.getByLabel('الرسالة').fill('نود زيارة محطة المياه.');
    await form.getByRole('button', { name: 'اكتب الرسالة' }).click();
    const href = (await form.getAttribute('data-mailto')) ?? '';
    const url = new URL(href);
    const title = await page.locator('h1').first().textContent();
    expect(url.protocol).toBe('mailto:');
    expect(url.pathname).toMatch(/@/);
    expect(url.searchParams.get('subject')).toBe(`استفسار: ${title?.trim()}`);
    expect(url.searchParams.get('body')).toBe('المدينة: Lima\nالبلد: Peru\nمجال الاهتمام: التدريب\n\nنود زيارة محطة المياه.');
    await page.close();
  });

  it('shows a plain e-mail link instead of the form without JavaScript', async () => {
    const context = await chromium.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${chromium.origin}/en/partner/`);
    await page.locator('details.inquiry summary').click();
    expect(await page.locator('form[data-inquiry]').isVisible()).toBe(false);
    const links = await page.locator('details.inquiry a[href^="mailto:"]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(links.length).toBeGreaterThan(0);
    expect(links[0]).toMatch(/^mailto:[^?]+@[^?]+\?subject=Inquiry%3A%20/);
    await context.close();
  });
});
