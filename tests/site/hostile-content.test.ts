import fs from 'node:fs';
import path from 'node:path';
import { load, type CheerioAPI } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { printJobs } from '../../src/pdf/print.ts';
import { useBrowser } from '../setup/browser.ts';
import { hostileTitle, outRoot, readPage, sites } from '../setup/sites.ts';
import { box, loadPdf, pageText } from '../pdf/read.ts';

/** How many script elements contain `text`. */
function scriptsWith($: CheerioAPI, text: string): number {
  return $('script').filter((_, el) => ($(el).html() ?? '').includes(text) || ($(el).attr('src') ?? '').includes(text)).length;
}

/**
 * The variant site's Korean-only case has a title written to break out of HTML and CSS
 * (`"</style><script>…`). It must arrive everywhere as the words the author typed.
 */
describe('a title written to break out of the page', () => {
  it('is text on the web page: the heading shows it and no script comes from it', () => {
    const $ = load(readPage('variant', 'ko/cases/pilot-library'));
    expect($('h1').text()).toBe(hostileTitle);
    // As an element: no script carries it (in attribute values, "<" is just a character).
    expect(scriptsWith($, 'pwned')).toBe(0);
    expect($('meta[property="og:title"]').attr('content')).toBe(hostileTitle);
  });

  it('is text on the print route, and its running head cannot close the style element', () => {
    const $ = load(readPage('variant', 'print/ko/cases/pilot-library'));
    expect($('h1').first().text()).toBe(hostileTitle);
    expect(scriptsWith($, 'pwned')).toBe(0);
    const css = $('head style').first().text();
    expect(css).toContain('@page case-pilot-library');
    expect(css).not.toMatch(/<|"<\/|\/style/);
    // Named pages by class: CSP forbids style attributes.
    expect($('[style]').length).toBe(0);
  });

  const handle = useBrowser(sites.variant.out);

  it('prints under the page CSP without a violation, and the PDF reads the title as typed', async () => {
    const page = await handle.browser.newPage();
    const violations: string[] = [];
    page.on('console', (m) => m.text().includes('Content Security Policy') && violations.push(m.text()));
    await page.goto(`${handle.origin}/print/ko/cases/pilot-library/`, { waitUntil: 'load' });
    expect(await page.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();
    await page.close();
    expect(violations).toEqual([]);

    const out = path.join(outRoot, 'hostile-pdf');
    fs.rmSync(out, { recursive: true, force: true });
    fs.mkdirSync(out, { recursive: true });
    await printJobs(sites.variant.out, out, [
      { locale: 'ko', kind: 'brochure', slug: 'pilot-library', edition: 'screen', route: '/print/ko/cases/pilot-library/', output: 'hostile.pdf' },
    ]);
    const file = path.join(out, 'hostile.pdf');
    // The edition's sheet came through the CSP (as a same-origin stylesheet): A4 plus bleed, of
    // which the screen edition shows the A4 trim (Chromium's default sheet would be US Letter).
    const doc = await loadPdf(file);
    const [first] = doc.getPages();
    expect(first && box(first, 'MediaBox').map(Math.round)).toEqual([9, 9, 595, 842]);
    const text = Array.from({ length: doc.getPageCount() }, (_, i) => pageText(file, i + 1)).join('\n');
    expect(text).toContain('</style><script>window.pwned=1</script>');
  });
});
