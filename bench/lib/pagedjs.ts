/**
 * The PDF peer: the same print route, with the same edition CSS, laid out by the Paged.js
 * polyfill in the same Chromium and printed to PDF. What a team would do with Starlight plus
 * Paged.js for a printed manual.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { launchChromium } from '../../src/lib/chromium.ts';
import { serve } from '../../src/lib/static-server.ts';
import { editionCss, type Edition } from '../../src/pdf/editions.ts';

export async function printWithPagedJs(
  siteDir: string,
  route: string,
  edition: Edition,
  polyfill: string,
): Promise<{ pages: number; seconds: number; bytes: number }> {
  const started = performance.now();
  const server = await serve(siteDir);
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    page.setDefaultTimeout(600_000);
    // Paged.js 0.4 parses CSS with css-tree 1, which fails on media range syntax (Tailwind 4 writes
    // `@media (width>=40rem)`): give it the equivalent min-/max-width form. This only helps the peer.
    await page.route('**/*.css', async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, body: oldMediaSyntax(await response.text()) });
    });
    await page.goto(`${server.origin}${route}`, { waitUntil: 'load' });
    await page.addStyleTag({ content: editionCss(edition) });
    await page.evaluate((rewrite) => {
      const fix = new Function('css', rewrite) as (css: string) => string;
      for (const style of document.querySelectorAll('style')) style.textContent = fix(style.textContent ?? '');
    }, `return (${oldMediaSyntax.toString()})(css)`);
    // As our printer does: wait for fonts and images (print routes write every image eager).
    await page.evaluate(async () => {
      await document.fonts.ready;
      await Promise.all(
        [...document.images].map((img) =>
          img.complete
            ? undefined
            : new Promise((resolve) => {
                img.addEventListener('load', resolve);
                img.addEventListener('error', resolve);
              }),
        ),
      );
    });
    await page.evaluate(() => {
      (window as unknown as { PagedConfig: unknown }).PagedConfig = { auto: false };
    });
    await page.addScriptTag({ content: fs.readFileSync(polyfill, 'utf8') });
    const failed = await page.evaluate(async () => {
      try {
        await (window as unknown as { PagedPolyfill: { preview: () => Promise<unknown> } }).PagedPolyfill.preview();
        return '';
      } catch (error) {
        return error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error);
      }
    });
    if (failed) throw new Error(`Paged.js could not lay out ${route}: ${failed}`);
    const bytes = await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: edition === 'screen', outline: true });
    const pages = (await PDFDocument.load(bytes, { updateMetadata: false })).getPageCount();
    return { pages, seconds: (performance.now() - started) / 1000, bytes: bytes.length };
  } finally {
    await browser.close();
    await server.close();
  }
}

function oldMediaSyntax(css: string): string {
  return css.replace(/\(width\s*(<=|>=|<|>)\s*([^)]+)\)/g, (_, op: string, size: string) =>
    op.startsWith('>') ? `(min-width:${size})` : `(max-width:${size})`,
  );
}

export const pagedJsPolyfill = (peers: string) => path.join(peers, 'node_modules/pagedjs/dist/paged.polyfill.js');
