import fs from 'node:fs';
import path from 'node:path';
import { PDFName, PDFString, PDFHexString } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { useBrowser } from '../setup/browser.ts';
import { outRoot, sites } from '../setup/sites.ts';
import { loadPdf, outlineTitles } from '../pdf/read.ts';

const chromium = useBrowser(sites.main.out);
const site = sites.main.out;

describe('a pack for a delegation, made in the browser', () => {
  it.each(['es', 'ar'])('%s: two chosen cases become one PDF with a cover, their pages, a bookmark each, title and language', async (locale) => {
    const context = await chromium.browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(`${chromium.origin}/${locale}/pack/`);
    const chosen = ['transit-card', 'water-supply'];
    for (const slug of chosen) await page.locator(`input[name="case"][value="${slug}"]`).check();
    // The order of the pack is the order of the list on the page.
    const order = await page
      .locator('input[name="case"]:checked')
      .evaluateAll((inputs) => inputs.map((i) => [(i as HTMLInputElement).value, i.dataset['title'] ?? '']));
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#pack-form button[type="submit"]').click()]);
    const file = path.join(outRoot, `pack-${locale}.pdf`);
    await download.saveAs(file);
    expect(download.suggestedFilename()).toBe(`seoul-pack-${locale}.pdf`);
    const doc = await loadPdf(file);
    const brochurePages = await Promise.all(order.map(async ([slug]) => (await loadPdf(path.join(site, 'pdf', locale, `${slug}.pdf`))).getPageCount()));
    expect(doc.getPageCount()).toBe(1 + brochurePages.reduce((a, b) => a + b, 0));
    expect(outlineTitles(doc)).toEqual(order.map(([, title]) => title));
    for (const [, title] of order) expect(doc.getTitle()).toContain(title);
    const lang = doc.catalog.lookup(PDFName.of('Lang'));
    expect(lang instanceof PDFString || lang instanceof PDFHexString ? lang.decodeText() : '').toBe(locale);
    await expect.poll(() => page.locator('.pack-status').textContent()).toContain('seoul-pack');
    await context.close();
  });

  it('makes an A5 booklet of the pack on request', async () => {
    const context = await chromium.browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(`${chromium.origin}/en/pack/`);
    await page.locator('input[name="case"][value="subway"]').check();
    await page.locator('input[name="booklet"]').check();
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#pack-form button[type="submit"]').click()]);
    const file = path.join(outRoot, 'pack-booklet.pdf');
    await download.saveAs(file);
    const doc = await loadPdf(file);
    const pages = 1 + (await loadPdf(path.join(site, 'pdf/en/subway.pdf'))).getPageCount();
    expect(doc.getPageCount()).toBe(Math.ceil(pages / 4) * 2);
    expect(doc.getPage(0).getWidth()).toBeGreaterThan(doc.getPage(0).getHeight());
    await context.close();
  });

  it('loads the pack builder on no other page, and lists every PDF to download without JavaScript', async () => {
    const packPage = fs.readFileSync(path.join(site, 'en/pack/index.html'), 'utf8');
    const home = fs.readFileSync(path.join(site, 'en/index.html'), 'utf8');
    const scripts = (html: string) => [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1] ?? '');
    const own = scripts(packPage).filter((src) => !scripts(home).includes(src));
    const inline = /import\("[^"]*pack-ui[^"]*"\)/.exec(packPage)?.[0];
    expect(own.length + (inline ? 1 : 0)).toBeGreaterThan(0);
    for (const file of fs.globSync('*/**/index.html', { cwd: site }) as string[]) {
      if (file.endsWith('/pack/index.html')) continue;
      const html = fs.readFileSync(path.join(site, file), 'utf8');
      for (const src of own) expect(html.includes(src), `${file} loads ${src}`).toBe(false);
      expect(html.includes('pack-ui'), file).toBe(false);
    }
    const context = await chromium.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${chromium.origin}/fr/pack/`);
    expect(await page.locator('#pack-form').isVisible()).toBe(false);
    const links = await page.locator('a[href^="/pdf/fr/"]').count();
    expect(links).toBe(1 + fs.readdirSync(path.join(sites.main.content, 'cases')).length);
    await context.close();
  });
});
