import fs from 'node:fs';
import path from 'node:path';
import { load } from 'cheerio';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { localeCodes, localeInfo } from '../../src/i18n/locales.ts';
import { formatFigure } from '../../src/lib/format.ts';
import { figureSchema, resolveFigures } from '../../src/schemas/case-data.ts';
import { loadFacts } from '../../src/lib/facts.ts';
import { readPage, sites } from '../setup/sites.ts';

/** Every case folder in content/: the tests hold for each case that exists. */
const cases = fs.readdirSync(path.join(sites.main.content, 'cases')).sort();
const page = (route: string) => load(readPage('main', route));
const frontmatter = (slug: string, locale: string) =>
  parse(fs.readFileSync(path.join(sites.main.content, 'cases', slug, `${locale}.mdx`), 'utf8').split('---')[1] ?? '') as { title: string; summary: string };

describe.each(cases)('the %s case', (slug) => {
  it('shows its own Korean and English words on /ko/ and /en/', () => {
    for (const locale of ['ko', 'en']) {
      const $ = page(`${locale}/cases/${slug}`);
      const { title, summary } = frontmatter(slug, locale);
      expect($('h1').text()).toBe(title);
      expect($('html').attr('lang')).toBe(locale);
      expect($('main').attr('lang')).toBe(locale);
      expect($('meta[name=description]').attr('content')).toBe(summary);
      expect($('.fallback-notice')).toHaveLength(0);
    }
  });

  it('lays Arabic pages out right to left', () => {
    const $ = page(`ar/cases/${slug}`);
    expect($('html').attr('dir')).toBe('rtl');
    expect($('html').attr('lang')).toBe('ar');
  });

  it('shows every figure from case.yaml, formatted for the page language, identically wherever ko and en pages show it', () => {
    const data = parse(fs.readFileSync(path.join(sites.main.content, 'cases', slug, 'case.yaml'), 'utf8')) as { figures: unknown[] };
    expect(data.figures.length).toBeGreaterThanOrEqual(5);
    for (const locale of ['ko', 'en'] as const) {
      const $ = page(`${locale}/cases/${slug}`);
      expect($('.key-figures').first().find('[data-figure]').length, 'highlighted figures at the top').toBeGreaterThanOrEqual(5);
      // Figures shared by several cases come from content/facts.yaml (`- fact: id`).
      const items = data.figures.map((raw) => (raw && typeof raw === 'object' && 'fact' in raw ? (raw as { fact: string }) : figureSchema.parse(raw)));
      for (const figure of resolveFigures(items, loadFacts(sites.main.content))) {
        // Cards show the value in <dd>; <Value> shows it inline.
        const shown = $(`[data-figure="${figure.id}"]`)
          .map((_, el) => ($(el).is('.value') ? $(el) : $(el).find('dd')).text())
          .get();
        expect(shown.length, `${figure.id} is shown on /${locale}/`).toBeGreaterThan(0);
        expect(new Set(shown), `${figure.id} on /${locale}/`).toEqual(new Set([formatFigure(figure, locale)]));
      }
    }
  });

  it('offers every locale that has the case as an hreflang alternate, plus x-default', () => {
    const $ = page(`en/cases/${slug}`);
    const langs = $('link[rel=alternate][hreflang]')
      .map((_, el) => $(el).attr('hreflang'))
      .get();
    const own = localeCodes.filter((l) => fs.existsSync(path.join(sites.main.content, 'cases', slug, `${l}.mdx`)));
    expect(langs.sort()).toEqual([...own.map((l) => localeInfo(l).bcp47), 'x-default'].sort());
  });

  it('has a page in every locale, and a language switcher that stays on the case', () => {
    for (const locale of localeCodes) {
      const $ = page(`${locale}/cases/${slug}`);
      const targets = $('.language-switcher a')
        .map((_, el) => $(el).attr('href'))
        .get();
      expect(targets).toEqual(localeCodes.map((code) => `/${code}/cases/${slug}/`));
    }
  });

  it('lists sources that every key figure links to, a timeline, the track record and a contact address', () => {
    const $ = page(`en/cases/${slug}`);
    const data = parse(fs.readFileSync(path.join(sites.main.content, 'cases', slug, 'case.yaml'), 'utf8')) as { trackRecord?: unknown[] };
    $('.key-figures a[href^="#source-"]').each((_, a) => {
      expect($(`${$(a).attr('href')}`).length, $(a).attr('href')).toBe(1);
    });
    // The desk's address, and again (with a subject line) beside the inquiry form.
    const mail = $('.contact a[href^="mailto:"]')
      .map((_, a) => ($(a).attr('href') ?? '').replace(/\?.*$/, ''))
      .get();
    expect(mail.length).toBeGreaterThan(0);
    expect(new Set(mail).size).toBe(1);
    expect($('.timeline li').length).toBeGreaterThanOrEqual(5);
    expect($('.track-record tbody tr').length).toBe(data.trackRecord?.length ?? 0);
  });
});

describe('the site as a whole', () => {
  it('writes every page in the URL table for all eight locales', () => {
    const routes = ['index.html', 'sitemap-index.xml', 'robots.txt'];
    for (const locale of localeCodes) {
      routes.push(`${locale}/index.html`, `${locale}/cases/index.html`, `${locale}/track-record/index.html`, `${locale}/partner/index.html`);
      routes.push(...cases.map((c) => `${locale}/cases/${c}/index.html`));
    }
    const missing = routes.filter((r) => !fs.existsSync(path.join(sites.main.out, r)));
    expect(missing).toEqual([]);
  });

  it('lets the language chooser work as plain links to every locale', () => {
    const $ = page('index.html');
    expect(
      $('a[data-locale]')
        .map((_, el) => $(el).attr('href'))
        .get(),
    ).toEqual(localeCodes.map((c) => `/${c}/`));
  });

  it('lists canonical pages in the sitemap exactly once', () => {
    const urls = [...readPage('main', 'sitemap-0.xml').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1] ?? '').pathname);
    expect(urls).toContain('/ko/cases/transit-card/');
    expect(urls).toContain('/en/cases/bus-reform/');
    expect(urls).toContain('/en/track-record/');
    expect(new Set(urls).size).toBe(urls.length);
  });

  it('filters the case index by sector with plain links', () => {
    const $ = page('en/cases');
    $('.filter-link').each((_, a) => {
      const href = $(a).attr('href') ?? '';
      expect($(href).length, href).toBe(1);
    });
    expect($('.case-card').length).toBe(cases.length);
  });
});

describe('what a reader can check on a case page', () => {
  it('says when the words in front of the reader last changed, as a machine-readable date', () => {
    for (const route of ['en/cases/transit-card', 'ko/cases/transit-card', 'ar/cases/transit-card']) {
      const $ = load(readPage('main', route));
      const time = $('.last-updated time');
      expect(time.attr('datetime'), route).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(time.text().length, route).toBeGreaterThan(5);
    }
  });

  it('names the publisher of every source, and keeps source ids out of search excerpts', () => {
    const $ = load(readPage('main', 'en/cases/transit-card'));
    const sources = $('ol.sources li');
    expect(sources.length).toBeGreaterThan(5);
    sources.each((_, li) => expect($(li).text(), $(li).attr('id')).toMatch(/ — \S/));
    // Key figure cards (value, label, year, source id) stay out of the index and its excerpts.
    expect($('.key-figures').length).toBeGreaterThan(0);
    $('.key-figures').each((_, dl) => expect($(dl).attr('data-pagefind-ignore')).toBeDefined());
    $('ol.sources li > span:first-child').each((_, span) => expect($(span).attr('data-pagefind-ignore')).toBeDefined());
  });
});
