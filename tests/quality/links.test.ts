import fs from 'node:fs';
import path from 'node:path';
import { load } from 'cheerio';
import { PDFDict, PDFName, PDFString } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { isLocale } from '../../src/i18n/locales.ts';
import { outRoot, sites } from '../setup/sites.ts';
import { destinations, loadPdf } from '../pdf/read.ts';

const dir = sites.main.out;
const site = 'https://seoul-solutions-manual.example';
const pages = (fs.globSync('**/*.html', { cwd: dir }) as string[]).filter((f) => !f.startsWith('pagefind/')).sort();
const idsOf = new Map<string, Set<string>>();
function ids(file: string): Set<string> {
  if (!idsOf.has(file)) {
    const $ = load(fs.readFileSync(path.join(dir, file), 'utf8'));
    idsOf.set(
      file,
      new Set(
        $('[id]')
          .map((_, el) => $(el).attr('id'))
          .get(),
      ),
    );
  }
  return idsOf.get(file) ?? new Set();
}
/** The built file a site path points at, if any. */
function fileFor(pathname: string): string | undefined {
  const clean = decodeURIComponent(pathname).replace(/^\//, '');
  for (const candidate of [clean, path.join(clean, 'index.html')]) {
    if (candidate && fs.existsSync(path.join(dir, candidate)) && fs.statSync(path.join(dir, candidate)).isFile()) return candidate;
  }
  return undefined;
}

describe('links', () => {
  it('every internal link and #anchor in the built HTML resolves', () => {
    const broken: string[] = [];
    for (const file of pages) {
      const $ = load(fs.readFileSync(path.join(dir, file), 'utf8'));
      $('a[href], link[href]').each((_, el) => {
        const href = $(el).attr('href') ?? '';
        if (/^(mailto:|https?:)/.test(href) && !href.startsWith(site)) return;
        const url = new URL(href, `${site}/${file}`);
        const target = url.pathname.endsWith('/') || url.pathname === `/${file}` ? fileFor(url.pathname) : fileFor(url.pathname);
        if (!target) return void broken.push(`${file}: ${href} (no such page)`);
        if (url.hash && target.endsWith('.html') && !ids(target).has(decodeURIComponent(url.hash.slice(1)))) broken.push(`${file}: ${href} (no such anchor)`);
      });
    }
    expect(broken).toEqual([]);
  });

  it('keeps links in the reader’s language, except the language switcher and the footer’s other languages', () => {
    const crossing: string[] = [];
    for (const file of pages) {
      const locale = file.split('/')[0] ?? '';
      if (!isLocale(locale)) continue;
      const $ = load(fs.readFileSync(path.join(dir, file), 'utf8'));
      $('a[href^="/"]').each((_, el) => {
        const href = $(el).attr('href') ?? '';
        const first = href.split('/')[1] ?? '';
        if (isLocale(first) && first !== locale && !$(el).closest('.language-switcher, footer nav').length) crossing.push(`${file}: ${href}`);
      });
    }
    expect(crossing).toEqual([]);
  });

  it('opens external links safely and lists them in a report (not fetched)', () => {
    const external = new Map<string, string[]>();
    const unsafe: string[] = [];
    for (const file of pages) {
      const $ = load(fs.readFileSync(path.join(dir, file), 'utf8'));
      $('a[href^="http"]').each((_, el) => {
        const href = $(el).attr('href') ?? '';
        if (href.startsWith(site)) return;
        external.set(href, [...(external.get(href) ?? []), file]);
        if (!($(el).attr('rel') ?? '').split(/\s+/).includes('noopener')) unsafe.push(`${file}: ${href}`);
      });
    }
    const report = [...external]
      .sort()
      .map(([href, files]) => `${href}\t${files.length} page(s)`)
      .join('\n');
    fs.writeFileSync(path.join(outRoot, 'external-links.txt'), `${report}\n`);
    console.log(`[links] ${external.size} external links, listed in tests/.out/external-links.txt`);
    expect(external.size).toBeGreaterThan(0);
    expect(unsafe).toEqual([]);
  });

  it('every link inside the screen PDFs resolves: internal destinations exist, site links point at built pages', async () => {
    const broken: string[] = [];
    for (const file of (fs.globSync('pdf/*/*.pdf', { cwd: dir }) as string[]).filter((f) => !f.endsWith('-print.pdf'))) {
      const doc = await loadPdf(path.join(dir, file));
      const dests = destinations(doc);
      for (const page of doc.getPages()) {
        for (const annot of page.node.Annots()?.asArray() ?? []) {
          const action = doc.context.lookup(annot, PDFDict).lookupMaybe(PDFName.of('A'), PDFDict);
          const uri = action?.lookupMaybe(PDFName.of('URI'), PDFString)?.decodeText();
          const dest = doc.context.lookup(annot, PDFDict).get(PDFName.of('Dest'));
          if (uri?.startsWith(site) && !fileFor(new URL(uri).pathname)) broken.push(`${file}: ${uri}`);
          if (dest && 'decodeText' in dest && !dests.has(decodeURIComponent((dest as PDFString).decodeText())))
            broken.push(`${file}: #${(dest as PDFString).decodeText()}`);
        }
      }
    }
    expect(broken).toEqual([]);
  });
});
