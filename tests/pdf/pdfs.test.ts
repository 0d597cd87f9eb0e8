import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PDFDict, PDFName } from 'pdf-lib';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { localeCodes } from '../../src/i18n/locales.ts';
import { sites } from '../setup/sites.ts';
import { box, decodeQr, destinations, loadPdf, outlineTitles, pageText, unembeddedFonts } from './read.ts';

const out = sites.main.out;
const slugs = fs.readdirSync(path.join(sites.main.content, 'cases')).sort();
const pdf = (locale: string, name: string) => path.join(out, 'pdf', locale, `${name}.pdf`);
const title = (slug: string, locale: string) =>
  (parse(fs.readFileSync(path.join(sites.main.content, 'cases', slug, `${locale}.mdx`), 'utf8').split(/^---$/m)[1] ?? '') as { title: string }).title;
const site = 'https://seoul-solutions-manual.example';

describe('the PDFs in the URL table', () => {
  it("use only the project's own fonts: no system font fills in a missing glyph (same bytes on any machine)", () => {
    const foreign = fs.globSync('pdf/*/*.pdf', { cwd: out }).flatMap((file) =>
      execFileSync('pdffonts', [path.join(out, file)], { encoding: 'utf8' })
        .split('\n')
        .slice(2)
        .map((line) => line.split(/\s+/)[0]?.replace(/^[A-Z]{6}\+/, '') ?? '')
        .filter((name) => name && !name.startsWith('NotoSans'))
        .map((name) => `${file}: ${name}`),
    );
    expect(foreign).toEqual([]);
  });

  it('exist for every locale: the manual and a brochure per case, screen and print', () => {
    const missing = localeCodes.flatMap((l) => ['manual', ...slugs].flatMap((n) => [pdf(l, n), pdf(l, `${n}-print`)])).filter((f) => !fs.existsSync(f));
    expect(missing).toEqual([]);
  });

  it.each(localeCodes)('%s: the screen manual is tagged, has Title and Lang, and bookmarks every case by its title', async (locale) => {
    const doc = await loadPdf(pdf(locale, 'manual'));
    expect(doc.catalog.has(PDFName.of('StructTreeRoot'))).toBe(true);
    expect(String(doc.catalog.lookupMaybe(PDFName.of('MarkInfo'), PDFDict)?.lookup(PDFName.of('Marked')))).toBe('true');
    expect(doc.getTitle()).toBeTruthy();
    expect(doc.getAuthor()).toBe('Seoul Metropolitan Government');
    expect(doc.getSubject()).toBeTruthy();
    expect(doc.getKeywords()).toBeTruthy();
    expect(doc.catalog.lookup(PDFName.of('Lang'))?.toString()).toBe(`(${locale})`);
    const titles = outlineTitles(doc);
    for (const slug of slugs) expect(titles, slug).toContain(title(slug, locale));
  });
});

describe('brochures', () => {
  it('are 2 to 4 pages in every locale, so one folded sheet or two carry a case', async () => {
    const outside: string[] = [];
    for (const locale of localeCodes)
      for (const slug of slugs) {
        const pages = (await loadPdf(pdf(locale, slug))).getPageCount();
        if (pages < 2 || pages > 4) outside.push(`${locale}/${slug}: ${pages} pages`);
      }
    expect(outside).toEqual([]);
  });
});

describe('print editions', () => {
  it.each(['manual-print', 'transit-card-print', 'water-supply-print'])(
    '%s: A4 + 3 mm bleed, TrimBox = A4, BleedBox = MediaBox on every page',
    async (name) => {
      for (const locale of ['ko', 'ar']) {
        const doc = await loadPdf(pdf(locale, name));
        for (const page of doc.getPages()) {
          const media = box(page, 'MediaBox');
          expect(media[2]).toBeCloseTo(595.28 + 17.01, 0);
          expect(media[3]).toBeCloseTo(841.89 + 17.01, 0);
          const trim = box(page, 'TrimBox');
          expect(trim[0]).toBeCloseTo(8.5, 0);
          expect(trim[1]).toBeCloseTo(8.5, 0);
          expect(trim[2]).toBeCloseTo(595.28, 0);
          expect(trim[3]).toBeCloseTo(841.89, 0);
          expect(box(page, 'BleedBox')).toEqual(media);
        }
      }
    },
  );
});

describe('fonts and text', () => {
  it('embeds every font in every PDF', async () => {
    const files = fs.globSync('pdf/*/*.pdf', { cwd: out }) as string[];
    expect(files.length).toBe(localeCodes.length * (slugs.length + 1) * 2);
    for (const file of files) expect(unembeddedFonts(await loadPdf(path.join(out, file))), file).toEqual([]);
  });

  it.each(['ko', 'ar', 'zh'])('%s: the case title extracted from the brochure matches the source heading', (locale) => {
    const squash = (s: string) => s.normalize('NFKC').replace(/[\s\u200e\u200f\u202a-\u202e]/g, '');
    for (const slug of ['subway', 'water-supply']) {
      expect(squash(pageText(pdf(locale, slug), 1))).toContain(squash(title(slug, locale)));
    }
  });
});

describe('the contents page', () => {
  it.each(localeCodes)('%s: every entry’s printed page number is the page its destination lands on', async (locale) => {
    const doc = await loadPdf(pdf(locale, 'manual'));
    const dests = destinations(doc);
    const toc = pageText(pdf(locale, 'manual'), 2);
    // The number ends each line, or starts it in right-to-left layouts.
    const pageCount = doc.getPageCount();
    // The number ends each line, or starts it in right-to-left layouts; a year in a title is not a page.
    const printed = toc
      .replace(/[\u200e\u200f\u202a-\u202e]/g, '')
      .split('\n')
      .flatMap((line) =>
        [/^\s*(\d+)\s+\S/.exec(line)?.[1], /\S\s+(\d+)\s*$/.exec(line)?.[1]]
          .map(Number)
          .filter((n) => n > 2 && n <= pageCount)
          .slice(0, 1),
      );
    const ids = ['why-seoul', ...slugs.map((s) => `case-${s}`), 'track-record', 'partner'];
    // Entries are printed in the manual's order of parts; the cases follow their `order`.
    const expected = ids
      .map((id) => dests.get(id))
      .filter((n): n is number => n !== undefined)
      .sort((a, b) => a - b);
    expect(expected.length).toBe(ids.length);
    expect(printed).toEqual(expected);
  });
});

describe('QR codes', () => {
  it.each(['ko', 'es', 'ar'])('%s: the brochure’s QR code opens the case page in that language', (locale) => {
    for (const slug of ['subway', 'governance']) {
      const file = pdf(locale, slug);
      const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
      // The code is on the last page of a brochure; earlier pages are read only if it is not.
      let found: string | undefined;
      for (let p = pages; p >= 1 && !found; p--) found = decodeQr(file, p);
      expect(found, `${locale}/${slug}`).toBe(`${site}/${locale}/cases/${slug}/`);
    }
  });

  it('the manual’s back cover QR code opens the site in that language', async () => {
    for (const locale of ['fr', 'zh']) {
      const doc = await loadPdf(pdf(locale, 'manual'));
      expect(decodeQr(pdf(locale, 'manual'), doc.getPageCount())).toBe(`${site}/${locale}/`);
    }
  });
});
